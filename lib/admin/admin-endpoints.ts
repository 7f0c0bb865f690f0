// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { z } from "zod";
import { ZRowId } from "../db/row-id";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZAdminChange, ZChangeSiteRole, ZSetSuspended } from "./admin-schemas";

const ZUserPath = z.strictObject({ userId: ZRowId });

export const CHANGE_SITE_ROLE = defineEndpoint({
  method: "PUT",
  path: "/api/admin/users/{userId}/role",
  operationId: "changeSiteRole",
  summary: "Change a user's site role",
  description: "Admins only (anyone else: 404), never their own. Every session of the user ends, so the role holds from their next request. Audited with its reason.",
  tag: "Admin",
  security: "session",
  params: ZUserPath,
  body: { schema: ZChangeSiteRole },
  responses: { 200: { description: "Whether anything changed", schema: ZAdminChange } },
  errors: [400, 401, 403, 404, 413, 415],
});

export const SET_SUSPENSION = defineEndpoint({
  method: "PUT",
  path: "/api/admin/users/{userId}/suspension",
  operationId: "setSuspension",
  summary: "Suspend or restore a user",
  description: "Admins only (anyone else: 404), never themselves. A suspension ends every session and token of the user at once. Audited with its reason.",
  tag: "Admin",
  security: "session",
  params: ZUserPath,
  body: { schema: ZSetSuspended },
  responses: { 200: { description: "Whether anything changed", schema: ZAdminChange } },
  errors: [400, 401, 403, 404, 413, 415],
});
