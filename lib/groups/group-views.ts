import { z } from "zod";
import { ZRowId } from "../db/row-id";

/** A group as its creation answers it (the group page shows more, to its members only). */
export const ZGroupView = z
  .strictObject({
    id: ZRowId,
    kind: z.enum(["research", "class"]),
    name: z.string(),
    description: z.string().nullable(),
    term: z.string().nullable().describe("A class's term; null for research groups"),
    moderationMode: z.enum(["open", "premoderated"]),
    createdById: ZRowId,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Group" });
export type GroupView = z.infer<typeof ZGroupView>;

/** A join code of a group, for its staff: live until it expires or is revoked. */
export const ZInviteView = z
  .strictObject({
    id: ZRowId,
    groupId: ZRowId,
    code: z.string().describe("10 letters and digits; shown as ABCDE-FGHJK"),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Invite" });

export const ZJoinResult = z
  .strictObject({ groupId: ZRowId, alreadyMember: z.boolean().describe("true when the reader was a member before (nothing changed)") })
  .meta({ id: "JoinResult" });

type InviteRow = { id: string; groupId: string; code: string; expiresAt: Date; revokedAt: Date | null };
export const toInviteView = (row: InviteRow) => ({
  id: row.id,
  groupId: row.groupId,
  code: row.code,
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});
