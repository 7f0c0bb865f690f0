import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";

/**
 * Notifications and their preferences belong to the account: the policy's "account:manage" (signed in, oneself)
 * decides, so an anonymous request gets 401 and nobody reaches another user's notifications.
 */
export function selfResource(actor: Actor): { userId: string } {
  const resource = actor.kind === "user"
    ? { type: "user" as const, id: actor.id, siteRole: actor.siteRole, suspended: false }
    : { type: "user" as const, id: "", siteRole: "researcher" as const, suspended: false };
  assertCan(actor, "account:manage", resource);
  return { userId: resource.id };
}
