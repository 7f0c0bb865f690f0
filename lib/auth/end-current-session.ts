import "server-only";
import { cookies } from "next/headers";
import { prisma } from "../db/prisma";
import { systemClock } from "./clock";
import { SESSION_COOKIE } from "./cookie-names";
import { currentActor } from "./current-actor";
import { revokeSession } from "./sessions";

/** Signs this browser out: its session row is revoked (so a copied cookie is dead too) and the cookie removed. */
export async function endCurrentSession(): Promise<void> {
  const actor = await currentActor();
  if (actor.kind === "user" && actor.sessionId) await revokeSession(prisma(), actor.sessionId, "signed out", systemClock);
  (await cookies()).set(SESSION_COOKIE, "", { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 0 });
}
