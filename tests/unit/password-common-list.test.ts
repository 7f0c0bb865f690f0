import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "@/lib/auth/password/common-passwords-list";
import { isCommonPassword } from "@/lib/auth/password/common-passwords";

const SOURCE = path.resolve(import.meta.dirname, "../../lib/auth/password/common-passwords.txt");

describe("common password list", () => {
  it("is the .txt, entry for entry and in order (regenerate with scripts/generate-common-passwords.ts)", () => {
    const lines = readFileSync(SOURCE, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(3000);
    expect([...COMMON_PASSWORDS]).toEqual(lines);
  });

  it("starts with the most common", () => {
    expect([...COMMON_PASSWORDS].slice(0, 3)).toEqual(["123456", "password", "12345678"]);
  });
});

describe("isCommonPassword", () => {
  it("finds entries whatever their case", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("QWERTY123456")).toBe(true);
  });

  it("finds full-width look-alikes through NFKC", () => {
    expect(isCommonPassword("\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44")).toBe(true);
  });

  it("does not match near misses or padded entries", () => {
    expect(isCommonPassword("password!")).toBe(false);
    expect(isCommonPassword(" password")).toBe(false);
    expect(isCommonPassword("a sentence nobody else would type")).toBe(false);
  });
});
