import { serverEnv } from "../env";
import { clientAddress, parseTrustedProxies } from "../rate-limit/client-address";

/**
 * Set by our HTTP server (scripts/serve.ts) from the socket's peer address, overwriting whatever a client sent.
 * Next.js itself only fills X-Forwarded-For when a request lacks it, so a client could otherwise choose its own
 * address (see docs/decisions.md).
 */
export const PEER_ADDRESS_HEADER = "x-marginalia-peer";

let trusted: string[] | undefined;

/** The client's address for rate limits: the peer, or what trusted proxies say in X-Forwarded-For. */
export function requestClientAddress(request: Request): string {
  trusted ??= parseTrustedProxies(serverEnv().TRUSTED_PROXIES);
  return clientAddress(request.headers, request.headers.get(PEER_ADDRESS_HEADER) ?? undefined, trusted);
}
