import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * Editorial facts that are not in the source file: the URL slug, the place as a modern reader spells it
 * (the letter's own dateline says "Alma Alta" and stays so), and the source URL where one is known.
 */
export const ZEdition = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  file: z.string().regex(/^[\w.-]+\.txt$/),
  place: z.string().min(1).nullable(),
  sourceUrl: z.url().nullable(),
});
export type TEdition = z.infer<typeof ZEdition>;

export const CONTENT_DIR = path.resolve(process.cwd(), "content");

export async function readEditionsManifest(contentDir = CONTENT_DIR): Promise<TEdition[]> {
  const file = path.join(contentDir, "editions.json");
  return z.array(ZEdition).parse(JSON.parse(await readFile(file, "utf8")));
}
