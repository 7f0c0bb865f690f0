import { COMMON_PASSWORDS } from "./common-passwords-list";
import { normalizePassword } from "./normalize-password";

/** Number of entries in the list, for messages that cite it. */
export const COMMON_PASSWORD_COUNT = COMMON_PASSWORDS.size;

/** Whether the password is on the common list, ignoring case (the list is lower-case; "PassWord" is as guessable). */
export function isCommonPassword(plain: string): boolean {
  return COMMON_PASSWORDS.has(normalizePassword(plain).toLowerCase());
}
