import { describe, expect, it } from "vitest";
import { noteMarkdownToText } from "@/lib/markdown/note-markdown-to-text";

describe("noteMarkdownToText", () => {
  it("keeps the words and drops the markup", () => {
    expect(noteMarkdownToText("# Title\n\nSome *em* and **strong** and `code` and ~~struck~~ text.")).toBe(
      "Title\nSome em and strong and code and struck text.",
    );
  });

  it("keeps link text but not link or image URLs; an image leaves its alt text", () => {
    expect(noteMarkdownToText("See [the letter](https://example.org/l) and ![a scan](https://example.org/s.png).")).toBe(
      "See the letter and a scan.",
    );
    expect(noteMarkdownToText("Bare https://example.org/x stays as written.")).toBe("Bare https://example.org/x stays as written.");
  });

  it("puts each block on its own line and joins soft-wrapped lines with a space", () => {
    expect(noteMarkdownToText("one\ntwo\n\n- a\n- b\n\n> quoted\n\n```\ncode  line\n```\n\n| h | i |\n|---|---|\n| 1 | 2 |")).toBe(
      "one two\na\nb\nquoted\ncode line\nh i\n1 2",
    );
  });

  it("returns raw HTML as the characters typed: plain text, for the caller to escape", () => {
    expect(noteMarkdownToText(`<script>alert("x")</script> &amp; &lt;`)).toBe(`<script>alert("x")</script> & <`);
  });

  it("returns an empty string for an empty or blank source", () => {
    expect(noteMarkdownToText("")).toBe("");
    expect(noteMarkdownToText(" \n\n\t")).toBe("");
  });
});
