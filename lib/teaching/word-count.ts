import { noteMarkdownToText } from "../markdown/note-markdown-to-text";

const WORD = /[\p{L}\p{N}]/u;
/**
 * Characters and line starts through which Markdown can hide or add text (emphasis, links, images, code, tables,
 * entities, HTML, escapes, ordered list numbers). A body without any reads the same as text, so parsing it is skipped:
 * the teacher's table counts the words of a whole class's notes on every load.
 */
const MARKDOWN_SYNTAX = /[*_[\]!<>#|~`\\&]|^\s*\d+[.)](\s|$)/m;

function countTextWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (WORD.test(token)) count += 1;
  return count;
}

/** Words a reader sees in a note's Markdown: markup, link and image URLs stripped; a run of punctuation is no word. */
export function countWords(markdown: string): number {
  return countTextWords(MARKDOWN_SYNTAX.test(markdown) ? noteMarkdownToText(markdown) : markdown);
}

/** The same count, always through the Markdown parser (for tests of the shortcut). */
export function countWordsParsed(markdown: string): number {
  return countTextWords(noteMarkdownToText(markdown));
}

const MEMO_CAPACITY = 100_000;
const memo = new Map<string, number>();

/**
 * A stored note's word count, remembered per note and revision (its updatedAt changes with every edit), so that a
 * teacher reloading the table does not parse the class's Markdown again. Bounded: the oldest entries go first.
 */
export function rememberedWordCount(note: { id: string; updatedAt: Date }): number | undefined {
  return memo.get(`${note.id}@${note.updatedAt.getTime()}`);
}

export function noteWordCount(note: { id: string; updatedAt: Date; body: string }): number {
  const known = rememberedWordCount(note);
  if (known !== undefined) return known;
  const count = countWords(note.body);
  if (memo.size >= MEMO_CAPACITY) memo.delete(memo.keys().next().value!);
  memo.set(`${note.id}@${note.updatedAt.getTime()}`, count);
  return count;
}
