import { ANONYMOUS } from "@/lib/authz/actor";
import { prisma } from "@/lib/db/prisma";
import { apiRoute } from "@/lib/http/api-route";
import { listReferenceEntries } from "@/lib/references/reference-queries";
import { toReferenceOptions } from "@/lib/references/reference-options";

// Read from the database on each request (build has no database); browsers and proxies keep it five minutes.
export const dynamic = "force-dynamic";

/**
 * The reference index's entries for the note composer. The same for every reader, so shared caches may keep it:
 * it is read as an anonymous reader would read it, never from the session.
 */
export const GET = apiRoute(async () => {
  const options = toReferenceOptions(await listReferenceEntries(prisma(), ANONYMOUS));
  return Response.json(options, { headers: { "Cache-Control": "public, max-age=300" } });
});
