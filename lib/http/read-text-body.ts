import { AppError } from "../errors/app-error";
import { decodeUtf8 } from "./text-input";

/**
 * A request body as text, up to `maxBytes` (413 past it, whether the length is declared or not), decoded as strict
 * UTF-8 (400 otherwise). For bodies bigger than the JSON API's 64 KB: an import file.
 */
export async function readTextBody(request: Request, maxBytes: number, accepted: { pattern: RegExp; names: string }): Promise<string> {
  if (!accepted.pattern.test(request.headers.get("content-type") ?? "")) throw new AppError("unsupported_media_type", `Send the body as ${accepted.names}`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The file may be at most ${Math.round(maxBytes / 1048576)} MB`);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // As readJsonBody: the server closes the connection after the 413, draining the rest (scripts/serve.ts).
      reader.releaseLock();
      throw new AppError("payload_too_large", `The file may be at most ${Math.round(maxBytes / 1048576)} MB`);
    }
    chunks.push(value);
  }
  const text = decodeUtf8(Buffer.concat(chunks));
  if (text === null) throw new AppError("bad_request", "The file is not valid UTF-8");
  return text;
}
