// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { z } from "zod";
import { ZRowId } from "../db/row-id";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZFlag, ZFlagCreated } from "../moderation/moderation-schemas";
import { ZCreateNote, ZCreateReply, ZEditNote, ZNoteListQuery } from "./note-schemas";
import { ZNotePage, ZNoteView } from "./note-view";
import { ZNoteHistoryView, ZThreadView } from "./thread-view";

/** A document's slug ("reply-to-stalin"); one that names no document is 404. */
const ZDocumentPath = z.strictObject({ slug: z.string().min(1).max(200) });
const ZNotePath = z.strictObject({ noteId: ZRowId });
const NOTE_PATH = "/api/notes/{noteId}";
/** Response headers, by name, as the document describes them. */
const PRIVATE = { "Cache-Control": "`private, no-store`: the answer is for this reader only" };
const ETAG = { ETag: 'The item\'s version, quoted ("3"): send it back as If-Match to edit it' };
const CREATED = { ...ETAG, Location: "The new item's URL (/api/notes/<id>)" };

export const LIST_NOTES = defineEndpoint({
  method: "GET",
  path: "/api/documents/{slug}/notes",
  operationId: "listNotes",
  summary: "The notes on a document the reader may see",
  description: "Filters by paragraph, reference type, tag, author, group, visibility and index entry; sorted, with cursor pagination (`nextCursor`).",
  tag: "Notes",
  security: "public",
  params: ZDocumentPath,
  query: ZNoteListQuery,
  responses: { 200: { description: "A page of notes", schema: ZNotePage, headers: PRIVATE } },
  errors: [400, 401, 404],
});

export const CREATE_NOTE = defineEndpoint({
  method: "POST",
  path: "/api/documents/{slug}/notes",
  operationId: "createNote",
  summary: "Write a note on a paragraph, or on a passage of it",
  description:
    "A passage is its quote and its position in the paragraph's text, both checked. A group note needs a group the writer is in (any other is 404); a note for an assignment is a group note in its class, on a covered paragraph (409 once closed). An untrusted writer's public note, or a note in a premoderated group, waits for review. Counted against the writer's hourly writes (429).",
  tag: "Notes",
  security: "token-or-session",
  params: ZDocumentPath,
  body: { schema: ZCreateNote },
  responses: { 201: { description: "The note, as its author sees it", schema: ZNoteView, headers: CREATED } },
  errors: [400, 401, 403, 404, 409, 413, 415, 429],
});

export const GET_NOTE = defineEndpoint({
  method: "GET",
  path: NOTE_PATH,
  operationId: "getNote",
  summary: "One note or reply",
  description: "Whoever may read it; anyone else, and a deleted item without replies, 404.",
  tag: "Notes",
  security: "public",
  params: ZNotePath,
  responses: { 200: { description: "The note, with what the reader may do with it", schema: ZNoteView, headers: { ...ETAG, ...PRIVATE } } },
  errors: [401, 404],
});

export const UPDATE_NOTE = defineEndpoint({
  method: "PATCH",
  path: NOTE_PATH,
  operationId: "updateNote",
  summary: "Edit a note or a reply",
  description:
    'Its author, from the version the edit is based on: the `If-Match` header (the ETag, such as "3") or `version` in the body; a stale one is 412. A reply sends only its body. The text replaced is kept in the history.',
  tag: "Notes",
  security: "token-or-session",
  params: ZNotePath,
  body: { schema: ZEditNote },
  responses: { 200: { description: "The note as it now is", schema: ZNoteView, headers: ETAG } },
  errors: [400, 401, 403, 404, 412, 413, 415],
});

export const DELETE_NOTE = defineEndpoint({
  method: "DELETE",
  path: NOTE_PATH,
  operationId: "deleteNote",
  summary: "Delete a note or a reply",
  description: "Its author. While live replies hang below it, it stays in its thread as an empty placeholder.",
  tag: "Notes",
  security: "token-or-session",
  params: ZNotePath,
  responses: { 204: { description: "Deleted" } },
  errors: [401, 403, 404],
});

export const LIST_THREAD = defineEndpoint({
  method: "GET",
  path: `${NOTE_PATH}/replies`,
  operationId: "listThread",
  summary: "A note and the replies in its thread the reader may see",
  description: "In display order, each reply with its depth and whom it answers. A reply's id is 400 (its thread's note is named).",
  tag: "Notes",
  security: "public",
  params: ZNotePath,
  responses: { 200: { description: "The thread, and whether the reader may reply", schema: ZThreadView, headers: PRIVATE } },
  errors: [400, 401, 404],
});

export const CREATE_REPLY = defineEndpoint({
  method: "POST",
  path: `${NOTE_PATH}/replies`,
  operationId: "createReply",
  summary: "Reply in a note's thread",
  description:
    "To the note, or to one of its replies (`parentId`). Any reader who may see the note; a locked thread, or a closed assignment's, is 409. Pre-moderated as notes are. Counted against the writer's hourly writes (429).",
  tag: "Notes",
  security: "token-or-session",
  params: ZNotePath,
  body: { schema: ZCreateReply },
  responses: { 201: { description: "The reply, as its author sees it", schema: ZNoteView, headers: CREATED } },
  errors: [400, 401, 403, 404, 409, 413, 415, 429],
});

export const FLAG_NOTE = defineEndpoint({
  method: "POST",
  path: `${NOTE_PATH}/flags`,
  operationId: "flagNote",
  summary: "Flag a note or a reply for its moderators",
  description:
    "Any signed-in reader of a shared, approved item but its author, once (409 the second time). The answer names no one. Counted against the flagger's hourly writes (429).",
  tag: "Notes",
  security: "token-or-session",
  params: ZNotePath,
  body: { schema: ZFlag },
  responses: { 201: { description: "The flag", schema: ZFlagCreated } },
  errors: [400, 401, 403, 404, 409, 413, 415, 429],
});

export const NOTE_HISTORY = defineEndpoint({
  method: "GET",
  path: `${NOTE_PATH}/history`,
  operationId: "getNoteHistory",
  summary: "Every version of a note or reply",
  description: "Oldest first, each with who wrote it and the word differences from the version before. Whoever may read the item.",
  tag: "Notes",
  security: "public",
  params: ZNotePath,
  responses: { 200: { description: "The versions", schema: ZNoteHistoryView, headers: PRIVATE } },
  errors: [401, 404],
});
