/** The errors the domain raises on purpose. Entry points map each code to one HTTP status (lib/http/error-response.ts). */
export const APP_ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  not_acceptable: 406,
  precondition_required: 428,
  unsupported_media_type: 415,
  rate_limited: 429,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** `body`: more of the answer, e.g. the current state of what a stale write was refused on. */
    readonly details: {
      fields?: Record<string, string[]>;
      retryAfterSeconds?: number;
      body?: Record<string, unknown>;
      /** Response headers the answer needs, e.g. a 401's WWW-Authenticate challenge. */
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (why = "You may not do this") => new AppError("forbidden", why);
export const unauthenticated = () => new AppError("unauthenticated", "Sign in to do this");
export const badRequest = (message: string, fields?: Record<string, string[]>) =>
  new AppError("bad_request", message, { fields });
