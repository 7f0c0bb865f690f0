import { noteMarkdownToText } from "../markdown/note-markdown-to-text";

const WORD = /[\p{L}\p{N}]/u;

/** Words a reader sees in a note's Markdown: markup, link and image URLs stripped; a run of punctuation is no word. */
export function countWords(markdown: string): number {
  let count = 0;
  for (const token of noteMarkdownToText(markdown).split(/\s+/)) if (WORD.test(token)) count += 1;
  return count;
}
