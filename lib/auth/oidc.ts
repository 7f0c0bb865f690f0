import "server-only";
import { cookies } from "next/headers";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { PrismaClient } from "../db/create-prisma-client";
import { serverEnv } from "../env";
import { LINK_INTENT_COOKIE } from "./cookie-names";
import { readLinkIntent } from "./link-intent";

type OidcProfile = { sub: string; name?: string; given_name?: string; family_name?: string; email?: string };

function displayNameOf(profile: { name?: string; given_name?: string; family_name?: string }): string | null {
  const joined = [profile.given_name, profile.family_name].filter(Boolean).join(" ");
  return profile.name?.trim() || joined.trim() || null;
}

/** The OpenID Connect provider configured by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET; null when unset. */
export function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const env = serverEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (profile) => ({ id: profile.sub, name: displayNameOf(profile) }),
  };
}

export function oidcEnabled(): { name: string } | null {
  return oidcProvider() ? { name: serverEnv().OIDC_NAME } : null;
}

/**
 * The Marginalia user an OpenID identity signs in as. A known identity signs into its account; a signed-in user's
 * link request attaches a new identity to them; otherwise a new account is created. Never by matching emails.
 */
export async function resolveOidcUser(
  prisma: PrismaClient,
  { subject, profile }: { subject: string; profile?: { name?: string | null; given_name?: string; family_name?: string } },
): Promise<{ userId: string; created: boolean; linked: boolean } | null> {
  const existing = await prisma.identity.findUnique({
    where: { provider_subject: { provider: "oidc", subject } },
    include: { user: { select: { status: true, deletedAt: true } } },
  });
  if (existing) {
    return existing.user.status === "active" && !existing.user.deletedAt ? { userId: existing.userId, created: false, linked: false } : null;
  }
  const jar = await cookies();
  const linkingUserId = readLinkIntent(jar.get(LINK_INTENT_COOKIE)?.value, serverEnv().NEXTAUTH_SECRET ?? "");
  if (linkingUserId) {
    jar.delete(LINK_INTENT_COOKIE);
    await prisma.identity.create({ data: { provider: "oidc", subject, userId: linkingUserId } });
    return { userId: linkingUserId, created: false, linked: true };
  }
  const name = (profile ? displayNameOf({ ...profile, name: profile.name ?? undefined }) : null)?.slice(0, 100) ?? "New researcher";
  const user = await prisma.user.create({
    data: { displayName: name, identities: { create: { provider: "oidc", subject } } },
  });
  return { userId: user.id, created: true, linked: false };
}
