import { describe, expect, it } from "vitest";
import { MAX_MENTIONS, mentionKey, parseMentions } from "@/lib/notifications/mentions";

describe("mentionKey", () => {
  it("drops spaces, hyphens, underscores, dots and apostrophes and ignores case", () => {
    expect(mentionKey("Anna Petrova")).toBe("annapetrova");
    expect(mentionKey("anna-petrova")).toBe("annapetrova");
    expect(mentionKey("Anna_Petrova")).toBe("annapetrova");
    expect(mentionKey("J. R. Smith")).toBe("jrsmith");
    expect(mentionKey("Seán O'Brien")).toBe("seánobrien");
  });

  it("keeps letters of any script", () => {
    expect(mentionKey("Лев Троцкий")).toBe("левтроцкий");
  });
});

describe("parseMentions", () => {
  it("finds a display name written without spaces or with - or _ in their place", () => {
    expect(parseMentions("Thanks @AnnaPetrova, and @boris-ivanov; cc @Vera_Zasulich.")).toEqual(["annapetrova", "borisivanov", "verazasulich"]);
  });

  it("accepts a mention at the start, after punctuation and at the end of a sentence", () => {
    expect(parseMentions("@Anna see this (@Boris) and «@Vera».")).toEqual(["anna", "boris", "vera"]);
  });

  it("counts each person once, whatever the spelling", () => {
    expect(parseMentions("@AnnaPetrova and again @anna-petrova")).toEqual(["annapetrova"]);
  });

  it("does not count email addresses", () => {
    expect(parseMentions("write to anna@example.com or <boris@example.org>")).toEqual([]);
    expect(parseMentions("mailto:vera@example.net")).toEqual([]);
  });

  it("does not count an @ inside a word", () => {
    expect(parseMentions("x@Anna, foo_@Boris, 3@Vera")).toEqual([]);
  });

  it("does not count code spans or code blocks", () => {
    expect(parseMentions("run `@Anna` now")).toEqual([]);
    expect(parseMentions("```\n@Boris\n```\n\n    @Vera in indented code")).toEqual([]);
  });

  it("does not count links, link text or bare URLs", () => {
    expect(parseMentions("[@Anna](https://example.com/x) and https://example.com/@Boris and <https://example.com/@Vera>")).toEqual([]);
  });

  it("still sees prose beside code and links", () => {
    expect(parseMentions("`code` @Anna [link](https://example.com) @Boris")).toEqual(["anna", "boris"]);
  });

  it("reads through emphasis but not across a line break", () => {
    expect(parseMentions("**@AnnaPetrova** said")).toEqual(["annapetrova"]);
    expect(parseMentions("@Anna\nPetrova")).toEqual(["anna"]);
  });

  it("ignores a lone @", () => {
    expect(parseMentions("meet @ noon, @. or @-")).toEqual([]);
  });

  it("keeps at most MAX_MENTIONS", () => {
    const body = Array.from({ length: MAX_MENTIONS + 5 }, (_, index) => `@user${index}`).join(" ");
    expect(parseMentions(body)).toHaveLength(MAX_MENTIONS);
  });
});
