import { z } from "zod";
import { SESSION_COOKIE } from "../auth/cookie-names";
import { ZApiError } from "../http/api-error-schema";
import { GFDL_URL } from "../documents/licence-url";
import { API_TAGS, type EndpointContract, type EndpointSecurity } from "../http/endpoint-contract";
import { ENDPOINTS } from "./endpoint-registry";

type JsonSchema = Record<string, unknown>;

const UNIVERSAL_ERRORS = [400, 401, 500, 503];
const WRITE_ERRORS = [403, 415];

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input: `fields` names each problem",
  401: "Not signed in, or the access token is malformed, expired or revoked (with `WWW-Authenticate: Bearer`)",
  403: "Signed in but not allowed (or a read-only token that writes, or a token on a session-only route)",
  404: "Not found, or not yours to know about",
  406: "None of the accepted media types can be served",
  409: "Conflicts with the current state",
  410: "Gone: it existed and was deleted",
  412: "The If-Match precondition failed: someone changed it first",
  413: "The body is too large",
  415: "Send the body as JSON",
  428: "This change needs an If-Match precondition",
  429: "Rate limited: see `Retry-After`",
  500: "Our bug: the answer is logged",
  503: "The database is not answering right now: see `Retry-After`",
};

/**
 * The named schemas (`.meta({ id })`) met while converting, hoisted into components.schemas. A schema whose input
 * and output differ (defaults, transforms) is named twice: `Name` as sent by the server, `NameInput` as a client sends it.
 */
class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): inputs as a client sends them, outputs as sent. */
  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: "any", reused: "inline" }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const defs = json.$defs ?? {};
    delete json.$schema;
    delete json.$defs;
    const names = new Map<string, string>(Object.keys(defs).map((id) => [id, id]));
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value && typeof value === "object") {
        return Object.fromEntries(
          Object.entries(value).map(([key, inner]) =>
            key === "$ref" && typeof inner === "string" && inner.startsWith("#/$defs/")
              ? [key, `#/components/schemas/${names.get(inner.slice(8)) ?? inner.slice(8)}`]
              : [key, rewrite(inner)],
          ),
        );
      }
      return value;
    };
    // Compared as stored (references rewritten): a schema that differs from the one of that name already kept is
    // the other side (input/output) of it and gets a suffixed name.
    for (const [id, definition] of Object.entries(defs)) {
      const existing = this.schemas[id];
      if (existing && !same(existing, rewrite(definition))) names.set(id, `${id}${io === "input" ? "Input" : "Output"}`);
    }
    for (const [id, definition] of Object.entries(defs)) this.schemas[names.get(id)!] = rewrite(definition) as JsonSchema;
    return rewrite(json) as JsonSchema;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function securityOf(security: EndpointSecurity) {
  if (security === "session") return [{ session: [] }];
  if (security === "token-or-session") return [{ session: [] }, { bearer: [] }];
  return [{}, { session: [] }, { bearer: [] }];
}

function parametersOf(contract: EndpointContract, components: SchemaComponents) {
  const parameters: Record<string, unknown>[] = [];
  for (const [where, schema] of [["path", contract.params], ["query", contract.query]] as const) {
    if (!schema) continue;
    const json = components.convert(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property as { description?: string };
      parameters.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return parameters;
}

function operationOf(contract: EndpointContract, components: SchemaComponents) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(contract.responses)) {
    const content = response.schema
      ? { [response.mediaType ?? "application/json"]: { schema: components.convert(response.schema, "output") } }
      : response.mediaType
        ? { [response.mediaType]: { schema: { type: "string" } } }
        : undefined;
    responses[status] = {
      description: response.description,
      ...(response.headers ? { headers: Object.fromEntries(Object.entries(response.headers).map(([name, text]) => [name, { description: text, schema: { type: "string" } }])) } : {}),
      ...(content ? { content } : {}),
    };
  }
  // What lib/http/api-route.ts answers for every route before its handler runs: 400 for a URL holding what text may
  // not, 401 for a bad token; for writes also 403 (foreign Origin, read token) and 415 (not JSON); and 500/503.
  const writes = !["GET", "HEAD", "OPTIONS"].includes(contract.method);
  for (const status of [...new Set([...contract.errors, ...UNIVERSAL_ERRORS, ...(writes ? WRITE_ERRORS : [])])].sort()) {
    // A status the contract answers with a body of its own (health's 503) keeps it.
    responses[String(status)] ??= { $ref: `#/components/responses/E${status}` };
  }
  const parameters = parametersOf(contract, components);
  return {
    operationId: contract.operationId,
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    tags: [contract.tag],
    security: securityOf(contract.security),
    ...(parameters.length ? { parameters } : {}),
    ...(contract.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries((contract.body.mediaTypes ?? ["application/json"]).map((type) => [type, { schema: components.convert(contract.body!.schema, "input") }])),
          },
        }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 description of the JSON API, generated from the contracts the routes are bound to
 * (lib/openapi/endpoint-registry.ts) and their zod schemas (zod 4's own JSON Schema conversion).
 */
export function openApiDocument(origin: string) {
  const components = new SchemaComponents();
  components.convert(ZApiError, "output");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const contract of ENDPOINTS) {
    (paths[contract.path] ??= {})[contract.method.toLowerCase()] = operationOf(contract, components);
  }
  const errorStatuses = [...new Set([...ENDPOINTS.flatMap((contract) => contract.errors), ...UNIVERSAL_ERRORS, ...WRITE_ERRORS])].sort();
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "Marginalia API",
      version: "1",
      summary: "Notes on historical documents: read, write, discuss, moderate and teach.",
      description: [
        "The JSON API of Marginalia. Every answer is sent through the schema described here; every error has the one `Error` shape, whose `error` code is stable for scripts.",
        "",
        "**Authentication.** A browser session (the `__Host-marginalia.session` cookie; state-changing requests must then come from this site's Origin) or a personal access token made on /account (`Authorization: Bearer mgl_…`; a `read` token may not write). When an `Authorization` header is present, cookies are ignored.",
        "",
        "**Not described here:** next-auth's own routes under `/api/auth/*` (sign-in, sign-out, session, OIDC callbacks: see next-auth's documentation), and the W3C Web Annotation Protocol under `/annotations/{slug}/`, which follows its W3C Recommendation.",
      ].join("\n"),
      // The software carries no licence (package.json: UNLICENSED); what the API serves is the letter, under the GFDL.
      license: { name: "The letter's text: GNU Free Documentation License 1.3; the notes: their writers'", url: GFDL_URL },
    },
    servers: [{ url: origin }],
    tags: Object.entries(API_TAGS)
      .filter(([name]) => ENDPOINTS.some((contract) => contract.tag === name))
      .map(([name, description]) => ({ name, description })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "A browser session made by signing in" },
        bearer: { type: "http", scheme: "bearer", description: "A personal access token (made on /account)" },
      },
      schemas: Object.fromEntries(Object.entries(components.schemas).sort(([a], [b]) => a.localeCompare(b))),
      responses: Object.fromEntries(
        errorStatuses.map((status) => [
          `E${status}`,
          { description: STATUS_TEXT[status] ?? `Error ${status}`, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ]),
      ),
    },
  };
}
