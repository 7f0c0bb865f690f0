import { endpoint } from "@/lib/http/endpoint";
import { publicOrigin } from "@/lib/http/public-origin";
import { openApiDocument } from "@/lib/openapi/openapi-document";
import { GET_OPENAPI } from "@/lib/openapi/openapi-endpoints";

export const GET = endpoint(GET_OPENAPI, async () => ({
  status: 200,
  body: openApiDocument(publicOrigin()),
  headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
}));
