import { prisma } from "./db/prisma";
import { log } from "./log";
import { startMailWorker } from "./mail/mail-worker";

type Holder = { marginaliaMailWorker?: ReturnType<typeof startMailWorker>; marginaliaStopBackground?: () => Promise<void> };

/**
 * What each app process runs besides answering requests: the mail worker. Its handle lives on globalThis because
 * scripts/serve.ts (which receives SIGTERM) does not share Next's module instances; serve.ts calls
 * marginaliaStopBackground after the last request, which stops the worker between two messages and closes the
 * process's database pools.
 */
export function startBackgroundWork(): void {
  const holder = globalThis as Holder;
  if (holder.marginaliaMailWorker) return;
  holder.marginaliaMailWorker = startMailWorker(prisma());
  holder.marginaliaStopBackground = async () => {
    await holder.marginaliaMailWorker?.stop();
    const pools = globalThis as { marginaliaPrisma?: { $disconnect: () => Promise<void> }; marginaliaRateLimitPool?: { end: () => Promise<void> } };
    await pools.marginaliaPrisma?.$disconnect();
    await pools.marginaliaRateLimitPool?.end();
    log.info("server.stopped", { reason: "shutdown" });
  };
}
