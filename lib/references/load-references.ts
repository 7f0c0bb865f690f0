import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ZReferenceIndex, type TReferenceIndex } from "./reference-schemas";

export const REFERENCES_FILE = path.resolve(process.cwd(), "content", "references.json");

/** The reference index file does not hold a valid index; the message names each problem and where it is. */
export class ReferenceIndexError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file === undefined ? message : `${file}: ${message}`);
    this.name = "ReferenceIndexError";
  }
}

/** Validates already-parsed JSON as a reference index: entry shapes, unique ids, non-empty and unique aliases. */
export function parseReferenceIndex(data: unknown, file?: string): TReferenceIndex {
  const result = ZReferenceIndex.safeParse(data);
  if (!result.success) throw new ReferenceIndexError(z.prettifyError(result.error), file);
  return result.data;
}

/** Reads and validates content/references.json (or another file with the same shape). */
export async function loadReferences(file = REFERENCES_FILE): Promise<TReferenceIndex> {
  const text = await readFile(file, "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReferenceIndexError(`not valid JSON (${(error as Error).message})`, file);
  }
  return parseReferenceIndex(data, file);
}
