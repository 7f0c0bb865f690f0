// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { z } from "zod";
import { ZApiError } from "../http/api-error-schema";
import { defineEndpoint } from "../http/endpoint-contract";

export const ZHealthy = z.strictObject({ status: z.literal("ok"), db: z.literal("ok") }).meta({ id: "Healthy" });
export const ZUnhealthy = z.strictObject({ status: z.literal("unavailable"), db: z.literal("unavailable") }).meta({ id: "Unhealthy" });

export const GET_HEALTH = defineEndpoint({
  method: "GET",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Whether the server and its database answer",
  description: "For load balancers and uptime checks: never cached, and answered within about 2.5 s whatever the database does.",
  tag: "Service",
  security: "public",
  sameForEveryone: true,
  responses: {
    200: { description: "The server and its database answer", schema: ZHealthy, headers: { "Cache-Control": "no-store" } },
    503: {
      description: "The database does not answer (a request with an access token, which cannot be checked then, gets the Error shape)",
      schema: z.union([ZUnhealthy, ZApiError]),
      headers: { "Cache-Control": "no-store", "Retry-After": "Seconds to wait before asking again" },
    },
  },
  errors: [400, 401],
});
