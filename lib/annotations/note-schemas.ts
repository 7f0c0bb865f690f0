import { z } from "zod";
import { ZNoteBody } from "../markdown/note-body-schema";

export const REFERENCE_TYPES = ["person", "organisation", "place", "event", "work", "concept", "law", "other"] as const;
export const MAX_TAGS = 20;

const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty")
  .max(40, "A tag has at most 40 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '’.-]*$/u, "Letters, digits, spaces, apostrophes, dots and hyphens only");

export const ZTags = z.array(ZTag).max(MAX_TAGS, `At most ${MAX_TAGS} tags`).transform((tags) => [...new Set(tags)]);

const ZSource = z.strictObject({
  citation: z.string().trim().min(1, "Enter the citation").max(500, "At most 500 characters"),
  url: z.url({ protocol: /^https?$/, message: "An http or https URL" }).max(2000).optional(),
  doi: z
    .string()
    .trim()
    .regex(/^10\.\d{4,9}\/\S+$/, "A DOI looks like 10.1234/abcd")
    .max(200)
    .optional(),
});

export const ZSources = z.array(ZSource).max(20, "At most 20 sources");

/** A link to an entry of the reference index (its slug), or null for none; whether it exists is checked on write. */
const ZReferenceEntryId = z
  .string()
  .max(100, "No such entry in the reference index")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "No such entry in the reference index")
  .nullable();

const ZQuote = z.strictObject({
  exact: z.string().min(1).max(5000),
  prefix: z.string().max(64).default(""),
  suffix: z.string().max(64).default(""),
});
const ZPosition = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((position) => position.start < position.end, "The passage must not be empty");

/** A W3C Web Annotation `canonical` or `via` IRI (any scheme: urn:uuid: is common), kept as the client sent it. */
const ZAnnotationIri = z
  .string()
  .max(2000, "At most 2,000 characters")
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/, "An IRI, e.g. urn:uuid:… or https://…");

const ZNoteFields = z.strictObject({
  paragraph: z.string().regex(/^(p\d{1,4}|s\d{1,3}|dateline|fn\d{1,3})$/, "Not a paragraph anchor"),
  quote: ZQuote.optional(),
  position: ZPosition.optional(),
  referenceType: z.enum(REFERENCE_TYPES, "Choose what kind of reference this is"),
  body: ZNoteBody,
  tags: ZTags.default([]),
  sources: ZSources.default([]),
  visibility: z.enum(["private", "group", "public"], "Choose who may see the note"),
  groupId: z.uuid("Choose a group").optional(),
  referenceEntryId: ZReferenceEntryId.optional(),
  /** Written for an assignment of the group's class: the note must be a group note in that class, on a covered paragraph. */
  assignmentId: z.uuid("No such assignment").optional(),
  /** The annotation's W3C `canonical` and `via` IRIs (the protocol and imports set them). */
  canonical: ZAnnotationIri.optional(),
  via: ZAnnotationIri.optional(),
});

/** What a note's fields must agree on, for the request body and for the operation's input alike. */
function withNoteRules<S extends z.ZodType<{ quote?: unknown; position?: unknown; visibility: string; groupId?: string }>>(schema: S): S {
  return schema
    .refine((note) => Boolean(note.quote) === Boolean(note.position), { message: "A passage needs both its quote and its position", path: ["quote"] })
    .refine((note) => (note.visibility === "group") === Boolean(note.groupId), { message: "Choose a group for a group note (and only then)", path: ["groupId"] });
}

/** The body of POST /api/documents/<slug>/notes. */
export const ZCreateNote = withNoteRules(ZNoteFields);
/** createNote's input: the note, and the document (its slug) it is written on. */
export const ZCreateNoteIn = withNoteRules(ZNoteFields.extend({ slug: z.string().max(200) }));
export type TCreateNote = z.infer<typeof ZCreateNote>;

export const NOTE_SORTS = ["position", "newest", "oldest", "discussed"] as const;
export type TNoteSort = (typeof NOTE_SORTS)[number];

/** Cursor pagination: an opaque token of the last note's creation time and id. */
export const ZNoteListQuery = z.strictObject({
  paragraph: z.string().regex(/^(p\d{1,4}|s\d{1,3}|dateline|fn\d{1,3})$/).optional(),
  referenceType: z.enum(REFERENCE_TYPES).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  author: z.uuid().optional(),
  group: z.uuid().optional(),
  visibility: z.enum(["private", "group", "public"]).optional(),
  entry: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not an index entry id")
    .max(100)
    .optional(),
  /** oldest (default, keyset cursor), newest, position (reading order), discussed (most replies first). */
  sort: z.enum(NOTE_SORTS, "Sort by position, newest, oldest or discussed").default("oldest"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, "Malformed cursor")
    .optional(),
});

/** A reply: its text, and the note or reply of the same thread it answers (the note itself when absent). */
export const ZCreateReply = z.strictObject({
  body: ZNoteBody,
  parentId: z.uuid("Not a reply id").optional(),
  canonical: ZAnnotationIri.optional(),
  via: ZAnnotationIri.optional(),
});
export type TCreateReply = z.infer<typeof ZCreateReply>;
/** createReply's input: the reply, and the note whose thread it goes into. */
export const ZCreateReplyIn = ZCreateReply.extend({ noteId: z.string() });

const ZBasedOnVersion = z.number().int().min(1).max(2_147_483_647, "Not a version of this note");

/**
 * An edit of a note or a reply (PATCH /api/notes/<id>): the body, and for a note, optionally its tags, sources and
 * reference type (left as they are when absent). A reply has none of its own: it keeps its thread's reference type
 * and has no tags or sources, so sending them for a reply is refused.
 */
export const ZEditNote = z.strictObject({
  body: ZNoteBody,
  tags: ZTags.optional(),
  sources: ZSources.optional(),
  referenceType: z.enum(REFERENCE_TYPES, "Choose what kind of reference this is").optional(),
  /** A note's index entry: absent leaves the link as it is, null removes it. */
  referenceEntryId: ZReferenceEntryId.optional(),
  /** The version the edit is based on (or send If-Match). */
  version: ZBasedOnVersion.optional(),
});
export type TEditNote = z.infer<typeof ZEditNote>;
/** updateNote's input: the edit, the note or reply it changes, and the version it is based on (If-Match or `version`). */
export const ZEditNoteIn = ZEditNote.extend({ noteId: z.string(), version: ZBasedOnVersion });
