import { prisma } from "./db/prisma";
import { pruneFeed } from "./live/change-feed";
import { log } from "./log";
import { startMailWorker } from "./mail/mail-worker";

type Holder = { marginaliaMailWorker?: ReturnType<typeof startMailWorker>; marginaliaFeedPruner?: NodeJS.Timeout; marginaliaStopBackground?: () => Promise<void> };

const PRUNE_EVERY_MS = 15 * 60_000;

/**
 * What each app process runs besides answering requests: the mail worker, and pruning the change feed past its
 * retention (lib/live/change-feed.ts; any process may prune, a delete of old rows is idempotent). Its handle lives on globalThis because
 * scripts/serve.ts (which receives SIGTERM) does not share Next's module instances; serve.ts calls
 * marginaliaStopBackground after the last request, which stops the worker between two messages and closes the
 * process's database pools.
 */
export function startBackgroundWork(): void {
  const holder = globalThis as Holder;
  if (holder.marginaliaMailWorker) return;
  holder.marginaliaMailWorker = startMailWorker(prisma());
  holder.marginaliaFeedPruner = setInterval(() => {
    pruneFeed(prisma(), new Date()).catch((error: unknown) => log.warn("live.prune-failed", { error }));
  }, PRUNE_EVERY_MS);
  holder.marginaliaFeedPruner.unref();
  holder.marginaliaStopBackground = async () => {
    clearInterval(holder.marginaliaFeedPruner);
    await holder.marginaliaMailWorker?.stop();
    const pools = globalThis as { marginaliaPrisma?: { $disconnect: () => Promise<void> }; marginaliaRateLimitPool?: { end: () => Promise<void> } };
    await pools.marginaliaPrisma?.$disconnect();
    await pools.marginaliaRateLimitPool?.end();
    log.info("server.stopped", { reason: "shutdown" });
  };
}
