import { createHmac, timingSafeEqual } from "node:crypto";

// A signed, short-lived note that the signed-in user asked to link an OpenID identity: the OIDC callback attaches
// the identity to that user instead of creating an account. Signed so another site cannot plant one.
export const LINK_INTENT_LIFETIME_MS = 10 * 60 * 1000;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function createLinkIntent(userId: string, secret: string, now = Date.now()): string {
  const payload = `${userId}.${now + LINK_INTENT_LIFETIME_MS}`;
  return `${payload}.${sign(payload, secret)}`;
}

export function readLinkIntent(value: string | undefined, secret: string, now = Date.now()): string | null {
  if (!value) return null;
  const [userId, expires, signature] = value.split(".");
  if (!userId || !expires || !signature) return null;
  const expected = Buffer.from(sign(`${userId}.${expires}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(expires) > now ? userId : null;
}
