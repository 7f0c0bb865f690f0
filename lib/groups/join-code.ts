import { randomInt } from "node:crypto";

// No 0/O or 1/I/L: codes are read aloud in classrooms and typed from projector screens.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** 10 characters from 31: about 49 bits, enough that guessing an unexpired code is hopeless under the rate limits. */
export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < 10; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** "ABCDE-FGHJK", for display. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
