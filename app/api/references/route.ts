import { prisma } from "@/lib/db/prisma";
import { endpoint } from "@/lib/http/endpoint";
import { LIST_REFERENCE_OPTIONS } from "@/lib/references/reference-endpoints";
import { listReferenceEntries } from "@/lib/references/reference-queries";
import { toReferenceOptions } from "@/lib/references/reference-options";

// Read from the database on each request (build has no database); browsers and proxies keep it five minutes.
export const dynamic = "force-dynamic";

/**
 * The reference index's entries for the note composer. The same for every reader, so shared caches may keep it:
 * it is read as an anonymous reader would read it (the contract's `sameForEveryone`), never from the session.
 */
export const GET = endpoint(LIST_REFERENCE_OPTIONS, async ({ actor }) => ({
  status: 200,
  body: toReferenceOptions(await listReferenceEntries(prisma(), actor)),
  headers: { "Cache-Control": "public, max-age=300" },
}));
