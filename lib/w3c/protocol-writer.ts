import "server-only";
import type { Actor } from "../authz/actor";
import { currentActor } from "../auth/current-actor";
import { assertTokenMayWrite } from "../tokens/token-actor";
import { appOrigin } from "../http/api-route";
import { assertSameOrigin } from "../http/same-origin";

export const ANNOTATION_BODY_TYPES = {
  pattern: /^application\/(ld\+)?json\s*(;|$)/i,
  names: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld", application/ld+json or application/json',
};

/**
 * Who may write through the protocol: a write token (a read token is 403), or a session from our own pages (the
 * Origin must be ours, as for the JSON API: CORS lets any site send the request, never with our cookies' authority).
 */
export async function protocolWriter(request: Request): Promise<Actor> {
  if (request.headers.has("authorization")) {
    const actor = await currentActor();
    assertTokenMayWrite(actor);
    return actor;
  }
  assertSameOrigin(request, appOrigin());
  return currentActor();
}
