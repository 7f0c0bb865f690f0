import type { GroupRoleName, SiteRoleName } from "../authz/actor";

export type InitialStatusFacts = {
  visibility: "private" | "group" | "public";
  writer: { siteRole: SiteRoleName; trusted: boolean };
  /** The group's mode, for a group item. */
  groupMode: "open" | "premoderated" | null;
  /** The writer's role in the item's group, for a group item. */
  writerGroupRole: GroupRoleName | null;
};

/**
 * Pre-moderation: a public item by a writer who is not trusted (reviewers and admins count as trusted), or a group
 * item in a premoderated group by a writer who is not one of its owners or moderators, waits for review. Private
 * items, and everything else, are published at once.
 */
export function initialModerationStatus(facts: InitialStatusFacts): "approved" | "pending" {
  if (facts.visibility === "public") {
    const trusted = facts.writer.trusted || facts.writer.siteRole === "reviewer" || facts.writer.siteRole === "admin";
    return trusted ? "approved" : "pending";
  }
  if (facts.visibility === "group" && facts.groupMode === "premoderated") {
    const staff = facts.writerGroupRole === "owner" || facts.writerGroupRole === "moderator";
    return staff ? "approved" : "pending";
  }
  return "approved";
}
