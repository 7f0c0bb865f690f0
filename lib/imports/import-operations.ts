import { z } from "zod";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { DocumentResource, NoteDraftResource } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { AppError, notFound } from "../errors/app-error";
import { ParagraphText } from "../anchoring/paragraph-text";
import { REFERENCE_TYPES, ZSources, ZTags } from "../annotations/note-schemas";
import { ZNoteBody } from "../markdown/note-body-schema";
import { renderedBody } from "../markdown/rendered-body";
import { moderationOnCreate } from "../moderation/premoderation";
import { check, defineOperation } from "../operations/define-operation";
import { contextOf } from "../request/request-context";
import { parseGroupIri } from "../w3c/annotation-iris";
import type { ImportItem, ImportSource } from "./import-item";
import { parseImportFile } from "./parse-import-file";
import { placePassage, type LetterParagraph, type Placement } from "./place-passage";
import { ZImportQuery, ZImportReport, type ImportReport, type ImportStatus } from "./import-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;
type Visibility = { visibility: "private" | "group" | "public"; groupId: string | null };
type ReportItem = ImportReport["items"][number];

/** Rows written per statement inside the import's one transaction. */
const WRITE_BATCH = 500;
/** The whole import commits within this, or nothing of it does. */
const IMPORT_TRANSACTION_MS = 120_000;

const DOCUMENT: DocumentResource = { type: "document" };

const SOURCE_NAMES: Record<ImportSource, string> = { marginalia: "Marginalia", w3c: "a W3C Web Annotation file", hypothesis: "Hypothesis", recogito: "Recogito Studio" };

function attributionOf(source: ImportSource, item: { creator: { id: string | null; name: string | null } | null; created: string | null }): string {
  const who = item.creator?.name ?? item.creator?.id;
  const when = item.created && !Number.isNaN(Date.parse(item.created)) ? new Date(item.created).toISOString().slice(0, 10) : null;
  return [`Imported from ${SOURCE_NAMES[source]}`, who ? `originally by ${who}${when ? ` on ${when}` : ""}` : when ? `originally written on ${when}` : null].filter(Boolean).join("; ");
}

/** A note's fields as the JSON API would accept them, or why not. */
function noteFields(item: Extract<ImportItem, { kind: "note" }>, entries: Set<string>) {
  const body = ZNoteBody.safeParse(item.body);
  if (!body.success) return { refused: body.error.issues[0]?.message ?? "The text is not a note" } as const;
  const tags = ZTags.safeParse(item.tags);
  if (!tags.success) return { refused: `Tags: ${tags.error.issues[0]?.message}` } as const;
  const sources = ZSources.safeParse(item.sources);
  if (!sources.success) return { refused: `Sources: ${sources.error.issues[0]?.message}` } as const;
  const referenceType = (REFERENCE_TYPES as readonly string[]).includes(item.referenceType ?? "") ? (item.referenceType as (typeof REFERENCE_TYPES)[number]) : "other";
  const referenceEntryId = item.referenceEntryId && entries.has(item.referenceEntryId) ? item.referenceEntryId : null;
  return { body: body.data, tags: tags.data, sources: sources.data, referenceType, referenceEntryId } as const;
}

/** What an import is given: the document, the file's text, where its notes go, and the site's own address. */
const ZImportInput = ZImportQuery.omit({ dryRun: true }).extend({
  slug: z.string(),
  file: z.string(),
  /** This site's origin: the file's links to its own letters and groups are recognised by it. */
  origin: z.url(),
});
type TImportInput = z.output<typeof ZImportInput>;

/**
 * Reads the file and decides where every annotation lands, outside any transaction: the preview stops here, and the
 * import writes exactly this plan. Whoever may not import at all (anonymous) is asked to sign in before the file
 * is read, as "annotations:import" says.
 */
async function planImport(prisma: PrismaClient, actor: Actor, input: TImportInput) {
  assertCan(actor, "annotations:import", DOCUMENT);
  const writer = actor as SignedIn;
  const { slug, origin } = input;
  const document = await prisma.document.findUnique({ where: { slug }, select: { id: true, slug: true, sourceUrl: true } });
  if (!document) throw notFound("No such document");
  const letterUrls = [`${origin}/letters/${slug}`, ...(document.sourceUrl ? [document.sourceUrl] : []), ...(input.sameAs ? [input.sameAs] : [])];
  const parsed = parseImportFile(input.file, { appUrl: origin, slug, letterUrls });
  const ctx = await contextOf(prisma, actor);

  // The visibility every note gets: chosen, or (keep) the file's own for Marginalia's exports.
  const chosen: Visibility | null =
    input.visibility === "keep"
      ? null
      : input.visibility.startsWith("group:")
        ? { visibility: "group", groupId: input.visibility.slice(6).toLowerCase() }
        : { visibility: input.visibility as "private" | "public", groupId: null };
  if (chosen?.groupId && !ctx.reader.roles.has(chosen.groupId)) throw new AppError("not_found", "Invalid input", { fields: { visibility: ["You are not a member of this group"] } });
  const visibilityOf = (item: Extract<ImportItem, { kind: "note" }>): Visibility | { refused: string } => {
    if (chosen) return chosen;
    if (parsed.source !== "marginalia" || !item.visibility) return { visibility: "private", groupId: null };
    if (item.visibility !== "group") return { visibility: item.visibility, groupId: null };
    const groupId = item.groupIri ? parseGroupIri(origin, item.groupIri) : null;
    return groupId && ctx.reader.roles.has(groupId) ? { visibility: "group", groupId } : { refused: "its group is not one of yours here" };
  };

  const [paragraphRows, entryRows, existing] = await Promise.all([
    prisma.paragraph.findMany({ where: { documentId: document.id, anchorId: { not: null } }, select: { id: true, anchorId: true, text: true }, orderBy: { ordinal: "asc" } }),
    prisma.referenceEntry.findMany({ select: { id: true } }),
    prisma.note.findMany({
      where: {
        documentId: document.id,
        authorId: writer.id,
        OR: [
          { via: { in: parsed.items.flatMap((item) => (item.originalId ? [item.originalId] : [])) } },
          { canonical: { in: parsed.items.flatMap((item) => (item.kind !== "refused" && item.canonical ? [item.canonical] : [])) } },
        ],
      },
      select: { id: true, via: true, canonical: true, threadId: true, paragraphId: true, visibility: true, groupId: true, referenceType: true, moderationStatus: true, threadStatus: true },
    }),
  ]);
  const paragraphs: LetterParagraph[] = paragraphRows.map((row) => ({ id: row.id, anchor: row.anchorId!, text: new ParagraphText(row.text) }));
  const entries = new Set(entryRows.map((row) => row.id));
  const already = new Map<string, (typeof existing)[number]>();
  for (const row of existing) {
    if (row.via) already.set(row.via, row);
    if (row.canonical) already.set(row.canonical, row);
  }

  // Decide every item first (the preview stops here).
  const report: ReportItem[] = [];
  type PlannedNote = { item: Extract<ImportItem, { kind: "note" }>; placement: Placement; visibility: Visibility; fields: Exclude<ReturnType<typeof noteFields>, { refused: string }> };
  const notes: PlannedNote[] = [];
  const replies: Extract<ImportItem, { kind: "reply" }>[] = [];
  const plannedIds = new Map<string, { status: ImportStatus; paragraph?: string }>();
  for (const item of parsed.items) {
    if (item.kind === "refused") {
      report.push({ index: item.index, originalId: item.originalId, kind: "unknown", status: "refused", reason: item.reason });
      continue;
    }
    const duplicate = (item.originalId && already.get(item.originalId)) || (item.canonical && already.get(item.canonical));
    if (duplicate) {
      report.push({ index: item.index, originalId: item.originalId, kind: item.kind, status: "duplicate", reason: "already imported", noteId: duplicate.id });
      if (item.originalId) plannedIds.set(item.originalId, { status: "duplicate" });
      continue;
    }
    if (item.kind === "reply") {
      replies.push(item);
      continue;
    }
    const fields = noteFields(item, entries);
    if ("refused" in fields) {
      report.push({ index: item.index, originalId: item.originalId, kind: "note", status: "refused", reason: fields.refused });
      continue;
    }
    const visibility = visibilityOf(item);
    if ("refused" in visibility) {
      report.push({ index: item.index, originalId: item.originalId, kind: "note", status: "refused", reason: visibility.refused });
      continue;
    }
    const placement = placePassage(paragraphs, { quote: item.quote, paragraphHint: item.paragraphHint, position: item.positionHint?.unit === "code-points-in-paragraph" ? item.positionHint : null });
    notes.push({ item, placement, visibility, fields });
    const paragraph = placement.paragraph?.anchor;
    report.push({ index: item.index, originalId: item.originalId, kind: "note", status: placement.status, ...(paragraph ? { paragraph } : {}), ...(placement.status === "orphaned" ? { reason: placement.reason } : {}) });
    if (item.originalId) plannedIds.set(item.originalId, { status: placement.status, ...(paragraph ? { paragraph } : {}) });
  }
  // Replies go where what they answer goes; a reply whose note is not imported (refused, or not in the file) is refused.
  const plannedReplies: { item: Extract<ImportItem, { kind: "reply" }>; body: string }[] = [];
  let progressed = true;
  const waiting = [...replies];
  while (progressed && waiting.length) {
    progressed = false;
    for (const item of [...waiting]) {
      const parent = plannedIds.get(item.inReplyTo) ?? (already.has(item.inReplyTo) ? { status: "duplicate" as const } : undefined);
      if (!parent) continue;
      waiting.splice(waiting.indexOf(item), 1);
      progressed = true;
      const body = ZNoteBody.safeParse(item.body);
      if (!body.success) {
        report.push({ index: item.index, originalId: item.originalId, kind: "reply", status: "refused", reason: body.error.issues[0]?.message ?? "The text is not a reply" });
        continue;
      }
      plannedReplies.push({ item, body: body.data });
      const status = parent.status === "duplicate" ? "anchored" : parent.status;
      report.push({ index: item.index, originalId: item.originalId, kind: "reply", status, ...(parent.paragraph ? { paragraph: parent.paragraph } : {}) });
      if (item.originalId) plannedIds.set(item.originalId, { status, ...(parent.paragraph ? { paragraph: parent.paragraph } : {}) });
    }
  }
  for (const item of waiting) report.push({ index: item.index, originalId: item.originalId, kind: "reply", status: "refused", reason: "the annotation it answers is not imported" });

  // The visibilities the notes take: each is asked once, as createNote would ask it (the operations' authorise).
  const keyOf = (visibility: Visibility) => `${visibility.visibility}:${visibility.groupId ?? ""}`;
  const kinds = new Map(notes.map(({ visibility }) => [keyOf(visibility), visibility]));
  const drafts: NoteDraftResource[] = [...kinds.values()].map((visibility) => ({
    type: "note-draft",
    visibility: visibility.visibility,
    viewerGroupRole: visibility.groupId ? (ctx.reader.roles.get(visibility.groupId) ?? null) : null,
  }));
  // What waits for review: notes by their visibility, replies by their thread's (a reply to a note already here
  // goes the way a reply to it written by hand would). Each visibility that waits becomes one batch in the queue.
  const threadVisibility = new Map<string, Visibility>();
  for (const { item, visibility } of notes) if (item.originalId) threadVisibility.set(item.originalId, visibility);
  for (const row of existing) for (const id of [row.via, row.canonical]) if (id) threadVisibility.set(id, { visibility: row.visibility, groupId: row.groupId });
  // The planning put every reply after what it answers, so one pass carries each thread's visibility down its chain.
  const replyKinds = plannedReplies.map(({ item }) => {
    const visibility = threadVisibility.get(item.inReplyTo);
    if (!visibility) throw new Error(`import: the planned reply ${item.originalId} has no thread`);
    if (item.originalId) threadVisibility.set(item.originalId, visibility);
    return visibility;
  });
  for (const visibility of replyKinds) kinds.set(keyOf(visibility), visibility);
  const waits = new Map<string, boolean>();
  for (const [key, visibility] of kinds) waits.set(key, (await moderationOnCreate(prisma as unknown as Prisma.TransactionClient, writer, visibility)).moderationStatus === "pending");
  const pendingItems = notes.filter(({ visibility }) => waits.get(keyOf(visibility))).length + replyKinds.filter((visibility) => waits.get(keyOf(visibility))).length;
  const review = { items: pendingItems, batches: [...waits.values()].filter(Boolean).length };

  report.sort((a, b) => a.index - b.index);
  const counts = { anchored: 0, moved: 0, orphaned: 0, refused: 0, duplicate: 0 };
  for (const item of report) counts[item.status] += 1;
  return { writer, document, source: parsed.source, drafts, report, counts, review, existing, kinds, waits, keyOf, notes, plannedReplies, replyKinds, paragraphs };
}
type ImportPlan = Awaited<ReturnType<typeof planImport>>;

/** The plan's notes and replies, its review batches and nothing else; answers the id made for each original id. */
async function writePlan(tx: Prisma.TransactionClient, plan: ImportPlan, queuedAt: Date) {
  const { writer, document, source, existing, kinds, waits, keyOf, notes, plannedReplies, replyKinds, paragraphs } = plan;
  type ThreadFacts = { paragraphId: string; visibility: Visibility; referenceType: string; status: "approved" | "pending" | "hidden" | "spam" };
  const ids = new Map<string, { id: string; threadId: string | null; row: ThreadFacts }>();
  // `row`: the facts a reply copies from its thread (a reply carries its thread's, so either row will do).
  for (const row of existing) {
    const status = row.threadId ? (row.threadStatus ?? "approved") : row.moderationStatus;
    const facts = { id: row.id, threadId: row.threadId, row: { paragraphId: row.paragraphId, visibility: { visibility: row.visibility, groupId: row.groupId }, referenceType: row.referenceType, status } };
    if (row.via) ids.set(row.via, facts);
    if (row.canonical) ids.set(row.canonical, facts);
  }
  // One batch per visibility that waits for review; its first item written is its one entry in the queue.
  const batches = new Map<string, { id: string; queued: boolean }>();
  for (const [key, visibility] of kinds) {
    if (!waits.get(key)) continue;
    const ofNotes = notes.filter((note) => keyOf(note.visibility) === key);
    const batch = await tx.importBatch.create({
      data: {
        documentId: document.id,
        importerId: writer.id,
        source: SOURCE_NAMES[source],
        visibility: visibility.visibility,
        groupId: visibility.groupId,
        noteCount: ofNotes.length,
        replyCount: replyKinds.filter((reply) => keyOf(reply) === key).length,
        anchored: ofNotes.filter((note) => note.placement.status === "anchored").length,
        moved: ofNotes.filter((note) => note.placement.status === "moved").length,
        orphaned: ofNotes.filter((note) => note.placement.status === "orphaned").length,
      },
      select: { id: true },
    });
    batches.set(key, { id: batch.id, queued: false });
  }
  /** How a new item of this visibility starts: published, or pending in its batch (the batch's first is queued). */
  const moderationOf = (visibility: Visibility) => {
    const batch = batches.get(keyOf(visibility));
    if (!batch) return { moderationStatus: "approved" as const, importBatchId: null, queuedAt: null };
    const lead = !batch.queued;
    batch.queued = true;
    return { moderationStatus: "pending" as const, importBatchId: batch.id, queuedAt: lead ? queuedAt : null };
  };
  const fallback = paragraphs[0]!;
  for (let start = 0; start < notes.length; start += WRITE_BATCH) {
    const batch = notes.slice(start, start + WRITE_BATCH);
    const created = await tx.note.createManyAndReturn({
      data: batch.map(({ item, placement, visibility, fields }) => {
        const passage = placement.status === "orphaned" ? null : placement.passage;
        return {
          documentId: document.id,
          paragraphId: (placement.paragraph ?? fallback).id,
          authorId: writer.id,
          visibility: visibility.visibility,
          groupId: visibility.groupId,
          ...moderationOf(visibility),
          anchorStatus: placement.status === "orphaned" ? ("orphan" as const) : ("anchored" as const),
          // An orphan keeps the quote the file had, so that it can be found and re-attached by hand.
          quoteExact: passage?.quote.exact ?? (placement.status === "orphaned" ? (item.quote?.exact ?? null) : null),
          quotePrefix: passage?.quote.prefix ?? (placement.status === "orphaned" ? (item.quote?.prefix ?? null) : null),
          quoteSuffix: passage?.quote.suffix ?? (placement.status === "orphaned" ? (item.quote?.suffix ?? null) : null),
          positionStart: passage?.position.start ?? null,
          positionEnd: passage?.position.end ?? null,
          referenceType: fields.referenceType,
          ...renderedBody(fields.body),
          tags: fields.tags,
          sources: fields.sources,
          referenceEntryId: fields.referenceEntryId,
          canonical: item.canonical,
          via: item.originalId,
          attribution: attributionOf(source, item),
        };
      }),
      select: { id: true, via: true, paragraphId: true, visibility: true, groupId: true, referenceType: true, moderationStatus: true },
    });
    for (const row of created) {
      if (row.via) ids.set(row.via, { id: row.id, threadId: null, row: { paragraphId: row.paragraphId, visibility: { visibility: row.visibility, groupId: row.groupId }, referenceType: row.referenceType, status: row.moderationStatus } });
    }
  }
  // Replies after what they answer (the planning above ordered them so), each copying its thread's facts.
  for (const { item, body } of plannedReplies) {
    const parent = ids.get(item.inReplyTo);
    if (!parent) throw new Error(`import: the parent ${item.inReplyTo} of a planned reply was not written`);
    const threadId = parent.threadId ?? parent.id;
    const thread = parent.row;
    const moderation = moderationOf(thread.visibility);
    const reply = await tx.note.create({
      data: {
        documentId: document.id,
        paragraphId: thread.paragraphId,
        authorId: writer.id,
        visibility: thread.visibility.visibility,
        groupId: thread.visibility.groupId,
        referenceType: thread.referenceType as (typeof REFERENCE_TYPES)[number],
        ...moderation,
        ...renderedBody(body),
        tags: [],
        sources: [],
        threadId,
        threadStatus: thread.status,
        parentId: parent.id,
        canonical: item.canonical,
        via: item.originalId,
        attribution: attributionOf(source, item),
      },
      select: { id: true },
    });
    // A thread counts its approved replies; a pending one is counted when its batch is approved.
    if (moderation.moderationStatus === "approved") await tx.note.update({ where: { id: threadId }, data: { replyCount: { increment: 1 } } });
    if (item.originalId) ids.set(item.originalId, { id: reply.id, threadId, row: thread });
  }
  return ids;
}

/** The preview and the import share their reading, their planning and their checks: they differ only in writing. */
const importSteps = {
  input: ZImportInput,
  output: ZImportReport,
  load: (db: PrismaClient, actor: Actor, input: TImportInput) => planImport(db, actor, input),
  // What the writer may write, asked once per visibility, as createNote would.
  authorise: ({ loaded }: { loaded: ImportPlan }) => [check("annotations:import", DOCUMENT), ...loaded.drafts.map((draft) => check("note:create", draft))],
};

/** The preview (dryRun=1): where each annotation would land and what would wait for review; nothing is written or counted. */
export const previewImport = defineOperation({
  ...importSteps,
  name: "annotations.import-preview",
  run: async () => null,
  present: (_, { loaded }) => ({ source: loaded.source, dryRun: true, items: loaded.report, counts: loaded.counts, review: loaded.review }),
});

/** The import's writing: the plan, its review batches and its one audit record, in one transaction. */
const importWriteSteps = {
  ...importSteps,
  name: "annotations.import",
  run: async (tx: Prisma.TransactionClient, { loaded, now }: { loaded: ImportPlan; now: Date }) =>
    loaded.notes.length === 0 && loaded.plannedReplies.length === 0 ? null : writePlan(tx, loaded, now),
  audit: ({ loaded, input, result }: { loaded: ImportPlan; input: TImportInput; result: Awaited<ReturnType<typeof writePlan>> | null }) =>
    result
      ? {
          action: "annotations.import",
          subjectId: loaded.writer.id,
          after: JSON.stringify({ ...loaded.counts, review: loaded.review }),
          reason: `${SOURCE_NAMES[loaded.source]} into ${input.slug}`,
        }
      : null,
  present: (made: Awaited<ReturnType<typeof writePlan>> | null, { loaded }: { loaded: ImportPlan }) => {
    const items = loaded.report.map((item) => {
      const written = item.originalId && item.status !== "refused" ? made?.get(item.originalId) : undefined;
      return written ? { ...item, noteId: item.noteId ?? written.id } : item;
    });
    return { source: loaded.source, dryRun: false, items, counts: loaded.counts, review: loaded.review };
  },
  transaction: { timeout: IMPORT_TRANSACTION_MS, maxWait: 10_000 },
};

/**
 * Performs an import of a file of annotations into a document, for the signed-in reader who owns what it makes, by
 * the plan its preview shows. Nothing is partial: one transaction, in batches, under a time limit. Side effects are
 * bounded: no notifications (mentions in imported text tell nobody), one audit record, and what would wait for review
 * (an untrusted writer's public notes, a plain member's in a premoderated group) goes to the queue as one entry per
 * batch (lib/moderation/import-batch.ts), not note by note. One write against the writer's rate limit, however big.
 */
export const runImport = defineOperation({ ...importWriteSteps, limit: "writes" });

/**
 * The same import for the demo's seed (lib/demo/seed-demo-import.ts), which is no writer's request and runs where
 * no rate limiter exists yet (the embedded database at start-up): not counted.
 */
export const seedImport = defineOperation(importWriteSteps);
