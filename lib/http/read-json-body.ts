import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { decodeUtf8, normaliseJsonText } from "./text-input";

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
  const type = request.headers.get("content-type") ?? "";
  if (!accepted.pattern.test(type)) {
    throw new AppError("unsupported_media_type", `Send the body as ${accepted.names}`);
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The body may be at most ${maxBytes} bytes`);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not cancel(): that destroys the socket before the 413 is sent. The server closes the connection after the
      // answer instead, draining what is left of the body (scripts/serve.ts).
      reader.releaseLock();
      throw new AppError("payload_too_large", `The body may be at most ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const text = decodeUtf8(Buffer.concat(chunks));
  if (text === null) throw new AppError("bad_request", "The body is not valid UTF-8");
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
