import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { UserResource } from "../authz/resources";

/** The actor's own account as a policy resource (an anonymous actor's names nobody). */
export function selfUser(actor: Actor): UserResource {
  return actor.kind === "user"
    ? { type: "user", id: actor.id, siteRole: actor.siteRole, suspended: false }
    : { type: "user", id: "", siteRole: "researcher", suspended: false };
}

/**
 * Notifications and their preferences belong to the account: the policy's "account:manage" (signed in, oneself)
 * decides, so an anonymous request gets 401 and nobody reaches another user's notifications.
 */
export function selfResource(actor: Actor): { userId: string } {
  const resource = selfUser(actor);
  assertCan(actor, "account:manage", resource);
  return { userId: resource.id };
}
