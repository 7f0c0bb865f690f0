import { z } from "zod";
import { REFERENCE_TYPES } from "../annotations/note-schemas";
import { AppError } from "../errors/app-error";
import { fieldErrors } from "../http/error-response";

/**
 * A GET form sends every select, so an empty value means "no filter": it is absent to the schema (an empty q is
 * not, for the schema to refuse).
 */
const unlessBlank = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

/** A search of a document's notes: the words (web-search syntax: "quoted phrases", or, -word) and the note filters. */
export const ZNoteSearchQuery = z.strictObject({
  q: z.string().trim().min(1, "Enter words to search for").max(200, "At most 200 characters"),
  referenceType: unlessBlank(z.enum(REFERENCE_TYPES, "Not a reference type").optional()),
  tag: unlessBlank(z.string().trim().toLowerCase().min(1, "A tag cannot be empty").max(40, "A tag has at most 40 characters").optional()),
  author: unlessBlank(z.uuid("Not an author id").optional()),
  group: unlessBlank(z.uuid("Not a group id").optional()),
  visibility: unlessBlank(z.enum(["private", "group", "public"], "Not a visibility").optional()),
  entry: unlessBlank(
    z
      .string()
      .max(100)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not a reference index entry id")
      .optional(),
  ),
  paragraph: unlessBlank(
    z
      .string()
      .regex(/^(p\d{1,4}|s\d{1,3}|dateline|fn\d{1,3})$/, "Not a paragraph anchor")
      .optional(),
  ),
  limit: unlessBlank(z.coerce.number("A number from 1 to 50").int("A whole number").min(1, "At least 1").max(50, "At most 50").default(20)),
  cursor: unlessBlank(
    z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, "Malformed cursor")
      .optional(),
  ),
});
export type TNoteSearchQuery = z.infer<typeof ZNoteSearchQuery>;

export const SEARCH_PARAM_NAMES = Object.keys(ZNoteSearchQuery.shape) as (keyof TNoteSearchQuery)[];

/** Parses a query string (repeated names keep their last value); bad input is an AppError (400 with a message per field), whoever asked. */
export function parseSearchQuery(params: URLSearchParams): TNoteSearchQuery {
  const parsed = ZNoteSearchQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new AppError("bad_request", "Invalid input", { fields: fieldErrors(parsed.error) });
  return parsed.data;
}
