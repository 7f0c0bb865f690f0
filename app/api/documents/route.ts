import { prisma } from "@/lib/db/prisma";
import { listDocumentData } from "@/lib/documents/document-data";
import { LIST_DOCUMENTS } from "@/lib/documents/document-endpoints";
import { endpoint } from "@/lib/http/endpoint";
import { publicOrigin } from "@/lib/http/public-origin";

export const GET = endpoint(LIST_DOCUMENTS, async () => ({
  status: 200,
  body: await listDocumentData(prisma(), publicOrigin()),
  headers: { "Cache-Control": "public, max-age=60" },
}));
