import { loadUserResource } from "../admin/load-user";
import type { Actor } from "../authz/actor";
import { ZRowId } from "../db/row-id";
import { check, defineOperation } from "../operations/define-operation";
import { recordModeration } from "./moderation-records";
import { ZTrust, ZTrustResult } from "./moderation-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;

const trustName = (trusted: boolean) => (trusted ? "trusted" : "untrusted");

/**
 * A reviewer or admin marks a user trusted (their public notes and replies are published at once) or takes it back.
 * The change is kept twice, in its transaction: in the moderation log reviewers read, and in the audit log beside the
 * user's other account changes. Setting what already holds changes nothing and records nothing.
 */
export const setTrusted = defineOperation({
  name: "user.trust",
  input: ZTrust.extend({ userId: ZRowId }),
  output: ZTrustResult,
  load: (db, _actor, input) => loadUserResource(db, input.userId),
  authorise: ({ loaded }) => check("user:trust", loaded),
  run: async (tx, { actor, input, loaded: user }) => {
    // Conditional on the other value: of two identical changes at once, one changes it and the other finds it done.
    const { count } = await tx.user.updateMany({ where: { id: user.id, trusted: !input.trusted }, data: { trusted: input.trusted } });
    if (count > 0) {
      await recordModeration(tx, {
        action: input.trusted ? "trust" : "untrust",
        actor: actor as SignedIn,
        subjectUserId: user.id,
        previousStatus: trustName(!input.trusted),
        newStatus: trustName(input.trusted),
        reason: input.reason,
      });
    }
    return { userId: user.id, trusted: input.trusted, changed: count > 0 };
  },
  audit: ({ input, result }) =>
    result.changed
      ? { action: "user.trust", subjectId: result.userId, before: trustName(!input.trusted), after: trustName(input.trusted), reason: input.reason }
      : null,
  present: ({ userId, trusted }) => ({ userId, trusted }),
});
