import { createHash, randomBytes } from "node:crypto";

/**
 * A personal access token reads `mgl_pat_` + 43 base64url characters (256 random bits): the prefix lets secret
 * scanners and people recognise it; the rest is unguessable, so a plain SHA-256 is a safe way to store it (a slow
 * password hash protects guessable secrets, and would cost every API request a second of CPU).
 */
export const TOKEN_PREFIX = "mgl_pat_";
const TOKEN_PATTERN = /^mgl_pat_[A-Za-z0-9_-]{43}$/;
const HINT_LENGTH = 6;

export type NewAccessToken = { token: string; hash: string; hint: string };

export function newAccessToken(): NewAccessToken {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashAccessToken(token), hint: tokenHint(token) };
}

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What the token list shows of it: the prefix and its first random characters (never enough to use it). */
export function tokenHint(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + HINT_LENGTH);
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
