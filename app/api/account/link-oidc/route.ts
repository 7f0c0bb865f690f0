import { cookies } from "next/headers";
import { currentSessionActor } from "@/lib/auth/current-actor";
import { LINK_INTENT_COOKIE } from "@/lib/auth/cookie-names";
import { createLinkIntent } from "@/lib/auth/link-intent";
import { oidcEnabled } from "@/lib/auth/oidc";
import { serverEnv } from "@/lib/env";
import { notFound, unauthenticated } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";

/** Marks the next OpenID sign-in of this browser as "link to my account" (for 10 minutes). */
export const POST = apiRoute(async () => {
  if (!oidcEnabled()) throw notFound();
  const actor = await currentSessionActor();
  if (actor.kind !== "user") throw unauthenticated();
  (await cookies()).set(LINK_INTENT_COOKIE, createLinkIntent(actor.id, serverEnv().NEXTAUTH_SECRET ?? ""), {
    httpOnly: true,
    secure: true,
    sameSite: "lax",
    path: "/",
    maxAge: 600,
  });
  return Response.json({ ok: true });
});
