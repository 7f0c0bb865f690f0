import { AppError } from "../errors/app-error";
import { log } from "../log";
import type { Actor } from "./actor";
import { POLICY, type Permission, type ResourceOf } from "./policy";

type AnyEntry = {
  rules: readonly (readonly ((actor: Actor, resource: unknown) => boolean)[])[];
  hiddenBy?: Permission;
  write: boolean;
  conflictWhen?: { permission: Permission; message: string };
};

export function can<P extends Permission>(actor: Actor, permission: P, resource: ResourceOf<P>): boolean {
  const entry = POLICY[permission] as unknown as AnyEntry;
  return entry.rules.some((rule) => rule.every((condition) => condition(actor, resource)));
}

/**
 * Why the actor may not do this, or null when allowed: 409 when it holds the entry's `conflictWhen` permission (a
 * state that may change, such as a locked thread), 401 for an anonymous write, 404 when the actor may not know the
 * resource exists, 403 when it may see it but not do this.
 */
export function refusalOf<P extends Permission>(actor: Actor, permission: P, resource: ResourceOf<P>): AppError | null {
  if (can(actor, permission, resource)) return null;
  const entry = POLICY[permission] as unknown as AnyEntry;
  if (entry.conflictWhen && can(actor, entry.conflictWhen.permission, resource as never)) return new AppError("conflict", entry.conflictWhen.message);
  if (actor.kind === "anonymous" && entry.write) return new AppError("unauthenticated", "Sign in to do this");
  if (entry.hiddenBy && !can(actor, entry.hiddenBy, resource as never)) return new AppError("not_found", "Not found");
  if (!entry.write) return new AppError("not_found", "Not found");
  return new AppError("forbidden", "You may not do this");
}

/** Throws the refusal (refusalOf) unless allowed. */
export function assertCan<P extends Permission>(actor: Actor, permission: P, resource: ResourceOf<P>): void {
  const refusal = refusalOf(actor, permission, resource);
  if (!refusal) return;
  log.info("authz.refused", { permission, actor: actor.kind === "user" ? actor.id : "anonymous" });
  throw refusal;
}
