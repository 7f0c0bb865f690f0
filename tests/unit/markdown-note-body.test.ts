import { describe, expect, it } from "vitest";
import { NOTE_BODY_MAX_CHARACTERS } from "@/lib/markdown/note-body-limits";
import { ZNoteBody } from "@/lib/markdown/note-body-schema";

function messagesOf(body: unknown): string[] {
  const result = ZNoteBody.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("ZNoteBody", () => {
  it("exports its limit", () => {
    expect(NOTE_BODY_MAX_CHARACTERS).toBe(50_000);
  });

  it("trims and accepts ordinary Markdown", () => {
    expect(ZNoteBody.parse("  *A note.*\n\n")).toBe("*A note.*");
  });

  it("refuses an empty or blank body", () => {
    expect(messagesOf("")).toEqual(["Write the note."]);
    expect(messagesOf(" \n\t ")).toEqual(["Write the note."]);
  });

  it("refuses what is not text", () => {
    expect(messagesOf(undefined)).toEqual(["The note must be text."]);
    expect(messagesOf(42)).toEqual(["The note must be text."]);
  });

  it("accepts 50,000 characters after trimming and refuses 50,001, saying how many it has", () => {
    const longest = "a".repeat(NOTE_BODY_MAX_CHARACTERS);
    expect(ZNoteBody.parse(`  ${longest}  `)).toBe(longest);
    expect(messagesOf(longest + "b")).toEqual(["A note has at most 50,000 characters (this has 50,001)."]);
  });

  it("counts characters as code points, not UTF-16 units", () => {
    const emoji = "😀".repeat(NOTE_BODY_MAX_CHARACTERS);
    expect(emoji).toHaveLength(100_000);
    expect(ZNoteBody.safeParse(emoji).success).toBe(true);
    expect(messagesOf(emoji + "😀")).toEqual(["A note has at most 50,000 characters (this has 50,001)."]);
  });

  it("refuses a NUL character, which PostgreSQL cannot store", () => {
    expect(messagesOf("before\u0000after")).toEqual(["The note contains a NUL character, which cannot be stored; remove it."]);
  });
});
