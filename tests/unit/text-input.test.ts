import { describe, expect, it } from "vitest";
import { decodeUtf8, normaliseJsonText, unsafeTextReason, urlProblem } from "@/lib/http/text-input";

describe("unsafeTextReason", () => {
  it("accepts letters in any script, tabs, line breaks and astral characters", () => {
    for (const text of ["Троцкий, «Ответ»", "tab\there", "two\nlines", "crlf\r\nlines", "emoji 📜", "Ünïcödé"]) expect(unsafeTextReason(text), text).toBeNull();
  });
  it("refuses NUL and the other C0 controls, lone surrogates and U+FFFE/U+FFFF", () => {
    for (const text of ["a\u0000b", "bell\u0007", "esc\u001b[31m", "vt\u000b", "ff\u000c"]) expect(unsafeTextReason(text), JSON.stringify(text)).toMatch(/control character/);
    for (const text of ["\ud800", "x\udc00y", "\ud83d"]) expect(unsafeTextReason(text), JSON.stringify(text)).toMatch(/surrogate/);
    for (const text of ["\ufffe", "a\uffff"]) expect(unsafeTextReason(text)).toMatch(/not characters/);
  });
});

describe("normaliseJsonText", () => {
  it("normalises line breaks in every string and names each refused field as zod would", () => {
    const { value, problems } = normaliseJsonText({ body: "one\r\ntwo\rthree", sources: [{ citation: "ok" }, { citation: "bad\u0000" }], tags: ["\ud800"] });
    expect(value).toEqual({ body: "one\ntwo\nthree", sources: [{ citation: "ok" }, { citation: "bad\u0000" }], tags: ["\ud800"] });
    expect(Object.keys(problems)).toEqual(["sources.1.citation", "tags.0"]);
  });
  it("checks object keys too, and leaves numbers, booleans and null alone", () => {
    expect(Object.keys(normaliseJsonText({ "bad\u0000key": 1 }).problems)).toEqual(["(key)"]);
    expect(normaliseJsonText({ n: 1, b: true, z: null })).toEqual({ value: { n: 1, b: true, z: null }, problems: {} });
  });
});

describe("decodeUtf8", () => {
  it("decodes UTF-8 and refuses other bytes instead of replacing them", () => {
    expect(decodeUtf8(new TextEncoder().encode("Алма-Ата"))).toBe("Алма-Ата");
    expect(decodeUtf8(Uint8Array.from([0xc3, 0x28]))).toBeNull();
    expect(decodeUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull(); // an encoded surrogate
  });
});

describe("urlProblem", () => {
  const at = (path: string) => urlProblem(new URL(`http://localhost${path}`));
  it("passes ordinary addresses, encoded text and plus signs", () => {
    expect(at("/letters/reply-to-stalin?q=%D0%A1%D1%82%D0%B0%D0%BB%D0%B8%D0%BD&tag=a+b")).toBeNull();
    expect(at("/api/notes/4b0c9d43-7d4a-4b47-9b58-4f4e8c1c2a11")).toBeNull();
  });
  it("answers 404 for a path segment that is malformed, not UTF-8 or holds a control character", () => {
    for (const path of ["/letters/%00", "/api/documents/%00/notes", "/api/notes/%ED%A0%80", "/letters/%E0%A4%A", "/letters/%ZZ"]) {
      expect(at(path)?.status, path).toBe(404);
    }
  });
  it("answers 400 naming the query parameter", () => {
    expect(at("/letters/reply-to-stalin/search?q=%00")).toMatchObject({ status: 400, fields: { q: [expect.stringMatching(/control/)] } });
    expect(at("/review/log?actor=%ED%A0%80")).toMatchObject({ status: 400, fields: { actor: [expect.stringMatching(/UTF-8/)] } });
    expect(at("/admin?q=%EF%BF%BF")).toMatchObject({ status: 400, fields: { q: [expect.stringMatching(/not characters/)] } });
  });
});

describe("normaliseJsonText on hostile shapes", () => {
  it("refuses a body nested 10,000 deep without overflowing the stack", () => {
    const deep: unknown = JSON.parse(`${"[".repeat(10_000)}"leaf"${"]".repeat(10_000)}`);
    const { problems } = normaliseJsonText(deep);
    expect(Object.values(problems).flat()).toEqual(["Nested too deeply"]);
  });
});
