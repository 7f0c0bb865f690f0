import { AppError } from "../errors/app-error";
import { log } from "../log";
import type { Actor } from "./actor";
import { POLICY, type Permission, type ResourceOf } from "./policy";

type AnyEntry = { rules: readonly (readonly ((actor: Actor, resource: unknown) => boolean)[])[]; hiddenBy?: Permission; write: boolean };

export function can<P extends Permission>(actor: Actor, permission: P, resource: ResourceOf<P>): boolean {
  const entry = POLICY[permission] as unknown as AnyEntry;
  return entry.rules.some((rule) => rule.every((condition) => condition(actor, resource)));
}

/**
 * Throws unless allowed: 401 for an anonymous write, 404 when the actor may not know the resource exists,
 * 403 when it may see it but not do this.
 */
export function assertCan<P extends Permission>(actor: Actor, permission: P, resource: ResourceOf<P>): void {
  if (can(actor, permission, resource)) return;
  const entry = POLICY[permission] as unknown as AnyEntry;
  log.info("authz.refused", { permission, actor: actor.kind === "user" ? actor.id : "anonymous" });
  if (actor.kind === "anonymous" && entry.write) throw new AppError("unauthenticated", "Sign in to do this");
  if (entry.hiddenBy && !can(actor, entry.hiddenBy, resource as never)) throw new AppError("not_found", "Not found");
  if (!entry.write) throw new AppError("not_found", "Not found");
  throw new AppError("forbidden", "You may not do this");
}
