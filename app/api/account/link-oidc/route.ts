import { cookies } from "next/headers";
import { LINK_OIDC } from "@/lib/accounts/account-endpoints";
import { startIdentityLink } from "@/lib/accounts/identity-operations";
import { LINK_INTENT_COOKIE } from "@/lib/auth/cookie-names";
import { LINK_INTENT_LIFETIME_MS } from "@/lib/auth/link-intent";
import { oidcEnabled } from "@/lib/auth/oidc";
import { prisma } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { endpoint } from "@/lib/http/endpoint";

/** Marks the next OpenID sign-in of this browser as "link to my account"; the route exists only with a provider. */
export const POST = endpoint(LINK_OIDC, async ({ actor }) => {
  const oidc = oidcEnabled();
  if (!oidc) throw notFound();
  const { intent, expiresAt } = await startIdentityLink(prisma(), actor, {});
  (await cookies()).set(LINK_INTENT_COOKIE, intent, { httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: LINK_INTENT_LIFETIME_MS / 1000 });
  return { status: 200, body: { provider: oidc.name, expiresAt } };
});
