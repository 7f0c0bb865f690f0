import { describe, expect, it } from "vitest";
import { parseBearer } from "@/lib/tokens/bearer-header";
import { hashAccessToken, isWellFormedToken, newAccessToken, TOKEN_PREFIX, tokenHint } from "@/lib/tokens/token-format";

describe("access token format", () => {
  it("is the prefix and 43 base64url characters (256 bits), different every time", () => {
    const tokens = Array.from({ length: 200 }, () => newAccessToken());
    for (const { token, hash, hint } of tokens) {
      expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
      expect(isWellFormedToken(token)).toBe(true);
      expect(Buffer.from(token.slice(TOKEN_PREFIX.length), "base64url")).toHaveLength(32);
      expect(hash).toBe(hashAccessToken(token));
      expect(hint).toBe(token.slice(0, TOKEN_PREFIX.length + 6));
    }
    expect(new Set(tokens.map((t) => t.token)).size).toBe(200);
  });

  it("hashes to hex SHA-256 and never stores enough in the hint to use the token", () => {
    expect(hashAccessToken("mgl_pat_x")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAccessToken("mgl_pat_x")).not.toBe(hashAccessToken("mgl_pat_y"));
    const { token } = newAccessToken();
    expect(tokenHint(token).length).toBeLessThan(token.length - 30);
  });

  it("refuses look-alikes", () => {
    const { token } = newAccessToken();
    for (const bad of [token.slice(0, -1), `${token}x`, token.replace("mgl_pat_", "mgl_tok_"), token.replace(/.$/, "*"), "", " " + token]) {
      expect(isWellFormedToken(bad), bad).toBe(false);
    }
  });
});

describe("Authorization: Bearer (RFC 6750 §2.1)", () => {
  it("reads the scheme in any case and the token68 after one or more spaces", () => {
    expect(parseBearer("Bearer abc.DEF-_~+/=")).toEqual({ kind: "bearer", token: "abc.DEF-_~+/=" });
    expect(parseBearer("bearer   abc")).toEqual({ kind: "bearer", token: "abc" });
    expect(parseBearer("BEARER abc ")).toEqual({ kind: "bearer", token: "abc" });
  });

  it("calls everything else malformed, saying why", () => {
    expect(parseBearer("Basic dXNlcjpwYXNz")).toEqual({ kind: "malformed", reason: "Only Bearer tokens are accepted" });
    for (const header of ["Bearer", "Bearer ", "Bearer a b", "Bearer a,b", "Bearerabc", "Bearer ä"]) {
      expect(parseBearer(header).kind, header).toBe("malformed");
    }
  });
});
