import { AppError } from "../errors/app-error";
import { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH } from "./import-item";
import { exceedsJsonDepth } from "./json-depth";

/**
 * An uploaded file's text as JSON, or the whole file refused: too big, nested too deeply, or not JSON. Checked in
 * that order, each before anything costlier runs: bytes are counted without encoding the text, depth is measured on
 * the text (lib/imports/json-depth.ts) so that nothing after JSON.parse can recurse out of the stack.
 */

/** UTF-8 length of a JS string, counted rather than encoded (no 20 MB buffer); a lone surrogate counts as U+FFFD. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function isTooLarge(text: string): boolean {
  // Every UTF-16 unit is at least one byte and at most three: most texts are decided without counting.
  if (text.length > MAX_IMPORT_BYTES) return true;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return false;
  return utf8ByteLength(text) > MAX_IMPORT_BYTES;
}

const MEBIBYTES = MAX_IMPORT_BYTES / (1024 * 1024);

/**
 * `__proto__` keys are dropped while parsing: JSON.parse makes them plain own properties, but copying such an object
 * (normaliseJsonText does) would set the copy's prototype, and a field could then be read through it.
 */
function dropProtoKeys(key: string, value: unknown): unknown {
  return key === "__proto__" ? undefined : value;
}

export function readImportJson(text: string): unknown {
  if (isTooLarge(text)) {
    throw new AppError("payload_too_large", `The file is larger than ${MEBIBYTES} MB: split it into smaller exports`);
  }
  if (exceedsJsonDepth(text, MAX_IMPORT_DEPTH)) {
    throw new AppError("bad_request", `The file nests deeper than ${MAX_IMPORT_DEPTH} levels: no annotation file does`);
  }
  try {
    // A byte order mark is how some editors save UTF-8; JSON.parse would refuse it.
    return JSON.parse(text.replace(/^\uFEFF/, ""), dropProtoKeys);
  } catch {
    throw new AppError("bad_request", "The file is not JSON: export the annotations as JSON and upload that file");
  }
}
