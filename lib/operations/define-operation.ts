import { checkedOutput } from "../errors/checked-output";
import type { z } from "zod";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { Permission, ResourceOf } from "../authz/policy";
import { systemClock, type Clock } from "../auth/clock";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import type { AppError } from "../errors/app-error";
import { log } from "../log";
import { recordChanges, type ChangeEntry } from "../live/change-feed";
import { writeAudit, type AuditEntry } from "./audit";
import { limitOperation, type OperationLimit } from "./operation-limits";

/** One policy question an operation asks before it writes: a named permission of lib/authz/policy.ts on a resource. */
export type Check = { permission: Permission; resource: unknown };
/** Builds a typed check (the resource must be the permission's resource type). */
export function check<P extends Permission>(permission: P, resource: ResourceOf<P>): Check {
  return { permission, resource };
}

/** What a running operation knows: who asks, its parsed input, what was loaded, and the time. */
export type OperationScope<I, L> = { actor: Actor; input: I; loaded: L; clock: Clock; now: Date; clientAddress?: string };
/** The caller's surroundings: the clock (tests pass their own) and, for limits keyed by address, the client's address. */
export type OperationEnv = { clock?: Clock; clientAddress?: string };

type Definition<IS extends z.ZodType, OS extends z.ZodType, L, R> = {
  /** Dotted name, also the audit action's default and the log event ("membership.change-role"). */
  name: string;
  input: IS;
  output: OS;
  /** Counted before the operation runs and refunded when it is refused (lib/operations/operation-limits.ts). */
  limit?: OperationLimit;
  /** What a per-account limit counts, from the parsed input (password resets: the address asked for). */
  limitKey?: (input: z.output<IS>) => string;
  /** Reads what the decision needs, outside the transaction (a hidden or missing resource is 404 here). */
  load: (db: PrismaClient, actor: Actor, input: z.output<IS>, env: { now: Date }) => Promise<L>;
  /** The policy's questions: every check must pass (401 / 403 / 404 as the policy's entry says). */
  authorise: (scope: OperationScope<z.output<IS>, L>) => Check | readonly Check[];
  /** A refusal of state the actor may know about (a 409, a 400 on what was loaded), after authorising. */
  refuse?: (scope: OperationScope<z.output<IS>, L>) => AppError | null | undefined;
  /** The change itself, in one transaction with its audit records. Returns what the output schema describes. */
  run: (tx: Prisma.TransactionClient, scope: OperationScope<z.output<IS>, L>) => Promise<R>;
  /** The audit records of this change (written in the same transaction); none for changes the moderation log keeps. */
  audit?: (scope: OperationScope<z.output<IS>, L> & { result: R }) => AuditEntry | readonly AuditEntry[] | null;
  /** What live readers must hear of (lib/live/change-feed.ts), recorded in the same transaction, so exactly when it commits. */
  changes?: (scope: OperationScope<z.output<IS>, L> & { result: R }) => readonly ChangeEntry[];
  /** Maps the transaction's result to the output (defaults to the result itself). */
  present?: (result: R, scope: OperationScope<z.output<IS>, L>) => z.input<OS> | Promise<z.input<OS>>;
  /** Work after the commit that must not roll the change back (notifications, mail, search): awaited, errors logged. */
  afterCommit?: (result: R, scope: OperationScope<z.output<IS>, L>) => Promise<void> | void;
  transaction?: { timeout?: number; maxWait?: number; isolationLevel?: Prisma.TransactionIsolationLevel };
};

export type Operation<IS extends z.ZodType, OS extends z.ZodType> = ((
  db: PrismaClient,
  actor: Actor,
  input: z.input<IS>,
  env?: OperationEnv,
) => Promise<z.output<OS>>) & { readonly operation: { name: string; input: IS; output: OS; limit?: OperationLimit } };

/**
 * Every mutation reads the same way: input schema → actor → load → authorise (named permissions) → refusals → one
 * transaction with its audit records → output schema. The route only binds it to HTTP (lib/http/endpoint.ts); the
 * rate limit is part of the definition, so every entry point (API, server action, script) counts the same.
 */
export function defineOperation<IS extends z.ZodType, OS extends z.ZodType, L, R>(definition: Definition<IS, OS, L, R>): Operation<IS, OS> {
  const execute = async (db: PrismaClient, actor: Actor, raw: z.input<IS>, env: OperationEnv = {}) => {
    const input = definition.input.parse(raw) as z.output<IS>;
    const clock = env.clock ?? systemClock;
    const now = clock.now();
    return limitOperation(definition.limit, actor, env.clientAddress, async () => {
      const loaded = await definition.load(db, actor, input, { now });
      const scope: OperationScope<z.output<IS>, L> = { actor, input, loaded, clock, now, clientAddress: env.clientAddress };
      const checks = definition.authorise(scope);
      for (const { permission, resource } of Array.isArray(checks) ? checks : [checks as Check]) {
        assertCan(actor, permission, resource as never);
      }
      const refusal = definition.refuse?.(scope);
      if (refusal) throw refusal;
      const result = await db.$transaction(async (tx) => {
        const value = await definition.run(tx, scope);
        const entries = definition.audit?.({ ...scope, result: value });
        if (entries) await writeAudit(tx, actor, entries, now);
        const changes = definition.changes?.({ ...scope, result: value });
        if (changes) await recordChanges(tx, changes);
        return value;
      }, definition.transaction);
      log.info(`operation.${definition.name}`, { actor: actor.kind === "user" ? actor.id : "anonymous" });
      if (definition.afterCommit) {
        try {
          await definition.afterCommit(result, scope);
        } catch (error) {
          log.error("operation.after-commit-failed", { operation: definition.name, error });
        }
      }
      const presented = definition.present ? await definition.present(result, scope) : (result as unknown as z.input<OS>);
      // A result that does not fit the output schema is our bug: a plain Error (500), never a ZodError (a 400).
      return checkedOutput(definition.output, presented, `${definition.name}'s output`) as z.output<OS>;
    }, definition.limitKey?.(input));
  };
  return Object.assign(execute, { operation: { name: definition.name, input: definition.input, output: definition.output, limit: definition.limit } });
}
