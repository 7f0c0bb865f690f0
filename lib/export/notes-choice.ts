import { z } from "zod";
import { toNoteView } from "../annotations/load-notes";
import type { NoteView } from "../annotations/note-view";
import { ANONYMOUS } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import { Prisma } from "../db/generated/client";
import { notFound, unauthenticated } from "../errors/app-error";
import { contextOf, loadRequestContext, type Reader, type RequestContext } from "../request/request-context";
import { readableIds } from "../w3c/annotation-ids";
import { keysetBatches } from "../w3c/keyset-batches";
import { READER_ACCESS, readableRowsOf } from "../w3c/annotation-queries";

/** Which annotations a TEI file or a CSV of the notes holds. */
export type NotesChoice = { kind: "none" } | { kind: "public" } | { kind: "mine" } | { kind: "group"; groupId: string };

/** ?notes=none|mine|public|group:<id> (default public), for /letters/<slug>/tei.xml and notes.csv. */
export const ZNotesChoiceQuery = z.strictObject({
  notes: z
    .string()
    .regex(/^(none|mine|public|group:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, "notes is none, mine, public or group:<group id>")
    .default("public")
    .transform((value): NotesChoice => (value.startsWith("group:") ? { kind: "group", groupId: value.slice(6).toLowerCase() } : { kind: value as "none" | "public" | "mine" })),
});

/** Only what every reader gets alike may be kept by shared caches. */
export const isSharedChoice = (choice: NotesChoice) => choice.kind === "none" || choice.kind === "public";

/**
 * The reader and the conditions a choice of notes reads under, inside the one visibility rule (readableIds): public
 * is what an anonymous reader may read, whoever asks (so that it can be cached for everyone); mine is the reader's
 * own (401 when signed out); a group's is for its members (404 to anyone else, as the group is to them).
 */
export async function notesChoiceContext(prisma: PrismaClient, who: Reader, choice: NotesChoice): Promise<{ ctx: RequestContext; extra: Prisma.Sql[] } | null> {
  if (choice.kind === "none") return null;
  if (choice.kind === "public") return { ctx: await loadRequestContext(prisma, ANONYMOUS), extra: [] };
  const ctx = await contextOf(prisma, who);
  if (ctx.actor.kind !== "user") throw unauthenticated();
  if (choice.kind === "mine") return { ctx, extra: [Prisma.sql`n."authorId" = ${ctx.actor.id}::uuid`] };
  if (!ctx.reader.roles.has(choice.groupId)) throw notFound("No such group");
  return { ctx, extra: [Prisma.sql`n."visibility" = 'group' AND n."groupId" = ${choice.groupId}::uuid`] };
}

const BATCH = 1000;

/**
 * Every note and reply a choice holds (see notesChoiceContext), in creation order, batch by batch (keysetBatches).
 * Placeholders of deleted notes with live replies are included, as the policy reads them.
 */
export async function* notesOfChoice(prisma: PrismaClient, who: Reader, documentId: string, choice: NotesChoice, path: string): AsyncGenerator<NoteView[]> {
  const scoped = await notesChoiceContext(prisma, who, choice);
  if (!scoped) return;
  yield* keysetBatches(async (after) => {
    const ids = await readableIds(prisma, scoped.ctx, documentId, after ? { kind: "after", ...after } : { kind: "offset", offset: 0 }, BATCH, scoped.extra);
    const rows = await readableRowsOf(prisma, scoped.ctx, ids, path);
    return { ids, items: rows.map((row) => toNoteView(row, READER_ACCESS)) };
  }, BATCH);
}
