import "server-only";
import { cache as perRequest } from "react";
import { blockLabel } from "@/components/reading/block-label";
import { readEditionsManifest } from "@/lib/documents/editions-manifest";
import { getReadingEdition } from "@/lib/documents/get-reading-edition";
import type { TLetterText } from "@/lib/references/reference-queries";

/**
 * The letter the index describes (the edition named first in content/editions.json), as the index pages need it:
 * its anchored paragraphs, each named as the letter's margin tools name it. Null before the letter is imported.
 */
export const loadLetterText = perRequest(async function loadLetterText(): Promise<TLetterText | null> {
  const [manifest] = await readEditionsManifest();
  const edition = manifest ? await getReadingEdition(manifest.slug) : null;
  if (!edition) return null;
  return {
    slug: edition.slug,
    paragraphs: edition.paragraphs.flatMap((paragraph) =>
      paragraph.anchorId ? [{ anchor: paragraph.anchorId, label: blockLabel(paragraph), text: paragraph.text }] : [],
    ),
  };
});
