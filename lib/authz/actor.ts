/** Who is asking. Built once per request from the session (lib/auth/current-actor.ts). */
export type SiteRoleName = "researcher" | "reviewer" | "admin";
export type GroupRoleName = "owner" | "moderator" | "member";

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      id: string;
      displayName: string;
      siteRole: SiteRoleName;
      sessionId: string | null;
      /** Set when the request authenticated with a personal access token (lib/tokens) instead of a session. */
      token?: { id: string; scope: "read" | "write" };
    };

export const ANONYMOUS: Actor = { kind: "anonymous" };
