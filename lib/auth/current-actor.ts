import "server-only";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { ANONYMOUS, type Actor } from "../authz/actor";
import { prisma } from "../db/prisma";
import { serverEnv } from "../env";
import { forbidden } from "../errors/app-error";
import { actorForBearer } from "../tokens/token-actor";
import { systemClock } from "./clock";
import { SESSION_COOKIE } from "./cookie-names";
import { actorForSession } from "./sessions";

async function resolveActor(): Promise<Actor> {
  // A request that names a token is that token's, or refused: its cookies are never consulted (so a script with a
  // bad token cannot fall back to a browser's session, and a cross-site request carrying one is not a CSRF vector).
  // Pages never see the header (proxy.ts removes it): tokens are for the JSON API and the W3C protocol.
  const authorization = (await headers()).get("authorization");
  if (authorization !== null) return actorForBearer(prisma(), authorization, systemClock);
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return ANONYMOUS;
  const secret = serverEnv().NEXTAUTH_SECRET;
  if (!secret) return ANONYMOUS;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims?.sid || typeof claims.sid !== "string") return ANONYMOUS;
  return actorForSession(prisma(), claims.sid, systemClock);
}

/** Who is asking, checked against the session (or token) table once per request (React's cache scopes it to the request). */
export const currentActor = cache(resolveActor);

/**
 * For the routes a token must never reach (tokens, password, sessions, account deletion, OIDC linking, admin): the
 * actor of a browser session; a token, even a valid write token, is refused with 403.
 */
export async function currentSessionActor(): Promise<Actor> {
  const actor = await currentActor();
  if (actor.kind === "user" && actor.token) throw forbidden("This needs a signed-in browser session; access tokens cannot do it");
  return actor;
}
