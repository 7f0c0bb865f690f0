import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ApiReference } from "@/components/developers/api-reference";
import { ERROR_CODE_STATUS } from "@/components/developers/error-code-status";
import { apiSections, type JsonSchema, type OpenApiLike } from "@/components/developers/openapi-model";
import { SchemaView } from "@/components/developers/schema-view";
import { SiteFooter } from "@/components/layout/site-footer";
import { openApiDocument } from "@/lib/openapi/openapi-document";

const document = openApiDocument("https://marginalia.example") as OpenApiLike;
const html = renderToStaticMarkup(createElement(ApiReference, { document, errorCodeStatus: ERROR_CODE_STATUS, tokenPrefix: "mgl_pat_" }));

const METHODS = ["get", "head", "post", "put", "patch", "delete", "options", "trace"];
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => ({ path, method, operationId: (operation as { operationId: string }).operationId })),
);

const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
const fragmentLinks = [...html.matchAll(/\shref="#([^"]*)"/g)].map((match) => match[1]);

/** Every `$ref` to a named schema anywhere under a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === "$ref" && typeof inner === "string" && inner.startsWith("#/components/schemas/") ? [inner.slice("#/components/schemas/".length)] : refsIn(inner),
    );
  }
  return [];
}

const unescape = (text: string) => text.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

describe("the API reference (/developers/api) rendered from the real OpenAPI document", () => {
  it("gives every operation an element whose id is its operationId", () => {
    expect(operations.length).toBeGreaterThan(0);
    const missing = operations.filter((operation) => !ids.includes(operation.operationId));
    expect(missing).toEqual([]);
    for (const { operationId } of operations) expect(html).toContain(`<section class="api-operation" id="${operationId}"`);
  });

  it("shows every path with each of its methods", () => {
    const text = unescape(html);
    for (const { path, method } of operations) {
      expect(text).toContain(`<code>${path}</code>`);
      expect(text).toContain(`>${method.toUpperCase()}</span> <code>${path}</code>`);
    }
  });

  it("lists every operation in the contents, under its tag", () => {
    const contents = html.slice(html.indexOf('<nav aria-labelledby="api-contents"'), html.indexOf("</nav>"));
    for (const { operationId } of operations) expect(contents).toContain(`href="#${operationId}"`);
    for (const section of apiSections(document)) expect(contents).toContain(`>${section.tag}</a>`);
  });

  it("renders a $ref'd schema by name, linked to its entry in the Schemas section", () => {
    const referenced = [...new Set(refsIn(document.paths))];
    expect(referenced.length).toBeGreaterThan(0);
    const schemasSection = html.slice(html.indexOf('<h2 id="schemas">'));
    expect(schemasSection.length).toBeLessThan(html.length);
    for (const name of referenced) {
      expect(html).toContain(`href="#schema-${name}"`);
      expect(schemasSection).toContain(`id="schema-${name}"`);
      expect(schemasSection).toContain(`<code>${name}</code></h3>`);
    }
    // Every named schema of the document has its entry, the error shape included.
    for (const name of Object.keys(document.components?.schemas ?? {})) expect(schemasSection).toContain(`id="schema-${name}"`);
  });

  it("has no duplicate ids and no link to an anchor that is not on the page", () => {
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect([...new Set(fragmentLinks.filter((target) => !ids.includes(target)))]).toEqual([]);
  });

  it("keeps one h1 and never skips a heading level", () => {
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    for (let index = 1; index < levels.length; index++) expect(levels[index]).toBeLessThanOrEqual(levels[index - 1] + 1);
  });

  it("puts every table in a named, focusable scroll region, with column headers", () => {
    const tables = html.match(/<table[\s>]/g) ?? [];
    const scrolled = html.match(/<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+"><table/g) ?? [];
    expect(tables.length).toBeGreaterThan(0);
    expect(scrolled).toHaveLength(tables.length);
    expect(html.match(/<thead>/g)).toHaveLength(tables.length);
  });

  it("explains authentication, the error shape with its codes, and where the raw document and the rest are", () => {
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain("__Host-marginalia.session");
    expect(html).toContain("Authorization: Bearer mgl_pat_…");
    expect(html).toContain('href="/account"');
    expect(html).toContain("/api/auth/");
    expect(html).toContain("/annotations/{slug}/");
    for (const [code, status] of Object.entries(ERROR_CODE_STATUS)) {
      expect(html).toContain(`<code>${code}</code>`);
      expect(html).toMatch(new RegExp(`<tr id="error-${status}"><th scope="row">${status}</th><td>[^]*?<code>${code}</code>`));
    }
  });

  it("needs no client code: no script and no inline event handler", () => {
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  });
});

describe("the schema renderer", () => {
  const render = (schema: JsonSchema) => renderToStaticMarkup(createElement(SchemaView, { schema }));
  /** The text of each property's line (its item), tags removed, nested items given apart. */
  const lines = (markup: string) =>
    markup
      .split(/<li>|<\/li>|<ul[^>]*>|<\/ul>|<p class="api-variant">/)
      .map((part) => unescape(part.replace(/<[^>]+>/g, "")).trim())
      .filter(Boolean);

  it("shows an object's properties with type, required or optional, allowed values and description, nested", () => {
    const markup = render({
      type: "object",
      required: ["kind", "items"],
      properties: {
        kind: { type: "string", enum: ["note", "reply"], description: "What it is" },
        items: {
          type: "array",
          maxItems: 100,
          items: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" }, author: { $ref: "#/components/schemas/Author" } } },
        },
        lockedAt: { anyOf: [{ type: "string", format: "date-time" }, { type: "null" }] },
        limit: { type: "integer", minimum: 1, maximum: 50, default: 20 },
      },
    });
    expect(lines(markup)).toEqual([
      "object",
      "kind string required: one of note, replyWhat it is",
      "items array of object required: at most 100 items",
      "id string (uuid) required",
      "author Author optional",
      "lockedAt string (date-time) or null optional",
      "limit integer optional: 1–50; default 20",
    ]);
    expect(markup).toContain('<p class="api-prop-description">What it is</p>');
    // A named schema is a link to its entry, never expanded in place.
    expect(markup).toContain('<a href="#schema-Author"><code>Author</code></a>');
  });

  it("names a map's values and each variant of a union of objects", () => {
    expect(lines(render({ type: "object", additionalProperties: { type: "array", items: { type: "string" } } }))).toEqual(["map of array of string"]);
    const union = render({ oneOf: [{ type: "object", properties: { a: { type: "string" } } }, { type: "object", properties: { b: { type: "number", description: "**Bold** and `code`" } } }] });
    expect(lines(union)).toEqual(["object or object", "Variant 1:", "a string optional", "Variant 2:", "b number optionalBold and code"]);
    expect(union).toContain("<strong>Bold</strong> and <code>code</code>");
  });
});

describe("the site footer", () => {
  it("links the API reference", () => {
    expect(renderToStaticMarkup(createElement(SiteFooter))).toContain('href="/developers/api"');
  });
});
