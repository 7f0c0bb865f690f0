import { z } from "zod";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "./common-passwords";
import { normalizePassword } from "./normalize-password";

/** Counted in characters (Unicode code points of the NFKC form), not in UTF-16 units. */
export const PASSWORD_MIN_CHARACTERS = 12;
/** Not a strength rule: only refuses absurd request bodies before they reach argon2. Nothing is ever truncated. */
export const PASSWORD_MAX_CHARACTERS = 1_024;

export const COMMON_PASSWORD_MESSAGE = `This password is among the ${COMMON_PASSWORD_COUNT.toLocaleString("en-US")} most common; choose another.`;

/** Code points of the form that is hashed: "😀" is one character, though two UTF-16 units (what .length counts). */
export function countPasswordCharacters(plain: string): number {
  let count = 0;
  for (const _ of normalizePassword(plain)) count += 1;
  return count;
}

/** What is wrong with a password on its own, as sentences for the person choosing it; empty when acceptable. */
function intrinsicProblems(plain: string): string[] {
  const characters = countPasswordCharacters(plain);
  if (characters < PASSWORD_MIN_CHARACTERS) {
    return [`Use at least ${PASSWORD_MIN_CHARACTERS} characters (this has ${characters}).`];
  }
  if (characters > PASSWORD_MAX_CHARACTERS) {
    return [`Use at most ${PASSWORD_MAX_CHARACTERS.toLocaleString("en-US")} characters; the limit is only there to refuse absurdly long requests.`];
  }
  return isCommonPassword(plain) ? [COMMON_PASSWORD_MESSAGE] : [];
}

/** A new password as typed (never trimmed): length in code points, and not on the common list. */
export const ZNewPassword = z.string().superRefine((plain, context) => {
  for (const message of intrinsicProblems(plain)) context.addIssue({ code: "custom", message });
});
export type TNewPassword = z.infer<typeof ZNewPassword>;

export type TPasswordContext = { email?: string; displayName?: string };

/**
 * Every reason to refuse a new password, including ones that need the account: a password equal to the email, its
 * local part or the display name is the first thing anyone who knows the person tries. Compared ignoring case.
 */
export function passwordProblems(plain: string, { email, displayName }: TPasswordContext = {}): string[] {
  const problems = intrinsicProblems(plain);
  const candidate = normalizePassword(plain).toLowerCase();
  const same = (value: string | undefined) => !!value && normalizePassword(value).trim().toLowerCase() === candidate;
  const localPart = email?.slice(0, Math.max(email.lastIndexOf("@"), 0));
  if (same(email) || same(localPart)) problems.push("Choose a password that is not your email address or the part before its @.");
  if (same(displayName)) problems.push("Choose a password that is not your display name.");
  return problems;
}
