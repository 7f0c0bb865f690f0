/**
 * Reading an OpenAPI 3.1 document for the API reference (/developers/api): only what the reference shows, read
 * defensively, so a document that gains operations, tags or schemas renders without changes here.
 */

export type JsonSchema = Record<string, unknown>;

/** The parts of an OpenAPI document the reference reads; lib/openapi/openapi-document.ts's output is one. */
export type OpenApiLike = {
  openapi?: string;
  info?: { title?: string; version?: string; summary?: string };
  tags?: readonly { name: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    responses?: Record<string, unknown>;
    securitySchemes?: Record<string, unknown>;
  };
};

export type ApiParameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
export type ApiBody = { required: boolean; content: { mediaType: string; schema?: JsonSchema }[] };
export type ApiResponse = {
  status: string;
  description: string;
  headers: { name: string; description?: string }[];
  content: { mediaType: string; schema?: JsonSchema }[];
};
export type ApiOperation = {
  method: string;
  path: string;
  operationId: string;
  summary?: string;
  description?: string;
  tag: string;
  /** Each entry one way to be let in; `[]` for an entry that needs nothing (anyone). */
  security: string[][] | null;
  parameters: ApiParameter[];
  body: ApiBody | null;
  /** The answers with their own shape (2xx, 3xx, and any error answer described in place). */
  responses: ApiResponse[];
  /** The statuses answered with a shared response (components.responses), e.g. every 4xx and 5xx. */
  errors: { status: string; ref: string }[];
};
export type ApiSection = { tag: string; description?: string; operations: ApiOperation[] };

const METHODS = ["get", "head", "post", "put", "patch", "delete", "options", "trace"] as const;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length ? value : undefined;
}

/** The name of a schema a `$ref` points at in components.schemas, or null for any other reference. */
export function schemaRefName(ref: unknown): string | null {
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? decodeURIComponent(ref.slice("#/components/schemas/".length)) : null;
}

/** The element id of a named schema in the Schemas section. */
export function schemaAnchor(name: string): string {
  return `schema-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The element id of a tag's section. */
export function tagAnchor(tag: string): string {
  return `tag-${tag.replace(/[^A-Za-z0-9_-]/g, "-").toLowerCase()}`;
}

/** The element id of an error status in the introduction's table of errors. */
export function errorAnchor(status: string): string {
  return `error-${status}`;
}

/** The operation's stable anchor: its operationId, else one made of method and path. */
function operationAnchor(method: string, path: string, operation: Record<string, unknown>): string {
  return text(operation.operationId) ?? `${method}-${path}`.replace(/[^A-Za-z0-9_-]+/g, "-");
}

function contentOf(content: unknown): { mediaType: string; schema?: JsonSchema }[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, entry]) => ({ mediaType, schema: isObject(entry) && isObject(entry.schema) ? entry.schema : undefined }));
}

function parametersOf(value: unknown): ApiParameter[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((parameter) => ({
    name: String(parameter.name ?? ""),
    in: String(parameter.in ?? ""),
    required: parameter.required === true,
    description: text(parameter.description),
    schema: isObject(parameter.schema) ? parameter.schema : {},
  }));
}

function operationOf(method: string, path: string, operation: Record<string, unknown>, pathParameters: ApiParameter[]): ApiOperation {
  const own = parametersOf(operation.parameters);
  const parameters = [...pathParameters.filter((shared) => !own.some((p) => p.name === shared.name && p.in === shared.in)), ...own];
  const responses: ApiResponse[] = [];
  const errors: { status: string; ref: string }[] = [];
  for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
    if (!isObject(response)) continue;
    if (typeof response.$ref === "string") {
      errors.push({ status, ref: response.$ref });
      continue;
    }
    responses.push({
      status,
      description: text(response.description) ?? "",
      headers: Object.entries(isObject(response.headers) ? response.headers : {}).map(([name, header]) => ({ name, description: isObject(header) ? text(header.description) : undefined })),
      content: contentOf(response.content),
    });
  }
  const body = isObject(operation.requestBody) ? { required: operation.requestBody.required === true, content: contentOf(operation.requestBody.content) } : null;
  const security = Array.isArray(operation.security) ? operation.security.filter(isObject).map((entry) => Object.keys(entry)) : null;
  return {
    method: method.toUpperCase(),
    path,
    operationId: operationAnchor(method, path, operation),
    summary: text(operation.summary),
    description: text(operation.description),
    tag: Array.isArray(operation.tags) && typeof operation.tags[0] === "string" ? operation.tags[0] : "Other",
    security,
    parameters,
    body,
    responses,
    errors,
  };
}

/** The document's operations by tag: the tags in the document's order, then any tag it uses without declaring. */
export function apiSections(document: OpenApiLike): ApiSection[] {
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isObject(item)) continue;
    const shared = parametersOf(item.parameters);
    for (const method of METHODS) {
      const operation = item[method];
      if (isObject(operation)) operations.push(operationOf(method, path, operation, shared));
    }
  }
  const declared = (document.tags ?? []).map((tag) => tag.name);
  const names = [...declared, ...new Set(operations.map((operation) => operation.tag).filter((tag) => !declared.includes(tag)))];
  return names
    .map((tag) => ({
      tag,
      description: document.tags?.find((entry) => entry.name === tag)?.description,
      operations: operations.filter((operation) => operation.tag === tag),
    }))
    .filter((section) => section.operations.length > 0);
}

/** What a shared response (`#/components/responses/…`) says. */
export function sharedResponseDescription(document: OpenApiLike, ref: string): string | undefined {
  const prefix = "#/components/responses/";
  if (!ref.startsWith(prefix)) return undefined;
  const response = document.components?.responses?.[decodeURIComponent(ref.slice(prefix.length))];
  return isObject(response) ? text(response.description) : undefined;
}

/** Every status answered with a shared response anywhere in the document, in order, with what it says. */
export function sharedErrors(document: OpenApiLike, sections: ApiSection[]): { status: string; description: string }[] {
  const found = new Map<string, string>();
  for (const operation of sections.flatMap((section) => section.operations)) {
    for (const error of operation.errors) if (!found.has(error.status)) found.set(error.status, sharedResponseDescription(document, error.ref) ?? "");
  }
  return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([status, description]) => ({ status, description }));
}
