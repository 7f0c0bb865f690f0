import { describe, expect, it } from "vitest";
import { ZCorrectParagraph } from "@/lib/corrections/correction-schemas";

const fieldsOf = (input: unknown) => {
  const result = ZCorrectParagraph.safeParse(input);
  return result.success ? null : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the correction schema", () => {
  const valid = { oldText: "a struggle 1 have", newText: "a struggle I have", reason: "Misprint" };

  it("keeps the new text exactly as typed: no trimming, no Unicode normalisation", () => {
    const decomposed = "Cafe\u0301  ";
    expect(ZCorrectParagraph.parse({ ...valid, newText: decomposed }).newText).toBe(decomposed);
    expect(ZCorrectParagraph.parse({ ...valid, reason: "  Misprint  " }).reason).toBe("Misprint");
  });

  it("refuses an unchanged, empty, blank or too long text, with the message on newText", () => {
    expect(fieldsOf({ ...valid, newText: valid.oldText })).toEqual({ newText: "The new text is the same as the current text" });
    for (const newText of ["", "   ", "x".repeat(20_001)]) expect(Object.keys(fieldsOf({ ...valid, newText })!)).toEqual(["newText"]);
    expect(fieldsOf({ ...valid, newText: "𝔄".repeat(20_000) })).toBeNull();
  });

  it("refuses what PostgreSQL could not store as sent: NUL, control characters, half a surrogate pair", () => {
    for (const newText of ["a\u0000b", "a\u0007b", "a\uD835b"]) expect(Object.keys(fieldsOf({ ...valid, newText })!)).toEqual(["newText"]);
    expect(fieldsOf({ ...valid, newText: "line one\nline two\ttab" })).toBeNull();
  });

  it("wants a reason of 3 to 500 characters", () => {
    for (const reason of ["", "  ab  ", "x".repeat(501)]) expect(Object.keys(fieldsOf({ ...valid, reason })!)).toEqual(["reason"]);
    expect(Object.keys(fieldsOf({ oldText: "a", newText: "b" })!)).toEqual(["reason"]);
  });

  it("refuses unknown fields", () => {
    expect(fieldsOf({ ...valid, anchorStatus: "orphan" })).not.toBeNull();
  });
});
