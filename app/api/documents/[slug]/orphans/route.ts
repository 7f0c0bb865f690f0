import { listOrphanedNotes } from "@/lib/annotations/orphaned-notes";
import { prisma } from "@/lib/db/prisma";
import { LIST_ORPHANED_NOTES } from "@/lib/documents/document-endpoints";
import { endpoint } from "@/lib/http/endpoint";
import { loadRequestContext } from "@/lib/request/request-context";

export const GET = endpoint(LIST_ORPHANED_NOTES, async ({ actor, params }) => {
  const notes = await listOrphanedNotes(prisma(), await loadRequestContext(prisma(), actor), params.slug);
  return { status: 200, body: { notes, nextCursor: null }, headers: { "Cache-Control": "private, no-store" } };
});
