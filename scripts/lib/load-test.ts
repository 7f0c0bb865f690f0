import autocannon from "autocannon";

export type LoadResult = { name: string; requestsPerSecond: number; p50: number; p95: number; errors: number; non2xx: number };

function percentile(sorted: number[], fraction: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

/** autocannon with 10 connections; latencies recorded per response so p95 is exact (autocannon reports p97.5). */
export async function loadTest(name: string, url: string, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  await autocannon({ url, connections: 10, duration: 2, headers }); // warm-up: JIT, caches, pool
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: 10, duration: seconds, headers }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
