import type { Token } from "markdown-it";
import { noteMarkdownParser } from "../markdown/note-markdown-parser";

/**
 * How @mentions work. Users have display names with spaces, not handles, so a mention is `@` followed by the display
 * name written without its spaces, or with "-", "_" or "." in their place, in any case: "Anna Petrova" is
 * @AnnaPetrova, @anna-petrova, @anna_petrova or @Anna.Petrova. Both sides are compared by their mention key: the name
 * in Unicode NFKC form, lower-cased, without whitespace, "-", "_", ".", or apostrophes ("O'Brien" is @OBrien).
 *
 * Only what a reader sees as prose counts: nothing in code (spans or blocks), in links or link text, in bare URLs or
 * email addresses (the Markdown parser makes those links); and `@` must not follow a letter, digit or one of
 * `_ . - + / : @ \``, so "anna@example.com" and "x@y" are not mentions. A mention ends at the first character that
 * is not a letter, digit, "-", "_" or "."; trailing "-", "_" and "." are dropped ("@AnnaPetrova." at the end of a
 * sentence works). Which users a key names is decided elsewhere (mention-recipients.ts), among those who can read
 * the item.
 */
export const MAX_MENTIONS = 20;

const MENTION = /(?<![\p{L}\p{N}\p{M}_.\-+/:@`])@([\p{L}\p{N}\p{M}_.\-]+)/gu;
const KEY_SEPARATORS = /[\s._\-'’]+/gu;

/** A display name's (or a written mention's) comparison key. */
export function mentionKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(KEY_SEPARATORS, "");
}

/** The prose of a note body, run by run: text that is not code and not inside a link. */
function proseRuns(markdown: string): string[] {
  const runs: string[] = [];
  for (const block of noteMarkdownParser.parse(markdown, {})) {
    if (block.type !== "inline") continue;
    runs.push(...inlineProse(block.children ?? []));
  }
  return runs;
}

function inlineProse(children: Token[]): string[] {
  const runs: string[] = [];
  let current = "";
  let linkDepth = 0;
  const cut = () => {
    if (current) runs.push(current);
    current = "";
  };
  for (const token of children) {
    if (token.type === "link_open") {
      linkDepth += 1;
      cut();
    } else if (token.type === "link_close") {
      linkDepth -= 1;
    } else if (linkDepth > 0) {
      continue;
    } else if (token.type === "text") {
      current += token.content;
    } else if (token.type === "softbreak" || token.type === "hardbreak" || token.type === "code_inline" || token.type === "image") {
      // A line break separates words; code and images are not prose and must not join the words around them.
      cut();
    }
    // Emphasis markers add nothing: "@*Anna*Petrova" reads as @AnnaPetrova.
  }
  cut();
  return runs;
}

/** The distinct mention keys in a note or reply body (Markdown), in order of first appearance, at most MAX_MENTIONS. */
export function parseMentions(markdown: string): string[] {
  const keys: string[] = [];
  for (const run of proseRuns(markdown)) {
    for (const match of run.matchAll(MENTION)) {
      const key = mentionKey(match[1].replace(/[._\-]+$/u, ""));
      if (key && !keys.includes(key)) keys.push(key);
      if (keys.length === MAX_MENTIONS) return keys;
    }
  }
  return keys;
}
