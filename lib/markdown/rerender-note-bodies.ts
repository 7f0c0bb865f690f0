import type { PrismaClient } from "../db/create-prisma-client";
import { NOTE_RENDERER_VERSION, renderNoteMarkdown } from "./render-note-markdown";

const BATCH = 500;

/**
 * Renders again every note whose stored HTML is missing or was made by an older renderer (NOTE_RENDERER_VERSION),
 * a batch at a time, so that reading never renders. A row edited meanwhile (its version moved on) is left to its
 * edit, which stored its own HTML. Idempotent; `updatedAt` is not touched. Answers how many rows it rendered.
 */
export async function rerenderNoteBodies(prisma: PrismaClient): Promise<number> {
  let rendered = 0;
  for (;;) {
    const rows = await prisma.$queryRaw<{ id: string; body: string; version: number }[]>`
      SELECT "id", "body", "version" FROM "Note"
      WHERE "bodyHtmlVersion" IS DISTINCT FROM ${NOTE_RENDERER_VERSION} AND "deletedAt" IS NULL
      ORDER BY "id" LIMIT ${BATCH}`;
    if (rows.length === 0) return rendered;
    const updated = await prisma.$executeRaw`
      UPDATE "Note" n SET "bodyHtml" = r.html, "bodyHtmlVersion" = ${NOTE_RENDERER_VERSION}
      FROM (SELECT unnest(${rows.map((row) => row.id)}::uuid[]) AS id, unnest(${rows.map((row) => renderNoteMarkdown(row.body))}::text[]) AS html,
                   unnest(${rows.map((row) => row.version)}::int[]) AS version) r
      WHERE n."id" = r.id AND n."version" = r.version`;
    rendered += updated;
    // Rows that moved on meanwhile are skipped; if a whole batch did, stop rather than loop on them.
    if (updated === 0) return rendered;
  }
}
