import "server-only";
import { prisma } from "../db/prisma";

export type DatabaseHealth = { db: "ok" } | { db: "unavailable"; reason: string };

/** Answers within `timeoutMs` whatever the database does: a hung server counts as unavailable. */
export async function checkDatabase(timeoutMs = 2500): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve({ db: "unavailable", reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const probe = prisma()
    .$queryRaw`SELECT 1`.then((): DatabaseHealth => ({ db: "ok" }))
    .catch((error: unknown): DatabaseHealth => ({
      db: "unavailable",
      reason: error instanceof Error ? error.message.split("\n")[0].slice(0, 200) : "unknown error",
    }));
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
