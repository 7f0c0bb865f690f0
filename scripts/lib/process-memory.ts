import { readdirSync, readFileSync } from "node:fs";

/** The process and everything it started (tsx starts the server as a child), from /proc. Linux only. */
function familyOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      (children.get(parent) ?? children.set(parent, []).get(parent)!).push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  const family = [root];
  for (let i = 0; i < family.length; i += 1) family.push(...(children.get(family[i]!) ?? []));
  return family;
}

/** The resident memory (MB) of the largest process in the family: the app server, not the tsx launcher. */
export function largestRssMb(root: number): number {
  let largest = 0;
  for (const pid of familyOf(root)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (rss) largest = Math.max(largest, Number(rss[1]) / 1024);
    } catch {
      // Gone meanwhile.
    }
  }
  return largest;
}

/** Samples the family's largest RSS every `everyMs` while `work` runs; answers the work's result and the peak. */
export async function withPeakRss<T>(root: number, work: () => Promise<T>, everyMs = 25): Promise<{ result: T; peakMb: number; beforeMb: number }> {
  const beforeMb = largestRssMb(root);
  let peakMb = beforeMb;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, largestRssMb(root));
  }, everyMs);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, largestRssMb(root));
    return { result, peakMb, beforeMb };
  } finally {
    clearInterval(timer);
  }
}
