import type { Actor } from "../authz/actor";
import { ZRowId } from "../db/row-id";
import { loadGroupResource } from "../groups/load-group";
import { check, defineOperation } from "../operations/define-operation";
import { recordModeration } from "./moderation-records";
import { ZGroupMode, ZGroupModeResult } from "./moderation-schemas";

type SignedIn = Extract<Actor, { kind: "user" }>;

/**
 * A group's owners and moderators (or an admin) choose whether its members' group notes are published at once
 * (open) or wait for them (premoderated). Items already pending stay pending. The change is kept twice, in its
 * transaction: in the moderation log its group's staff read, and in the audit log beside the group's other
 * changes. Choosing the mode already set changes and records nothing.
 */
export const setGroupModerationMode = defineOperation({
  name: "group.moderation-mode",
  input: ZGroupMode.extend({ groupId: ZRowId }),
  output: ZGroupModeResult,
  load: (db, actor, input) => loadGroupResource(db, actor, input.groupId),
  authorise: ({ loaded }) => check("group:set-moderation", loaded),
  run: async (tx, { actor, input }) => {
    const previous = input.mode === "open" ? "premoderated" : "open";
    // Conditional on the other mode: of two identical changes at once, one changes it and the other finds it done.
    const { count } = await tx.group.updateMany({ where: { id: input.groupId, moderationMode: previous }, data: { moderationMode: input.mode } });
    if (count > 0) {
      await recordModeration(tx, { action: "group_mode", actor: actor as SignedIn, groupId: input.groupId, previousStatus: previous, newStatus: input.mode });
    }
    return { groupId: input.groupId, mode: input.mode, changedFrom: count > 0 ? previous : null };
  },
  audit: ({ input, result }) =>
    result.changedFrom ? { action: "group.moderation-mode", groupId: input.groupId, before: result.changedFrom, after: result.mode } : null,
  present: ({ groupId, mode }) => ({ groupId, mode }),
});
