import { MAX_CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from "../anchoring/selectors";
import { MAX_TAGS, ZTags } from "../annotations/note-schemas";
import { normaliseJsonText, unsafeTextReason } from "../http/text-input";
import { ZNoteBody } from "../markdown/note-body-schema";
import type { ImportCreator, ImportPosition, ImportQuote } from "./import-item";

/**
 * The readers every format parser shares. Each either returns a normalised value or throws ItemRefusal, which the
 * file's parser turns into one `refused` item: a bad annotation never fails the file.
 */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
/** One value where a format allows one or many (JSON-LD does everywhere). */
export const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** Why one annotation cannot be imported; caught per item, never escapes the file's parser. */
export class ItemRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ItemRefusal";
  }
}

export function refuse(reason: string): never {
  throw new ItemRefusal(reason);
}

// Prefix and suffix are stored at most MAX_CONTEXT_LENGTH long (ZQuote); longer context is cut, keeping what is
// nearest the quote.
/** IRIs and ids longer than this are not ids anyone meant (ZCreateNote's canonical allows 2,000 as well). */
const MAX_ID_LENGTH = 2000;
const MAX_NAME_LENGTH = 200;

/**
 * The annotation with its strings' line breaks normalised, or refused when any string in it (or any key) holds NUL,
 * another control character, a lone surrogate or a non-character: text the database cannot store, checked on the
 * whole annotation because any of its strings may end up stored or shown.
 */
export function safeAnnotation(raw: Json): Json {
  const { value, problems } = normaliseJsonText(raw);
  const [path, reasons] = Object.entries(problems)[0] ?? [];
  if (path !== undefined) refuse(`${path === "_" ? "" : `${path}: `}${reasons![0]}`);
  return value as Json;
}

/** An id as the file gives it, or null when it is not usable as one. */
export function readId(value: unknown): string | null {
  // Checked here too: a refused item's id is read from the annotation as the file has it, before safeAnnotation.
  return typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH && unsafeTextReason(value) === null ? value : null;
}

/** An IRI (any scheme), as ZCreateNote accepts `canonical`; null otherwise. */
export function readIri(value: unknown): string | null {
  const id = readId(value);
  return id !== null && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(id) ? id : null;
}

/** The note's text as ZNoteBody stores it (trimmed, within its limit), or refused with the reason. */
export function readNoteBody(text: string): string {
  if (text.trim() === "") refuse("Empty body: the annotation has no text to import");
  const result = ZNoteBody.safeParse(text);
  if (!result.success) refuse(`Body: ${result.error.issues[0]?.message ?? "not storable as a note"}`);
  return result.data;
}

/** Tags as ZTags normalises them; more than MAX_TAGS, or one ZTags refuses, refuses the annotation (nothing is dropped). */
export function readTags(values: unknown[]): string[] {
  if (values.length > MAX_TAGS) refuse(`More than ${MAX_TAGS} tags (this has ${values.length}): a note has at most ${MAX_TAGS}`);
  const texts = values.map((value) => (typeof value === "string" ? value : refuse("A tag is text")));
  const result = ZTags.safeParse(texts);
  if (!result.success) {
    const issue = result.error.issues[0];
    const position = issue?.path[0];
    const at = typeof position === "number" ? ` "${texts[position]}"` : "";
    refuse(`Tag${at}: ${issue?.message ?? "not a tag"}`);
  }
  return result.data;
}

/** At most `max` UTF-16 units from the start (or the end) without splitting a surrogate pair. */
function clip(text: string, max: number, keep: "start" | "end"): string {
  if (text.length <= max) return text;
  if (keep === "start") {
    const high = text.charCodeAt(max - 1);
    return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
  }
  const low = text.charCodeAt(text.length - max);
  return text.slice(low >= 0xdc00 && low <= 0xdfff ? text.length - max + 1 : text.length - max);
}

/**
 * A TextQuoteSelector as a quote: null without a non-empty `exact`; refused when `exact` is longer than a stored
 * quote may be. Prefix and suffix are context only, so overlong ones are cut to what is nearest the quote.
 */
export function readQuote(selector: Json): ImportQuote | null {
  const { exact, prefix, suffix } = selector;
  if (typeof exact !== "string" || exact === "") return null;
  if (exact.length > MAX_QUOTE_LENGTH) {
    refuse(`Quote longer than ${MAX_QUOTE_LENGTH.toLocaleString("en-US")} characters (${exact.length.toLocaleString("en-US")})`);
  }
  return {
    exact,
    prefix: typeof prefix === "string" ? clip(prefix, MAX_CONTEXT_LENGTH, "end") : "",
    suffix: typeof suffix === "string" ? clip(suffix, MAX_CONTEXT_LENGTH, "start") : "",
  };
}

/** A TextPositionSelector as a hint: null unless it is a non-empty span of whole, non-negative offsets. */
export function readPosition(selector: Json, unit: ImportPosition["unit"]): ImportPosition | null {
  const { start, end } = selector;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if ((start as number) < 0 || (start as number) >= (end as number)) return null;
  return { start: start as number, end: end as number, unit };
}

/** ISO 8601 date-times only (V8's Date parses "Tuesday 3" too); microseconds, as Hypothesis writes, are cut to ms. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,3})\d*)?(Z|[+-]\d{2}:?\d{2})$/;

/** A creation time as ISO 8601 in UTC, or null when the file gives none (or none that is a date-time). */
export function readCreated(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, dateTime, milliseconds, offset] = match;
  const zone = offset === "Z" ? "Z" : offset.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const time = Date.parse(`${dateTime}${milliseconds ? `.${milliseconds}` : ""}${zone}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function readName(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, MAX_NAME_LENGTH) : null;
}

/** A W3C creator (an IRI, or an agent with id and name/nickname; the first of a list), or null. */
export function readCreator(value: unknown): ImportCreator | null {
  const first = asList(value)[0];
  if (typeof first === "string") return readId(first) ? { id: first, name: null } : null;
  if (!isObject(first)) return null;
  const creator = { id: readId(first.id), name: readName(first.name) ?? readName(first.nickname) };
  return creator.id === null && creator.name === null ? null : creator;
}

/** A creator from an id and a display name, each optional (Hypothesis's `user` and `user_info.display_name`). */
export function creatorOf(id: unknown, name: unknown): ImportCreator | null {
  const creator = { id: readId(id), name: readName(name) };
  return creator.id === null && creator.name === null ? null : creator;
}
