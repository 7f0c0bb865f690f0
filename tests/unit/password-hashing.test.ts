import { describe, expect, it } from "vitest";
import {
  ARGON2_PARAMETERS,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from "@/lib/auth/password/hash-password";

// Each hash costs ~20-70 ms at production parameters; these tests make a handful on purpose.
describe("hashPassword / verifyPassword", () => {
  it("round-trips and rejects a wrong password", async () => {
    const stored = await hashPassword("a long enough passphrase");
    expect(await verifyPassword(stored, "a long enough passphrase")).toBe(true);
    expect(await verifyPassword(stored, "a long enough passphrasE")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("writes argon2id at OWASP's parameters, with a fresh salt each time", async () => {
    expect(ARGON2_PARAMETERS).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const first = await hashPassword("same password twice");
    const second = await hashPassword("same password twice");
    expect(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(first).not.toBe(second);
  });

  it("never truncates: 64- and 200-character passwords differ by their last character", async () => {
    for (const length of [64, 72, 200]) {
      const plain = "correct horse battery staple ".repeat(10).slice(0, length - 1) + "x";
      expect([...plain]).toHaveLength(length);
      const stored = await hashPassword(plain);
      expect(await verifyPassword(stored, plain)).toBe(true);
      expect(await verifyPassword(stored, plain.slice(0, -1) + "y")).toBe(false);
      expect(await verifyPassword(stored, plain.slice(0, -1))).toBe(false);
    }
  });

  it("keeps spaces and non-ASCII characters, and matches either Unicode composition", async () => {
    const stored = await hashPassword("  caf\u00e9 au lait, s'il vous pla\u00eet  ");
    expect(await verifyPassword(stored, "  cafe\u0301 au lait, s'il vous pla\u00eet  ")).toBe(true);
    expect(await verifyPassword(stored, "caf\u00e9 au lait, s'il vous pla\u00eet")).toBe(false);
  });

  it("answers false for malformed or unaffordable hashes instead of throwing", async () => {
    const stored = await hashPassword("password for the malformed cases");
    const [, , , , salt, digest] = stored.split("$");
    const malformed = [
      "",
      "not a hash",
      "$2b$10$abcdefghijklmnopqrstuuOnlyBcryptLooksLikeThis012345678",
      stored.slice(0, -6),
      stored.replace("$argon2id$", "$argon2xx$"),
      // 1 GiB: over the verification limit, so refused before argon2 allocates it.
      `$argon2id$v=19$m=1048576,t=2,p=1$${salt}$${digest}`,
      `$argon2id$v=19$m=19456,t=1000,p=1$${salt}$${digest}`,
    ];
    for (const hash of malformed) {
      await expect(verifyPassword(hash, "password for the malformed cases")).resolves.toBe(false);
    }
  });
});

describe("verifyAgainstDummy", () => {
  it("always answers false, whatever the password", async () => {
    expect(await verifyAgainstDummy("any password at all")).toBe(false);
    expect(await verifyAgainstDummy("")).toBe(false);
  });
});
