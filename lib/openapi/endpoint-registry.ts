import type { EndpointContract } from "../http/endpoint-contract";
import * as membership from "../groups/membership-endpoints";
import * as openapi from "./openapi-endpoints";

/**
 * Every route of the JSON API, by capability: the OpenAPI document is generated from this list, and the coverage
 * test (tests/unit/openapi-coverage.test.ts) fails when a route file under app/api has no entry here, or an entry
 * no route file.
 */
const modules: Record<string, unknown>[] = [membership, openapi];

export const ENDPOINTS: readonly EndpointContract[] = modules.flatMap((module) =>
  Object.values(module).filter((value): value is EndpointContract => typeof value === "object" && value !== null && "operationId" in value && "method" in value),
);
