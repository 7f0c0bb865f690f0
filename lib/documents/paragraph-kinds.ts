/** Block kinds of an edition, spelled as the database enum's TypeScript names (section_break is "section-break" in SQL). */
export const PARAGRAPH_KINDS = ["salutation", "body", "blockquote", "section_break", "dateline", "footnote"] as const;
export type ParagraphKindName = (typeof PARAGRAPH_KINDS)[number];
