import type { z } from "zod";
import { AppError } from "../errors/app-error";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads and validates a JSON body. Refuses other media types (a cross-site form can send text/plain, which
 * request.json() would happily parse), bodies over the limit (413) and malformed JSON (400).
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T, maxBytes = MAX_JSON_BODY_BYTES): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as application/json");
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
      await reader.cancel();
      throw new AppError("payload_too_large", `The body may be at most ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  let data: unknown;
  try {
    data = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON");
  }
  return schema.parse(data);
}
