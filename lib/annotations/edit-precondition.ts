import { AppError } from "../errors/app-error";

/** A note's ETag: its version, quoted, as HTTP wants entity tags. */
export function noteEtag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an edit is based on: the If-Match header ("3" or W/"3", as the note's ETag was sent) or, for clients
 * that cannot set headers, `version` in the body. Without either an edit could silently overwrite a newer one, so
 * it is refused; a header that is not one of our ETags (a list, "*", garbage) is refused too.
 */
export function editBasedOn(ifMatch: string | null, bodyVersion: number | undefined): number {
  if (ifMatch !== null) {
    const match = /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch.trim());
    if (!match || Number(match[1]) < 1) throw new AppError("bad_request", 'If-Match must be the note\'s ETag, such as "3"');
    return Number(match[1]);
  }
  if (bodyVersion === undefined) {
    throw new AppError("bad_request", "Invalid input", { fields: { version: ["Send the version the edit is based on (If-Match)"] } });
  }
  return bodyVersion;
}
