import type { Token } from "markdown-it";
import { noteMarkdownParser } from "./note-markdown-parser";

/** Block tokens after which the text breaks onto a new line. */
const LINE_ENDING_TOKENS = new Set([
  "paragraph_close", "heading_close", "list_item_close", "blockquote_close", "tr_close", "hr",
]);

function appendInline(children: Token[], parts: string[]): void {
  for (const token of children) {
    switch (token.type) {
      case "text":
      case "code_inline":
        parts.push(token.content);
        break;
      case "softbreak":
        parts.push(" ");
        break;
      case "hardbreak":
        parts.push("\n");
        break;
      case "image":
        appendInline(token.children ?? [], parts);
        break;
      default:
        break;
    }
  }
}

/**
 * A note's Markdown source as plain text for search snippets and excerpts: the words a reader sees, without markup,
 * link URLs or image URLs (an image leaves its alt text). Blocks end in a newline; other runs of whitespace become one
 * space. This is text, not HTML: whatever shows it must escape it (React does).
 */
export function noteMarkdownToText(source: string): string {
  const parts: string[] = [];
  for (const token of noteMarkdownParser.parse(source, {})) {
    if (token.type === "inline") appendInline(token.children ?? [], parts);
    else if (token.type === "code_block" || token.type === "fence") parts.push(token.content, "\n");
    else if (token.type === "th_close" || token.type === "td_close") parts.push(" ");
    else if (LINE_ENDING_TOKENS.has(token.type)) parts.push("\n");
  }
  return parts
    .join("")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}
