import Link from "next/link";
import { TableScroll } from "@/components/layout/table-scroll";
import { ApiOperationView } from "./api-operation";
import { InlineText } from "./inline-text";
import { apiSections, errorAnchor, isObject, schemaAnchor, sharedErrors, tagAnchor, type OpenApiLike } from "./openapi-model";
import { SchemaView } from "./schema-view";

/** Where the raw document is served (app/api/openapi.json/route.ts). */
export const OPENAPI_DOCUMENT_PATH = "/api/openapi.json";

export type ApiReferenceProps = {
  document: OpenApiLike;
  /** The HTTP status of each `error` code the Error schema allows, for the table of errors. */
  errorCodeStatus?: Readonly<Record<string, number>>;
  /** The prefix every personal access token starts with, for the authentication section. */
  tokenPrefix?: string;
};

/** The error statuses with their codes and meanings: every code of the Error schema and every status an operation names. */
function errorRows(document: OpenApiLike, sections: ReturnType<typeof apiSections>, errorCodeStatus: Readonly<Record<string, number>>) {
  const rows = new Map<string, { codes: string[]; description: string }>();
  for (const { status, description } of sharedErrors(document, sections)) rows.set(status, { codes: [], description });
  const error = document.components?.schemas?.Error;
  const codeSchema = isObject(error) && isObject(error.properties) ? error.properties.error : undefined;
  const codes = isObject(codeSchema) && Array.isArray(codeSchema.enum) ? codeSchema.enum.map(String) : [];
  for (const code of codes) {
    const status = errorCodeStatus[code] === undefined ? "" : String(errorCodeStatus[code]);
    const row = rows.get(status) ?? { codes: [], description: "" };
    row.codes.push(code);
    rows.set(status, row);
  }
  return [...rows].sort(([a], [b]) => (a || "999").localeCompare(b || "999"));
}

/**
 * The readable API reference (/developers/api), rendered on the server from the OpenAPI document: an introduction,
 * the operations by tag (each at #operationId), and the named schemas they refer to. Needs no client code.
 */
export function ApiReference({ document, errorCodeStatus = {}, tokenPrefix = "" }: ApiReferenceProps) {
  const sections = apiSections(document);
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const session = document.components?.securitySchemes?.session;
  const cookieName = isObject(session) && typeof session.name === "string" ? session.name : null;
  const errorSchema = document.components?.schemas?.Error;
  const operationCount = sections.reduce((sum, section) => sum + section.operations.length, 0);
  return (
    <main id="main" className="page api-reference">
      <h1>API reference</h1>
      <p className="muted">
        {document.info?.title ?? "The API"}
        {document.info?.version ? `, version ${document.info.version}` : null}
        {document.openapi ? ` (OpenAPI ${document.openapi})` : null}: {operationCount} operations.
        {document.info?.summary ? ` ${document.info.summary}` : null}
      </p>
      <p>
        Marginalia’s JSON API lives under <code>/api/</code>. This page is generated from the same description the
        server checks its answers against, so what it says is what the API sends. The description itself, for
        OpenAPI tools and code generators, is at <a href={OPENAPI_DOCUMENT_PATH}>{OPENAPI_DOCUMENT_PATH}</a>.
      </p>

      <section aria-labelledby="authentication">
        <h2 id="authentication">Authentication</h2>
        <p>
          Each operation says which of these two it accepts. An operation open to anyone still reads a session or a
          token when one is sent, and answers as that reader.
        </p>
        <ul>
          <li>
            <strong>A browser session.</strong> Signing in sets the session cookie
            {cookieName ? (
              <>
                {" "}
                <code>{cookieName}</code>
              </>
            ) : null}
            . A request that changes something with it must come from this site (its <code>Origin</code> header, which
            browsers send) and send its body as <code>application/json</code>.
          </li>
          <li>
            <strong>A personal access token</strong>, made on <Link href="/account">your account page</Link> and sent as{" "}
            <code>Authorization: Bearer {tokenPrefix}…</code>. It acts as you, under the same rules and rate limits; it
            needs no <code>Origin</code>. A <code>read</code> token may only read. When an <code>Authorization</code>{" "}
            header is present, cookies are ignored, and a malformed, unknown, expired or revoked token is a 401 with{" "}
            <code>WWW-Authenticate: Bearer</code>. Operations marked “a session cookie only” refuse tokens.
          </li>
        </ul>
      </section>

      <section aria-labelledby="errors">
        <h2 id="errors">Errors</h2>
        <p>
          Every error answer has one shape
          {isObject(errorSchema) ? (
            <>
              , <a href={`#${schemaAnchor("Error")}`}>Error</a>
            </>
          ) : null}
          : a stable <code>error</code> code for scripts, a <code>message</code> for people, and for invalid input the{" "}
          <code>fields</code> that were wrong.
        </p>
        {isObject(errorSchema) ? <SchemaView schema={errorSchema} showDescription={false} /> : null}
        <TableScroll label="Error statuses and codes">
          <table className="data-table api-table">
            <caption className="visually-hidden">Error statuses, their error codes and what they mean</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">
                  <code>error</code>
                </th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {errorRows(document, sections, errorCodeStatus).map(([status, row]) => (
                <tr key={status || "other"} id={status ? errorAnchor(status) : undefined}>
                  <th scope="row">{status || "other"}</th>
                  <td>
                    {row.codes.map((code, index) => (
                      <span key={code}>
                        {index ? ", " : null}
                        <code>{code}</code>
                      </span>
                    ))}
                  </td>
                  <td>{row.description ? <InlineText text={row.description} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="elsewhere">
        <h2 id="elsewhere">Described elsewhere</h2>
        <ul>
          <li>
            next-auth’s own routes under <code>/api/auth/</code> (sign-in, sign-out, the session, OpenID Connect
            callbacks) are next-auth’s; see <a href="https://next-auth.js.org/getting-started/rest-api">its REST API</a>.
          </li>
          <li>
            The W3C Web Annotation Protocol under <code>/annotations/{"{slug}"}/</code> (the container of a document’s
            annotations, its pages, and each annotation) follows the{" "}
            <a href="https://www.w3.org/TR/annotation-protocol/">W3C Recommendation</a>, with Marginalia’s own terms
            defined at <a href="/ns/marginalia.jsonld">/ns/marginalia.jsonld</a>; the project’s README describes how
            notes map to annotations.
          </li>
        </ul>
      </section>

      <nav aria-labelledby="api-contents" className="api-contents">
        <h2 id="api-contents">Contents</h2>
        <ol>
          {sections.map((section) => (
            <li key={section.tag}>
              <a href={`#${tagAnchor(section.tag)}`}>{section.tag}</a>
              <ol>
                {section.operations.map((operation) => (
                  <li key={operation.operationId}>
                    <a href={`#${operation.operationId}`}>
                      <span className="api-method">{operation.method}</span> <code>{operation.path}</code>
                    </a>
                    {operation.summary ? <span className="muted"> — {operation.summary}</span> : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
          {schemas.length ? (
            <li>
              <a href="#schemas">Schemas</a>
            </li>
          ) : null}
        </ol>
      </nav>

      {sections.map((section) => (
        <section key={section.tag} className="api-tag" aria-labelledby={tagAnchor(section.tag)}>
          <h2 id={tagAnchor(section.tag)}>{section.tag}</h2>
          {section.description ? (
            <p>
              <InlineText text={section.description} />
            </p>
          ) : null}
          {section.operations.map((operation) => (
            <ApiOperationView key={operation.operationId} document={document} operation={operation} />
          ))}
        </section>
      ))}

      {schemas.length ? (
        <section aria-labelledby="schemas" className="api-schemas">
          <h2 id="schemas">Schemas</h2>
          <p>The named shapes the operations refer to.</p>
          {schemas.map(([name, schema]) => (
            <section key={name} id={schemaAnchor(name)} aria-labelledby={`${schemaAnchor(name)}-title`} className="api-schema-entry">
              <h3 id={`${schemaAnchor(name)}-title`}>
                <code>{name}</code>
              </h3>
              <SchemaView schema={schema} />
            </section>
          ))}
        </section>
      ) : null}
    </main>
  );
}
