import { APP_ERROR_STATUS } from "@/lib/errors/app-error";

/**
 * The HTTP status of each `error` code: the domain's (lib/errors/app-error.ts) and the two the server gives itself
 * (lib/http/error-response.ts: `unavailable` 503 when the database cannot serve, `internal` 500).
 */
export const ERROR_CODE_STATUS: Readonly<Record<string, number>> = { ...APP_ERROR_STATUS, unavailable: 503, internal: 500 };
