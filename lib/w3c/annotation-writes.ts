import type { Actor } from "../authz/actor";
import type { PrismaClient } from "../db/create-prisma-client";
import { AppError } from "../errors/app-error";
import { createNote, deleteNote, updateNote } from "../annotations/note-operations";
import { createReply } from "../annotations/reply-operations";
import { ZCreateNote, ZCreateReply, ZEditNote } from "../annotations/note-schemas";
import { getAnnotation } from "./annotation-queries";
import { annotationIri } from "./annotation-iris";
import { parseAnnotation } from "./from-annotation";
import { parseIfMatch } from "./protocol-headers";

/** The JSON API's field names, as a protocol client knows them: paths into its annotation. */
const PROTOCOL_FIELDS: Record<string, string> = {
  paragraph: "target.selector.value",
  quote: "target.selector.refinedBy.TextQuoteSelector",
  position: "target.selector.refinedBy.TextPositionSelector",
  groupId: "group",
  referenceEntryId: "body.identifying",
};

function inProtocolTerms(error: unknown): never {
  if (error instanceof AppError && error.details.fields) {
    const fields = Object.fromEntries(Object.entries(error.details.fields).map(([key, messages]) => [PROTOCOL_FIELDS[key] ?? key, messages]));
    throw new AppError(error.code, error.message, { ...error.details, fields });
  }
  throw error;
}

const conflict = (message: string, field: string) => new AppError("conflict", message, { fields: { [field]: [message] } });

/**
 * POST to the container: the annotation becomes a note (or a reply, when it answers one of this container's
 * annotations) through the same operations as the JSON API — policy, passage check, pre-moderation, and the
 * writer's rate limit, which those operations count.
 * `canonical` is kept; a client's own `id` is kept in `via` (the server mints the id, protocol §5.1).
 */
export async function createAnnotation(prisma: PrismaClient, actor: Actor, slug: string, json: unknown, origin: string) {
  const parsed = parseAnnotation(json, { appUrl: origin, slug });
  const provenance = {
    ...(parsed.canonical ? { canonical: parsed.canonical } : {}),
    ...(parsed.via ?? parsed.id ? { via: parsed.via ?? parsed.id! } : {}),
  };
  const created = await (async () => {
    if (parsed.kind === "note") return createNote(prisma, actor, { slug, ...ZCreateNote.parse({ ...parsed.note, ...provenance }) }).catch(inProtocolTerms);
    const { row } = await getAnnotation(prisma, actor, slug, parsed.targetId, origin).catch((error: unknown) => {
      throw error instanceof AppError && (error.code === "not_found" || error.code === "gone")
        ? new AppError("bad_request", "Invalid input", { fields: { target: ["Not an annotation of this container you may read"] } })
        : error;
    });
    // The reply goes into the thread of what it answers: a note opens one; a reply names its thread's note.
    const threadId = row.threadId ?? row.id;
    return createReply(prisma, actor, { noteId: threadId, ...ZCreateReply.parse({ body: parsed.body, ...(row.threadId ? { parentId: row.id } : {}), ...provenance }) });
  })();
  return getAnnotation(prisma, actor, slug, created.id, origin);
}

/** If-Match against the current tag: absent is 428 (the protocol requires it for PUT), stale 412. */
function assertIfMatch(header: string | null, current: string, required: boolean): void {
  const ifMatch = parseIfMatch(header);
  if (ifMatch.kind === "absent") {
    if (required) throw new AppError("precondition_required", "Send If-Match with the ETag of the annotation you are replacing");
    return;
  }
  if (ifMatch.kind === "malformed") throw new AppError("bad_request", "If-Match is not a list of entity tags", { fields: { "If-Match": ["Not a list of entity tags"] } });
  if (ifMatch.kind === "tags" && !ifMatch.tags.includes(current)) {
    throw new AppError("precondition_failed", `The annotation changed; its ETag is now ${current}`);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * PUT: replaces what a writer may change (body, tags, sources, type, index entry) and keeps the rest. Server-managed
 * fields (id, creator, created) may be sent back as they are but not changed (409), nor may the target, visibility
 * or group (edit those in the app; 409 says so).
 */
export async function replaceAnnotation(prisma: PrismaClient, actor: Actor, slug: string, id: string, json: unknown, ifMatchHeader: string | null, origin: string) {
  const current = await getAnnotation(prisma, actor, slug, id, origin);
  assertIfMatch(ifMatchHeader, current.etag, true);
  const parsed = parseAnnotation(json, { appUrl: origin, slug });
  const existing = current.annotation as Record<string, unknown>;
  if (parsed.id !== null && parsed.id !== annotationIri(origin, slug, id)) throw conflict("The id is the server's and cannot change", "id");
  if (parsed.creator !== undefined && parsed.creator !== null && !sameJson((parsed.creator as { id?: unknown }).id ?? parsed.creator, (existing.creator as { id?: unknown } | undefined)?.id)) {
    throw conflict("The creator is the server's and cannot change", "creator");
  }
  if (parsed.created !== undefined && parsed.created !== null && parsed.created !== existing.created) throw conflict("The creation time is the server's and cannot change", "created");
  const row = current.row;
  if ((parsed.kind === "reply") !== (row.threadId !== null)) throw conflict("A note stays a note and a reply stays a reply", "motivation");
  if (parsed.kind === "reply") {
    const answered = row.parentId ?? row.threadId;
    if (parsed.targetId !== answered) throw conflict("A reply keeps the annotation it answers", "target");
  } else {
    const note = parsed.note;
    if (note.paragraph !== row.paragraph.anchorId || (note.quote?.exact ?? null) !== row.quoteExact || (note.position?.start ?? null) !== row.positionStart || (note.position?.end ?? null) !== row.positionEnd) {
      throw conflict("The target cannot change through the protocol; write a new annotation instead", "target");
    }
    if ((note.visibility ?? "public") !== row.visibility || (note.groupId ?? null) !== row.groupId) {
      throw conflict("Visibility and group cannot change through the protocol", "visibility");
    }
  }
  const { version } = row;
  const edit =
    parsed.kind === "reply"
      ? ZEditNote.parse({ body: parsed.body })
      : ZEditNote.parse({
          body: parsed.note.body,
          tags: parsed.note.tags ?? [],
          sources: parsed.note.sources ?? [],
          referenceType: parsed.note.referenceType ?? "other",
          referenceEntryId: parsed.note.referenceEntryId ?? null,
        });
  await updateNote(prisma, actor, { ...edit, noteId: id, version });
  return getAnnotation(prisma, actor, slug, id, origin);
}

/** DELETE: the note or reply is deleted as in the app (a note with replies stays as a placeholder). */
export async function deleteAnnotation(prisma: PrismaClient, actor: Actor, slug: string, id: string, ifMatchHeader: string | null, origin: string): Promise<void> {
  const current = await getAnnotation(prisma, actor, slug, id, origin);
  assertIfMatch(ifMatchHeader, current.etag, false);
  await deleteNote(prisma, actor, { noteId: id });
}
