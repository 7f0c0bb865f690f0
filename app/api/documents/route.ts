import { prisma } from "@/lib/db/prisma";
import { listDocumentData, ZDocumentList } from "@/lib/documents/document-data";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-response";
import { publicOrigin } from "@/lib/http/public-origin";

/** Every document of the site (public: the texts are). */
export const GET = apiRoute(async () => jsonResponse(ZDocumentList, await listDocumentData(prisma(), publicOrigin()), { headers: { "Cache-Control": "public, max-age=60" } }));
