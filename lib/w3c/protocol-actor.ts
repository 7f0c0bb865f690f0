import "server-only";
import { ANONYMOUS, type Actor } from "../authz/actor";
import { currentActor } from "../auth/current-actor";
import { publicOrigin } from "../http/public-origin";

/**
 * Who a protocol request acts as. A token names its user; otherwise the browser's session, but only for a request
 * from our own pages: the protocol answers any origin (CORS `*`), so a cross-origin request is anonymous even if a
 * browser sent cookies with it (Origin or Sec-Fetch-Site tell), and cookies never authenticate it.
 */
export async function protocolActor(request: Request): Promise<Actor> {
  if (request.headers.has("authorization")) return currentActor();
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const foreignOrigin = origin !== null && origin !== new URL(publicOrigin()).origin;
  const foreignSite = site !== null && site !== "same-origin" && site !== "none";
  if (foreignOrigin || foreignSite) return ANONYMOUS;
  return currentActor();
}
