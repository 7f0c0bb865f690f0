import type { PrismaClient } from "../db/create-prisma-client";
import { seedImport } from "../imports/import-operations";

const SLUG = "reply-to-stalin";
/** The demo's own address for the letter; the import treats it as the letter (its `sameAs`). */
const DEMO_PAGE = "https://demo.marginalia.invalid/letters/reply-to-stalin";

const annotation = (id: string, exact: string, text: string) => ({
  id: `urn:uuid:${id}`,
  type: "Annotation",
  motivation: "commenting",
  creator: { type: "Person", name: "N. Newcomer (elsewhere)" },
  created: "2026-11-20T10:00:00Z",
  body: [{ type: "TextualBody", value: text, format: "text/plain", purpose: "commenting" }],
  target: { source: DEMO_PAGE, selector: { type: "TextQuoteSelector", exact } },
});

/** Three notes and a reply the demo newcomer "made elsewhere" (real phrases of the letter), as a W3C file. */
const DEMO_FILE = JSON.stringify({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "AnnotationCollection",
  label: "Notes brought in from another tool (demo data)",
  first: {
    type: "AnnotationPage",
    items: [
      annotation("d3e0a0f1-0000-4000-8000-000000000001", "the unprecedented defeat of the German revolution", "Example import (demo data). The German October of 1923, called off in Saxony and fought only in Hamburg."),
      annotation("d3e0a0f1-0000-4000-8000-000000000002", "the open Thermidorians", "Example import (demo data). The Opposition's name for the party's right wing, after the Thermidor of 1794."),
      annotation("d3e0a0f1-0000-4000-8000-000000000003", "comrades Sermouks and Fosnansky", "Example import (demo data). Trotsky's secretaries, arrested on their arrival in Alma-Ata."),
      {
        id: "urn:uuid:d3e0a0f1-0000-4000-8000-000000000004",
        type: "Annotation",
        motivation: "replying",
        created: "2026-11-21T09:00:00Z",
        body: { type: "TextualBody", value: "Example import (demo data). Their names are spelled so in the letter.", format: "text/plain" },
        target: "urn:uuid:d3e0a0f1-0000-4000-8000-000000000003",
      },
    ],
  },
});

/**
 * Something for the queue's batch view on a fresh demo: the untrusted newcomer's public import of a small W3C file,
 * through the real import, so it waits for a reviewer as one entry. Skipped once the newcomer has imported.
 */
export async function seedDemoImport(prisma: PrismaClient, ids: Map<string, string>): Promise<number> {
  const newcomerId = ids.get("newcomer@demo.marginalia");
  if (!newcomerId || (await prisma.importBatch.count({ where: { importerId: newcomerId } })) > 0) return 0;
  const newcomer = await prisma.user.findUniqueOrThrow({ where: { id: newcomerId }, select: { id: true, displayName: true, siteRole: true } });
  const report = await seedImport(
    prisma,
    { kind: "user", id: newcomer.id, displayName: newcomer.displayName, siteRole: newcomer.siteRole, sessionId: null },
    {
      slug: SLUG,
      file: DEMO_FILE,
      visibility: "public",
      sameAs: DEMO_PAGE,
      // Only used to recognise the site's own letter URLs in a file; this one names the letter by DEMO_PAGE.
      origin: "http://localhost",
    },
  );
  return report.review.items;
}
