/**
 * The `Authorization` header as RFC 6750 §2.1 reads it: the scheme `Bearer` (any case), one or more spaces, and a
 * token68. Anything else is malformed: the request is refused, never treated as anonymous or as the cookie's user.
 */
export type BearerHeader = { kind: "bearer"; token: string } | { kind: "malformed"; reason: string };

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function parseBearer(header: string): BearerHeader {
  const match = BEARER.exec(header);
  if (!match) {
    return { kind: "malformed", reason: /^Bearer\b/i.test(header) ? "The bearer token is malformed" : "Only Bearer tokens are accepted" };
  }
  return { kind: "bearer", token: match[1]! };
}
