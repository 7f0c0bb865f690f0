import type { ReadingParagraph } from "@/lib/documents/reading-edition";

/** How a block is named to a reader and to a screen reader: "paragraph 12", "salutation 1", "footnote 1". */
export function blockLabel(paragraph: Pick<ReadingParagraph, "kind" | "number" | "anchorId">): string {
  if (paragraph.number !== null) return `paragraph ${paragraph.number}`;
  const anchor = paragraph.anchorId ?? "";
  if (paragraph.kind === "salutation") return `salutation ${anchor.replace(/^s/, "")}`;
  if (paragraph.kind === "footnote") return `footnote ${anchor.replace(/^fn/, "")}`;
  if (paragraph.kind === "dateline") return "dateline";
  return paragraph.kind;
}

/** The short locator printed in the margin and used in citations: "12", "s1", "fn1". */
export function blockLocator(paragraph: Pick<ReadingParagraph, "number" | "anchorId">): string | null {
  return paragraph.number !== null ? String(paragraph.number) : paragraph.anchorId;
}
