import { letterIri } from "../w3c/annotation-iris";
import { detectImportFormat, w3cFlavour } from "./detect-import-format";
import { isObject, ItemRefusal, readId, refuse, safeAnnotation, type Json } from "./import-fields";
import type { ImportItem, ImportItemDraft, ImportSource, ParsedImport } from "./import-item";
import { letterUrlMatcher } from "./letter-urls";
import { parseHypothesisAnnotation } from "./parse-hypothesis";
import { parseMarginaliaAnnotation } from "./parse-marginalia";
import { parseW3cAnnotation } from "./parse-w3c";
import { readImportJson } from "./read-import-json";

/**
 * An uploaded annotation file as import items for the letter `slug`: pure (no database, no network; nothing in a
 * file is ever fetched). The whole file is refused with an AppError when it cannot be read at all (too big, too
 * deep, not JSON, too many annotations, a shape no format has); after that, each annotation stands alone: one that
 * cannot be imported becomes a `refused` item with its reason, and the rest are imported.
 */

export type ImportFileOptions = {
  /** This site's public origin (no trailing slash). */
  appUrl: string;
  slug: string;
  /**
   * The pages a Hypothesis or Recogito annotation may target for this letter (the archive's page, say), compared
   * without scheme, fragment or trailing slash. The letter's own page on this site is always one of them.
   */
  letterUrls: readonly string[];
};

type ParseOne = (annotation: Json, index: number) => ImportItemDraft[];

/** One annotation's items, or its refusal: a bad one never fails the file. */
function itemsOf(raw: unknown, index: number, parse: ParseOne): ImportItemDraft[] {
  const originalId = isObject(raw) ? readId(raw.id) : null;
  try {
    if (!isObject(raw)) refuse("Not an annotation: each annotation is a JSON object");
    return parse(safeAnnotation(raw), index);
  } catch (error) {
    if (error instanceof ItemRefusal) return [{ kind: "refused", originalId, reason: error.reason }];
    throw error;
  }
}

export function parseImportFile(text: string, { appUrl, slug, letterUrls }: ImportFileOptions): ParsedImport {
  const file = detectImportFormat(readImportJson(text));
  const isLetter = letterUrlMatcher([...letterUrls, letterIri(appUrl, slug)]);
  let source: ImportSource;
  let parse: ParseOne;
  if (file.format === "hypothesis") {
    source = "hypothesis";
    parse = (annotation) => parseHypothesisAnnotation(annotation, isLetter);
  } else {
    const flavour = w3cFlavour(file);
    const { contexts } = file;
    source = flavour;
    if (flavour === "marginalia") {
      parse = (annotation, index) => parseMarginaliaAnnotation(annotation, { slug, context: contexts[index] });
    } else {
      const w3cSource = flavour === "recogito" ? "recogito" : "w3c";
      parse = (annotation, index) => parseW3cAnnotation(annotation, { source: w3cSource, isLetter, context: contexts[index] });
    }
  }
  const items: ImportItem[] = [];
  file.annotations.forEach((raw, index) => {
    // Numbered as they come out, so a Recogito annotation's replies take the indices right after it.
    for (const draft of itemsOf(raw, index, parse)) items.push({ ...draft, index: items.length } as ImportItem);
  });
  return { source, items };
}
