import type { Actor } from "../authz/actor";
import type { UserResource } from "../authz/resources";

/**
 * The actor's own account as a policy resource, for "account:manage" and "profile:update" (signed in, oneself): an
 * anonymous actor's names nobody, so the policy answers 401.
 */
export function selfUser(actor: Actor): UserResource {
  return actor.kind === "user"
    ? { type: "user", id: actor.id, siteRole: actor.siteRole, suspended: false }
    : { type: "user", id: "", siteRole: "researcher", suspended: false };
}
