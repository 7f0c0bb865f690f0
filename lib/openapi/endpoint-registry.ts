import type { EndpointContract } from "../http/endpoint-contract";
import * as accounts from "../accounts/account-endpoints";
import * as admin from "../admin/admin-endpoints";
import * as notes from "../annotations/note-endpoints";
import * as corrections from "../corrections/correction-endpoints";
import * as documents from "../documents/document-endpoints";
import * as groups from "../groups/group-endpoints";
import * as membership from "../groups/membership-endpoints";
import * as health from "../health/health-endpoints";
import * as imports from "../imports/import-endpoints";
import * as moderation from "../moderation/moderation-endpoints";
import * as notifications from "../notifications/notification-endpoints";
import * as references from "../references/reference-endpoints";
import * as search from "../search/search-endpoints";
import * as teaching from "../teaching/teaching-endpoints";
import * as tokens from "../tokens/token-endpoints";
import * as openapi from "./openapi-endpoints";

/**
 * Every route of the JSON API, by capability: the OpenAPI document is generated from this list, and the coverage
 * test (tests/unit/openapi-document.test.ts) fails when a route file under app/api has no entry here, or an entry
 * no route file.
 */
const modules: Record<string, unknown>[] = [
  accounts, admin, notes, corrections, documents, groups, membership, health, imports, moderation, notifications, references, search, teaching, tokens, openapi,
];

export const ENDPOINTS: readonly EndpointContract[] = modules.flatMap((module) =>
  Object.values(module).filter((value): value is EndpointContract => typeof value === "object" && value !== null && "operationId" in value && "method" in value),
);
