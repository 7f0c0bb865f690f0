import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { readTextBody } from "./read-text-body";
import { normaliseJsonText } from "./text-input";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body. Refuses other media types (a cross-site form can send text/plain, which
 * request.json() would happily parse), bodies over the limit (413) and malformed JSON (400).
 */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = MAX_JSON_BODY_BYTES,
  /** The media types accepted (the W3C protocol also takes application/ld+json). */
  accepted: { pattern: RegExp; names: string } = { pattern: /^application\/json(\s*;|$)/i, names: "application/json" },
): Promise<z.infer<T>> {
  const text = await readTextBody(request, maxBytes, accepted);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON");
  }
  // Every string, before any schema sees it: line breaks normalised, control characters and the like refused.
  const { value, problems } = normaliseJsonText(data);
  if (Object.keys(problems).length) throw new AppError("bad_request", "Invalid input", { fields: problems });
  return schema.parse(value);
}
