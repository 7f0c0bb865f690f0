import "server-only";
import type { PrismaClient } from "../db/create-prisma-client";

/** The newest messages kept for the development outbox (callers check `outboxEnabled()` first). */
export async function listOutbox(prisma: PrismaClient, take = 20) {
  return prisma.outboxMessage.findMany({
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take,
  });
}
