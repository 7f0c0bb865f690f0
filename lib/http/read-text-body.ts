import { AppError } from "../errors/app-error";
import { decodeUtf8 } from "./text-input";

const limitText = (maxBytes: number) => (maxBytes >= 1048576 ? `${Math.round(maxBytes / 1048576)} MB` : `${maxBytes} bytes`);

/**
 * A request body as text, up to `maxBytes` (413 past it, whether the length is declared or not), decoded as strict
 * UTF-8 (400 otherwise): the JSON API's bodies (64 KB) and import files (20 MB) alike.
 */
export async function readTextBody(request: Request, maxBytes: number, accepted: { pattern: RegExp; names: string }): Promise<string> {
  if (!accepted.pattern.test(request.headers.get("content-type") ?? "")) throw new AppError("unsupported_media_type", `Send the body as ${accepted.names}`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The body may be at most ${limitText(maxBytes)}`);
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
      throw new AppError("payload_too_large", `The body may be at most ${limitText(maxBytes)}`);
    }
    chunks.push(value);
  }
  const text = decodeUtf8(Buffer.concat(chunks));
  if (text === null) throw new AppError("bad_request", "The body is not valid UTF-8");
  return text;
}
