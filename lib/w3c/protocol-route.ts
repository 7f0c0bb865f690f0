import { AppError } from "../errors/app-error";
import { errorResponse } from "../http/error-response";
import { urlProblem } from "../http/text-input";

/** CORS for the protocol (§7.1 of the protocol recommends it): any origin, never credentials. */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Allow, Vary, Link, Location, Content-Location, Accept-Post, WWW-Authenticate, Retry-After",
};

const PREFLIGHT_HEADERS = {
  "Access-Control-Allow-Headers": "Authorization, Content-Type, Prefer, If-Match, If-None-Match, Accept",
  "Access-Control-Max-Age": "600",
};

type Handler<C> = (request: Request, context: C) => Promise<Response>;

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * The protocol's routes: the same text checks and error mapping as the JSON API (lib/http/api-route.ts), CORS on
 * every answer including errors, and OPTIONS (a CORS preflight or a plain one) answered from the route's `allow`.
 */
export function protocolRoute<C>(allow: string, handler: Handler<C>, extraOptions: Record<string, string> = {}): Handler<C> {
  return async (request, context) => {
    try {
      const problem = urlProblem(new URL(request.url));
      if (problem) throw new AppError(problem.status === 404 ? "not_found" : "bad_request", problem.message, { fields: problem.fields });
      if (request.method === "OPTIONS") {
        return withCors(new Response(null, { status: 204, headers: { Allow: allow, "Access-Control-Allow-Methods": allow, ...PREFLIGHT_HEADERS, ...extraOptions } }));
      }
      return withCors(await handler(request, context));
    } catch (error) {
      const response = errorResponse(error, { method: request.method, path: new URL(request.url).pathname });
      if (request.method === "HEAD") return withCors(new Response(null, { status: response.status, headers: response.headers }));
      return withCors(response);
    }
  };
}
