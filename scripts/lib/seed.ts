import { createPrismaClient, MAINTENANCE_TIMEOUTS } from "../../lib/db/create-prisma-client";
import { importEditions } from "../../lib/documents/import-editions";
import type { ImportOutcome } from "../../lib/documents/import-document";
import { seedDemoData } from "../../lib/demo/seed-demo-data";
import { rerenderNoteBodies } from "../../lib/markdown/rerender-note-bodies";
import { seedReferenceIndex } from "../../lib/references/seed-reference-index";

/** Imports the letters (and, when asked, demo data). Safe to run on every start: unchanged sources write nothing. */
export async function seedDatabase(
  url: string,
  options: { demo?: boolean } = {},
): Promise<{ outcomes: ImportOutcome[]; demoAccountsCreated: number | null; demoNotesCreated: number | null; notesRendered: number }> {
  const prisma = createPrismaClient({ connectionString: url, poolMax: 2, ...MAINTENANCE_TIMEOUTS });
  try {
    const outcomes = await importEditions(prisma);
    await seedReferenceIndex(prisma);
    const demo = options.demo ? await seedDemoData(prisma) : null;
    // Notes whose stored HTML is missing or older than the renderer: rendered now, so that pages never render.
    const notesRendered = await rerenderNoteBodies(prisma);
    return { outcomes, demoAccountsCreated: demo ? demo.created : null, demoNotesCreated: demo ? demo.notes : null, notesRendered };
  } finally {
    await prisma.$disconnect();
  }
}

export function describeOutcome(outcome: ImportOutcome): string {
  switch (outcome.status) {
    case "created":
      return `${outcome.slug}: imported ${outcome.paragraphs} blocks`;
    case "unchanged":
      return `${outcome.slug}: already up to date`;
    case "revised":
      return `${outcome.slug}: revised source, ${outcome.changedAnchors.length} paragraph(s) changed${outcome.changedAnchors.length ? ` (${outcome.changedAnchors.join(", ")})` : ""}`;
  }
}
