// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { z } from "zod";
import { ZRowId } from "../db/row-id";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZGroupMode, ZGroupModeResult } from "../moderation/moderation-schemas";
import { ZCreateGroup, ZCreateInvite, ZJoinGroup } from "./group-schemas";
import { ZGroupView, ZInviteView, ZJoinResult } from "./group-views";
import { ZMembershipView } from "./membership-operations";

const ZGroupPath = z.strictObject({ groupId: ZRowId });

export const CREATE_GROUP = defineEndpoint({
  method: "POST",
  path: "/api/groups",
  operationId: "createGroup",
  summary: "Create a research group or a class",
  description: "Any signed-in reader; they become its owner (a class's teacher). Audited.",
  tag: "Groups",
  security: "token-or-session",
  body: { schema: ZCreateGroup },
  responses: { 201: { description: "The new group", schema: ZGroupView } },
  errors: [400, 401, 403, 413, 415],
});

export const JOIN_GROUP = defineEndpoint({
  method: "POST",
  path: "/api/groups/join",
  operationId: "joinGroup",
  summary: "Join a group with its join code",
  description:
    "The code as shown (ABCDE-FGHJK) or typed in any case. An unknown, expired or revoked code is the same 404, so codes cannot be probed. Joining a group one belongs to already changes nothing. Audited.",
  tag: "Groups",
  security: "token-or-session",
  body: { schema: ZJoinGroup },
  responses: { 200: { description: "The group joined", schema: ZJoinResult } },
  errors: [400, 401, 403, 404, 413, 415],
});

export const CREATE_INVITE = defineEndpoint({
  method: "POST",
  path: "/api/groups/{groupId}/invites",
  operationId: "createInvite",
  summary: "Make a join code for a group",
  description: "The group's owner and moderators (or an admin). Audited (without the code).",
  tag: "Groups",
  security: "token-or-session",
  params: ZGroupPath,
  body: { schema: ZCreateInvite },
  responses: { 201: { description: "The new join code", schema: ZInviteView } },
  errors: [400, 401, 403, 404, 413, 415],
});

export const REVOKE_INVITE = defineEndpoint({
  method: "DELETE",
  path: "/api/groups/{groupId}/invites/{inviteId}",
  operationId: "revokeInvite",
  summary: "Revoke a join code",
  description: "The group's owner and moderators (or an admin); 404 when the code is not active (revoked already). Audited.",
  tag: "Groups",
  security: "token-or-session",
  params: z.strictObject({ groupId: ZRowId, inviteId: ZRowId }),
  responses: { 200: { description: "The join code, now revoked", schema: ZInviteView } },
  errors: [401, 403, 404, 415],
});

export const LEAVE_GROUP = defineEndpoint({
  method: "POST",
  path: "/api/groups/{groupId}/leave",
  operationId: "leaveGroup",
  summary: "Leave a group",
  description: "Any member; the owner is refused (409) until they transfer ownership. Audited.",
  tag: "Groups",
  security: "token-or-session",
  params: ZGroupPath,
  responses: { 200: { description: "The membership, now gone (role null)", schema: ZMembershipView } },
  errors: [401, 403, 404, 409, 415],
});

export const SET_GROUP_MODERATION_MODE = defineEndpoint({
  method: "PUT",
  path: "/api/groups/{groupId}/moderation",
  operationId: "setGroupModerationMode",
  summary: "Publish a group's notes at once, or hold them for its moderators",
  description: "The group's owner and moderators (or an admin). Items already pending stay pending. Recorded in the moderation log and audited.",
  tag: "Groups",
  security: "token-or-session",
  params: ZGroupPath,
  body: { schema: ZGroupMode },
  responses: { 200: { description: "The group's mode as it now is", schema: ZGroupModeResult } },
  errors: [400, 401, 403, 404, 413, 415],
});
