import { ZodError } from "zod";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "../db/database-unavailable";
import { AppError } from "../errors/app-error";
import { log } from "../log";
import { ZApiError, type ApiError } from "./api-error-schema";

/** Every error answer goes through the one error schema; one that does not fit would be our bug, so it is logged. */
function errorJson(body: ApiError, init: ResponseInit): Response {
  const checked = ZApiError.safeParse(body);
  if (!checked.success) {
    log.error("request.error-shape", { issues: checked.error.issues.map((issue) => issue.path.join(".")) });
    return Response.json({ error: "internal", message: "Something went wrong on our side" }, { status: 500 });
  }
  return Response.json(checked.data, init);
}

export function fieldErrors(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** PostgreSQL's "character not in repertoire" (NUL in text) and "untranslatable character", however wrapped. */
function isRefusedText(error: unknown): boolean {
  for (let current = error as { code?: unknown; cause?: unknown; meta?: { code?: unknown } } | undefined, depth = 0; current && depth < 5; depth += 1) {
    const code = current.code ?? current.meta?.code;
    if (code === "22021" || code === "22P05") return true;
    if (typeof (current as { message?: unknown }).message === "string" && /\b(22021|22P05)\b|invalid byte sequence for encoding/.test((current as { message: string }).message)) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/**
 * The one place errors become HTTP: deliberate errors keep their status, bad input is 400, a database that cannot
 * serve now (refused, unreachable, pool exhausted past its wait) is 503 with Retry-After, the rest is 500.
 */
export function errorResponse(error: unknown, context: Record<string, unknown> = {}): Response {
  if (error instanceof ZodError) {
    return errorJson({ error: "bad_request", message: "Invalid input", fields: fieldErrors(error) }, { status: 400 });
  }
  if (error instanceof AppError) {
    if (error.code === "forbidden" || error.code === "unauthenticated") log.info("authz.denied", { ...context, code: error.code });
    const headers = { ...error.details.headers, ...(error.details.retryAfterSeconds ? { "Retry-After": String(error.details.retryAfterSeconds) } : {}) };
    return errorJson(
      { ...error.details.body, error: error.code, message: error.message, ...(error.details.fields ? { fields: error.details.fields } : {}) },
      { status: error.status, headers },
    );
  }
  if ((error as { code?: string }).code === "P2002") {
    // A unique index settled a race the domain did not foresee: a conflict, never a 500.
    log.warn("request.conflict", { ...context, error });
    return errorJson({ error: "conflict", message: "This conflicts with a change made at the same time" }, { status: 409 });
  }
  if (isRefusedText(error)) {
    // Defence in depth: text PostgreSQL cannot store (NUL, bad encoding) that slipped past lib/http/text-input.ts.
    log.warn("request.refused-text", { ...context, error });
    return errorJson({ error: "bad_request", message: "The input holds characters that text may not hold" }, { status: 400 });
  }
  if (isDatabaseUnavailable(error)) {
    log.warn("request.database-unavailable", { ...context, error });
    return errorJson(
      { error: "unavailable", message: "The database is not answering right now; try again in a few seconds" },
      { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
  log.error("request.failed", { ...context, error });
  return errorJson({ error: "internal", message: "Something went wrong on our side" }, { status: 500 });
}
