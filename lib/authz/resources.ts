import type { GroupRoleName, SiteRoleName } from "./actor";

/**
 * What a permission is checked against. Each carries the facts its conditions need, including the actor's relation
 * to it (its role in the group), so that the policy itself stays pure and testable without a database.
 */
export type DocumentResource = { type: "document" };
export type GroupResource = { type: "group"; id: string; viewerRole: GroupRoleName | null };
export type MembershipResource = {
  type: "membership";
  groupId: string;
  viewerRole: GroupRoleName | null;
  targetUserId: string;
  targetRole: GroupRoleName;
};
export type UserResource = { type: "user"; id: string; siteRole: SiteRoleName; suspended: boolean };
export type SiteResource = { type: "site" };

export type Resource = DocumentResource | GroupResource | MembershipResource | UserResource | SiteResource;
