import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../db/create-prisma-client";
import { CONTENT_DIR, readEditionsManifest } from "./editions-manifest";
import { importDocument, type ImportOutcome } from "./import-document";
import { SourceFormatError } from "./source-format-error";

/** Imports every edition listed in content/editions.json. */
export async function importEditions(prisma: PrismaClient, contentDir = CONTENT_DIR): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const edition of await readEditionsManifest(contentDir)) {
    const file = path.join(contentDir, edition.file);
    let source: string;
    try {
      source = await readFile(file, "utf8");
    } catch {
      throw new SourceFormatError(`cannot read the source file ${path.relative(process.cwd(), file)}`);
    }
    try {
      outcomes.push(
        await importDocument(prisma, { edition, source, actorLabel: `import of content/${edition.file}` }),
      );
    } catch (error) {
      if (error instanceof SourceFormatError) {
        throw new SourceFormatError(`content/${edition.file}: ${error.message}`);
      }
      throw error;
    }
  }
  return outcomes;
}
