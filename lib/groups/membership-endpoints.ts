import { z } from "zod";
import { ZRowId } from "../db/row-id";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZMembershipView } from "./membership-operations";
import { ZChangeMemberRole, ZTransferOwnership } from "./group-schemas";

const ZMemberPath = z.strictObject({ groupId: ZRowId, userId: ZRowId });
const MEMBER_PATH = "/api/groups/{groupId}/members/{userId}";

export const CHANGE_MEMBER_ROLE = defineEndpoint({
  method: "PATCH",
  path: MEMBER_PATH,
  operationId: "changeMemberRole",
  summary: "Make a member a moderator, or a moderator a member",
  description: "The group's owner (or an admin). Audited. 409 when the membership changed meanwhile.",
  tag: "Groups",
  security: "token-or-session",
  params: ZMemberPath,
  body: { schema: ZChangeMemberRole },
  responses: { 200: { description: "The membership as it now is", schema: ZMembershipView } },
  errors: [400, 401, 403, 404, 409, 413, 415, 429],
});

export const REMOVE_MEMBER = defineEndpoint({
  method: "DELETE",
  path: MEMBER_PATH,
  operationId: "removeMember",
  summary: "Remove a member from a group",
  description: "The owner removes anyone but themselves; a moderator removes plain members; an admin anyone but the owner. Audited.",
  tag: "Groups",
  security: "token-or-session",
  params: ZMemberPath,
  responses: { 200: { description: "The membership, now gone (role null)", schema: ZMembershipView } },
  errors: [401, 403, 404, 409, 415, 429],
});

export const TRANSFER_OWNERSHIP = defineEndpoint({
  method: "POST",
  path: "/api/groups/{groupId}/transfer",
  operationId: "transferOwnership",
  summary: "Hand the group to another member",
  description: "The new owner must already be a member; the old owner stays on as a moderator. Audited.",
  tag: "Groups",
  security: "token-or-session",
  params: z.strictObject({ groupId: ZRowId }),
  body: { schema: ZTransferOwnership },
  responses: { 200: { description: "The new owner's membership", schema: ZMembershipView } },
  errors: [400, 401, 403, 404, 409, 413, 415, 429],
});
