import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/authz/actor";
import type { Clock } from "@/lib/auth/clock";
import { hashPassword } from "@/lib/auth/password/hash-password";
import { actorForSession, createSession } from "@/lib/auth/sessions";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";

export type SignedInActor = Extract<Actor, { kind: "user" }>;

/** A real User row with a unique email; hashed like sign-up does when a password is given. */
export async function seedUser(
  prisma: PrismaClient,
  options: { displayName?: string; siteRole?: "researcher" | "reviewer" | "admin"; password?: string; trusted?: boolean } = {},
) {
  const tag = randomUUID().slice(0, 8);
  return prisma.user.create({
    data: {
      email: `user-${tag}@example.org`,
      displayName: options.displayName ?? `User ${tag}`,
      siteRole: options.siteRole ?? "researcher",
      trusted: options.trusted ?? false,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    },
  });
}

/** Starts a session the way sign-in does and answers the actor the next request would see. */
export async function signIn(prisma: PrismaClient, userId: string, clock: Clock, userAgent = "test browser") {
  const session = await createSession(prisma, { userId, method: "credentials", userAgent }, clock);
  const actor = await actorForSession(prisma, session.id, clock);
  if (actor.kind !== "user") throw new Error(`a fresh session of ${userId} answered anonymous`);
  return { sessionId: session.id, actor };
}

/** The AppError a call rejects with; throws (failing the test) when it succeeds or fails with another kind of error. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the call succeeded");
}

/** Shorthand: the code of that AppError ("not_found", "forbidden", "conflict", …). */
export async function appErrorCode(promise: Promise<unknown>): Promise<AppErrorCode> {
  return (await appErrorOf(promise)).code;
}

let clientCounter = 0;
/**
 * A client address no other call of this run used (198.18.0.0/15, the benchmarking range): operations limited per
 * client address (sign-up, password reset) count each call separately, so tests exercise their logic, not the limit.
 */
export function freshClientAddress(): string {
  clientCounter += 1;
  return `198.18.${Math.floor(clientCounter / 250) % 250}.${(clientCounter % 250) + 1}`;
}
