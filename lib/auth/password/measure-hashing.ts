import { performance } from "node:perf_hooks";
import { hashPassword, verifyPassword } from "./hash-password";

export type THashingTimes = { hashP50: number; hashP95: number; verifyP50: number; verifyP95: number };

/** Nearest-rank percentile of ascending samples. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/**
 * Milliseconds per hash and per verification at the production parameters, one at a time (so the figures are the
 * cost of a sign-in on an idle machine, not under contention). For the bench script: it measures, it never judges.
 */
export async function measureHashing(samples = 20): Promise<THashingTimes> {
  const hashTimes: number[] = [];
  const verifyTimes: number[] = [];
  const plain = "correct horse battery staple";
  await verifyPassword(await hashPassword(plain), plain); // warm-up: loads the native module and its thread pool
  for (let index = 0; index < samples; index += 1) {
    let started = performance.now();
    const hashed = await hashPassword(plain);
    hashTimes.push(performance.now() - started);
    started = performance.now();
    await verifyPassword(hashed, plain);
    verifyTimes.push(performance.now() - started);
  }
  hashTimes.sort((a, b) => a - b);
  verifyTimes.sort((a, b) => a - b);
  return {
    hashP50: percentile(hashTimes, 0.5),
    hashP95: percentile(hashTimes, 0.95),
    verifyP50: percentile(verifyTimes, 0.5),
    verifyP95: percentile(verifyTimes, 0.95),
  };
}
