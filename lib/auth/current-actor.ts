import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { ANONYMOUS, type Actor } from "../authz/actor";
import { prisma } from "../db/prisma";
import { serverEnv } from "../env";
import { systemClock } from "./clock";
import { SESSION_COOKIE } from "./cookie-names";
import { actorForSession } from "./sessions";

async function resolveActor(): Promise<Actor> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return ANONYMOUS;
  const secret = serverEnv().NEXTAUTH_SECRET;
  if (!secret) return ANONYMOUS;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims?.sid || typeof claims.sid !== "string") return ANONYMOUS;
  return actorForSession(prisma(), claims.sid, systemClock);
}

/** Who is asking, checked against the session table once per request (React's cache scopes it to the request). */
export const currentActor = cache(resolveActor);
