import { randomBytes } from "node:crypto";
import {
  hash as argon2Hash,
  parseOptions,
  verify as argon2Verify,
  type Algorithm,
  type Options,
} from "@node-rs/argon2";
import { normalizePassword } from "./normalize-password";

// `Algorithm` is an ambient const enum, which `isolatedModules` forbids reading; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;

/**
 * OWASP Password Storage Cheat Sheet, argon2id's first recommended configuration: 19 MiB, 2 passes, 1 lane.
 * Changing these changes new hashes only; existing hashes carry their own parameters and still verify.
 */
export const ARGON2_PARAMETERS = {
  memoryCost: 19_456, // KiB
  timeCost: 2,
  parallelism: 1,
} as const;

const OPTIONS: Options = { algorithm: ARGON2ID, ...ARGON2_PARAMETERS };

/** A PHC string, "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>", with a fresh random salt. */
export async function hashPassword(plain: string): Promise<string> {
  return argon2Hash(normalizePassword(plain), OPTIONS);
}

/**
 * The costliest parameters a stored hash may ask for: far above what this server writes, yet low enough that a
 * corrupt or tampered row cannot take the server down (argon2 obeys the hash, and m=4294967295 asks for 4 TiB: the
 * kernel kills the process).
 */
export const ARGON2_VERIFY_LIMITS = {
  memoryCost: 262_144, // KiB: 256 MiB
  timeCost: 10,
  parallelism: 8,
} as const;

function isWithinLimits(hash: string): boolean {
  const { memoryCost, timeCost, parallelism } = parseOptions(hash);
  return (
    memoryCost <= ARGON2_VERIFY_LIMITS.memoryCost &&
    timeCost <= ARGON2_VERIFY_LIMITS.timeCost &&
    parallelism <= ARGON2_VERIFY_LIMITS.parallelism
  );
}

/**
 * False for a wrong password and for a hash that cannot be read or costs more than ARGON2_VERIFY_LIMITS: a corrupt
 * row must not become a 500, or an outage, at sign-in.
 */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    if (!isWithinLimits(hash)) return false;
    return await argon2Verify(hash, normalizePassword(plain));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends one real verification and answers false: called for an unknown email so that "no such account" takes as
 * long as "wrong password" and response time does not tell which emails have accounts. The hash is of random bytes
 * nobody knows, made once per process at the same parameters as real hashes.
 */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(32).toString("base64url")).catch((error: unknown) => {
    dummyHash = undefined; // let the next call try again rather than keep a rejected promise
    throw error;
  });
  await verifyPassword(await dummyHash, plain);
  return false;
}
