import { setTimeout as sleep } from "node:timers/promises";
import { OperatorError } from "./fail";

/** Polls a health URL until it answers 200; the interval backs off from 50 ms so a fast start is seen at once. */
export async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let interval = 50;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(interval);
    interval = Math.min(interval * 2, 1000);
  }
  throw new OperatorError(`the server did not answer ${url} within ${timeoutMs / 1000} s`, "see the server output above");
}
