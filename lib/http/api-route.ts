import { currentActor } from "../auth/current-actor";
import { assertTokenMayWrite } from "../tokens/token-actor";
import { serverEnv } from "../env";
import { AppError } from "../errors/app-error";
import { errorResponse } from "./error-response";
import { assertSameOrigin } from "./same-origin";
import { urlProblem } from "./text-input";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function appOrigin(): string | undefined {
  const env = serverEnv();
  return env.NEXTAUTH_URL ?? env.APP_URL;
}

/**
 * Wraps a route handler: state-changing methods must come from our own origin (or carry an access token); every
 * error becomes a response in one place (lib/http/error-response.ts), so bad input is a 4xx and never a 500.
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      // Path segments and query parameters go through the same text check as bodies.
      const problem = urlProblem(new URL(request.url));
      if (problem) throw new AppError(problem.status === 404 ? "not_found" : "bad_request", problem.message, { fields: problem.fields });
      const writes = !["GET", "HEAD", "OPTIONS"].includes(request.method);
      if (request.headers.has("authorization")) {
        // A token request: checked before anything else (a bad one is 401 on every route), and a read token may
        // not change anything. Cookies play no part in it, so it needs no Origin.
        const actor = await currentActor();
        if (writes) assertTokenMayWrite(actor);
      } else if (writes) {
        assertSameOrigin(request, appOrigin());
      }
      if (writes) {
        // Even endpoints without a body insist on JSON (or JSON-LD, for imports): an HTML form on another site
        // cannot send it. Each route's body reader then says which of the two it takes.
        if (!/^application\/(ld\+)?json(\s*;|$)/i.test(request.headers.get("content-type") ?? "")) {
          throw new AppError("unsupported_media_type", "Send the request as application/json");
        }
      }
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, { method: request.method, path: new URL(request.url).pathname });
    }
  };
}
