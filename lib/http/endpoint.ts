import type { z } from "zod";
import { ANONYMOUS, type Actor } from "../authz/actor";
import { currentActor, currentSessionActor } from "../auth/current-actor";
import { notFound } from "../errors/app-error";
import { apiRoute } from "./api-route";
import type { EndpointContract } from "./endpoint-contract";
import { jsonResponse } from "./json-response";
import { readJsonBody } from "./read-json-body";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type StatusOf<C extends EndpointContract> = keyof C["responses"] & number;

type BodyOf<R> = R extends { schema: infer S } ? (S extends z.ZodType ? z.input<S> : never) : never;

/**
 * What a handler answers: a status its contract declares (checked when it answers: an undeclared one is our bug,
 * a 500), the body that status's schema describes (checked by jsonResponse), and headers.
 */
export type EndpointReply<C extends EndpointContract> = {
  status: StatusOf<C> | (number & {});
  body?: BodyOf<C["responses"][StatusOf<C>]>;
  headers?: Record<string, string>;
};

export type EndpointInput<C extends EndpointContract> = {
  request: Request;
  actor: Actor;
  params: Out<C["params"]>;
  query: Out<C["query"]>;
  body: C["body"] extends { schema: infer S } ? Out<S> : undefined;
};

type NextContext = { params?: Promise<Record<string, string | string[]>> };

/**
 * Binds a contract to HTTP: same-origin and token rules, media type and errors as every route (lib/http/api-route.ts);
 * then the path parameters (404 when they cannot name anything), the query (400), the body (400/413/415) through the
 * contract's schemas, the actor (a session only for "session" routes), and the answer through its response schema.
 * A handler may return a Response itself for what zod does not describe (streams, CSV, 304).
 */
export function endpoint<const C extends EndpointContract>(contract: C, handler: (input: EndpointInput<C>) => Promise<EndpointReply<C> | Response>) {
  return apiRoute(async (request: Request, context: NextContext) => {
    // The actor first: a session-only route refuses a token (403) whatever its path says.
    const actor = contract.sameForEveryone ? ANONYMOUS : contract.security === "session" ? await currentSessionActor() : await currentActor();
    const rawParams = (await context?.params) ?? {};
    let params: unknown = undefined;
    if (contract.params) {
      const parsed = contract.params.safeParse(rawParams);
      if (!parsed.success) throw notFound();
      params = parsed.data;
    }
    const query = contract.query ? contract.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : undefined;
    let body: unknown = undefined;
    if (contract.body) {
      const mediaTypes = contract.body.mediaTypes ?? ["application/json"];
      const pattern = new RegExp(`^(${mediaTypes.map((type) => type.replace(/[+.]/g, "\\$&")).join("|")})(\\s*;|$)`, "i");
      body = await readJsonBody(request, contract.body.schema, contract.body.maxBytes, { pattern, names: mediaTypes.join(" or ") });
    }
    const reply = await handler({ request, actor, params, query, body } as EndpointInput<C>);
    if (reply instanceof Response) return reply;
    const declared = contract.responses[reply.status];
    if (!declared) throw new Error(`${contract.operationId}: status ${reply.status} is not in its contract`);
    if (!declared.schema) return new Response(null, { status: reply.status, headers: reply.headers });
    return jsonResponse(declared.schema, reply.body as never, { status: reply.status, headers: reply.headers });
  });
}
