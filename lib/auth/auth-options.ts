import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "../db/prisma";
import { serverEnv } from "../env";
import { log } from "../log";
import { ZSignIn } from "./account-schemas";
import { systemClock } from "./clock";
import { CALLBACK_COOKIE, CSRF_COOKIE, OAUTH_CHECK_COOKIE_PREFIX, SESSION_COOKIE } from "./cookie-names";
import { oidcProvider, resolveOidcUser } from "./oidc";
import { SESSION_ABSOLUTE_LIFETIME_MS } from "./session-lifetime";
import { actorForSession, createSession, revokeSession } from "./sessions";
import { verifyCredentials } from "./verify-credentials";

const secureCookie = (name: string) => ({ name, options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: true } });

/**
 * next-auth v4 with JWT sessions (its Credentials provider requires them). The JWT carries only the id of a
 * Session row; lib/auth/current-actor.ts checks that row on every request, which makes sessions revocable.
 */
export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  const oidc = oidcProvider();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIFETIME_MS / 1000 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: {
      sessionToken: secureCookie(SESSION_COOKIE),
      csrfToken: secureCookie(CSRF_COOKIE),
      callbackUrl: { name: CALLBACK_COOKIE, options: { sameSite: "lax", path: "/", secure: true } },
      state: secureCookie(`${OAUTH_CHECK_COOKIE_PREFIX}state`),
      pkceCodeVerifier: secureCookie(`${OAUTH_CHECK_COOKIE_PREFIX}pkce`),
      nonce: secureCookie(`${OAUTH_CHECK_COOKIE_PREFIX}nonce`),
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = ZSignIn.safeParse({ email: credentials?.email, password: credentials?.password });
          if (!parsed.success) return null;
          const user = await verifyCredentials(prisma(), parsed.data.email, parsed.data.password);
          const userAgent = (request?.headers as Record<string, string> | undefined)?.["user-agent"] ?? null;
          log.info(user ? "auth.sign_in" : "auth.sign_in_failed", { method: "password", userId: user?.id });
          return user ? { id: user.id, name: user.displayName, userAgent, method: "password" } : null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const resolved = await resolveOidcUser(prisma(), { subject: account.providerAccountId, profile });
        if (!resolved) return "/sign-in?error=AccessDenied";
        (account as { marginaliaUserId?: string }).marginaliaUserId = resolved.userId;
        log.info("auth.sign_in", { method: "oidc", userId: resolved.userId, created: resolved.created, linked: resolved.linked });
        return true;
      },
      async jwt({ token, user, account }) {
        if (!user) return token;
        const userId = (account as { marginaliaUserId?: string } | null)?.marginaliaUserId ?? user.id;
        const method = account?.provider === "oidc" ? "oidc" : "password";
        const session = await createSession(
          prisma(),
          { userId, method, userAgent: (user as { userAgent?: string | null }).userAgent ?? null },
          systemClock,
        );
        // Only the session id and the user id travel in the cookie: names and roles are read fresh per request.
        return { sub: userId, sid: session.id };
      },
      async session({ session, token }) {
        // /api/auth/session answers from the session row, as every other check does: a revoked, expired or idle
        // session (or a suspended or deleted user) reads as signed out here too, not just in the app's own checks.
        const actor = token.sid ? await actorForSession(prisma(), String(token.sid), systemClock) : { kind: "anonymous" as const };
        if (actor.kind !== "user" || actor.id !== token.sub) return {} as typeof session;
        return { ...session, user: { id: token.sub }, sid: token.sid } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(prisma(), String(token.sid), "signed out", systemClock);
      },
    },
    logger: {
      error: (code, metadata) => log.warn("next_auth.error", { code, message: (metadata as Error)?.message }),
      warn: (code) => log.debug("next_auth.warn", { code }),
      debug: () => {},
    },
  };
}
