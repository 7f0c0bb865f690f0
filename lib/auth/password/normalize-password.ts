/**
 * The form of a password that is hashed, compared and measured. NFKC (as NIST SP 800-63B advises) so that the same
 * typed characters match whatever composition a keyboard, browser or OS produces ("é" as one code point or as "e" +
 * combining accent). Nothing is trimmed or cut: spaces and every character count.
 */
export function normalizePassword(plain: string): string {
  return plain.normalize("NFKC");
}
