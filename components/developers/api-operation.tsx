import { Fragment } from "react";
import { TableScroll } from "@/components/layout/table-scroll";
import { DescriptionText, InlineText } from "./inline-text";
import { errorAnchor, isObject, type ApiOperation, type OpenApiLike } from "./openapi-model";
import { SchemaView, TypeLabel, schemaFacts } from "./schema-view";

/** How one security scheme of the document is named to a reader. */
export function schemeLabel(document: OpenApiLike, name: string): string {
  const scheme = document.components?.securitySchemes?.[name];
  if (isObject(scheme)) {
    if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") return "a Bearer access token";
    if (scheme.type === "apiKey" && scheme.in === "cookie") return "a session cookie";
    if (scheme.type === "apiKey") return `an API key in the ${String(scheme.in)} ${String(scheme.name)}`;
  }
  return name;
}

/** The operation's security requirements in words: who is let in, by which means. */
export function securityText(document: OpenApiLike, security: string[][] | null): string {
  if (security === null) return "as the introduction says";
  const anyone = security.some((entry) => entry.length === 0);
  const ways = security.filter((entry) => entry.length > 0).map((entry) => entry.map((name) => schemeLabel(document, name)).join(" with "));
  const list = ways.length > 1 ? `${ways.slice(0, -1).join(", ")} or ${ways[ways.length - 1]}` : (ways[0] ?? "");
  if (anyone) return ways.length ? `none needed (anyone may call it); ${list} is read when sent` : "none needed (anyone may call it)";
  if (ways.length === 1) return `${list} only`;
  return list;
}

/** One operation: method and path, what it does, who may call it, its parameters, body, answers and errors. */
export function ApiOperationView({ document, operation }: { document: OpenApiLike; operation: ApiOperation }) {
  const id = operation.operationId;
  const title = operation.summary ?? `${operation.method} ${operation.path}`;
  return (
    <section className="api-operation" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="api-endpoint">
        <span className={`api-method api-method-${operation.method.toLowerCase()}`}>{operation.method}</span> <code>{operation.path}</code>{" "}
        <a className="api-permalink" href={`#${id}`}>
          <span aria-hidden="true">#</span>
          <span className="visually-hidden">Link to {title}</span>
        </a>
      </p>
      {operation.description ? <DescriptionText text={operation.description} /> : null}
      <p>
        <strong>Authentication:</strong> {securityText(document, operation.security)}.
      </p>

      {operation.parameters.length ? (
        <>
          <h4>Parameters</h4>
          <TableScroll label={`Parameters of ${title}`}>
            <table className="data-table api-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Required</th>
                  <th scope="col">Type</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => {
                  const facts = schemaFacts(parameter.schema);
                  const description = parameter.description ?? (typeof parameter.schema.description === "string" ? parameter.schema.description : undefined);
                  return (
                    <tr key={`${parameter.in}:${parameter.name}`}>
                      <th scope="row">
                        <code>{parameter.name}</code>
                      </th>
                      <td>{parameter.in}</td>
                      <td>{parameter.required ? "yes" : "no"}</td>
                      <td>
                        <TypeLabel schema={parameter.schema} />
                        {facts.length ? (
                          <>
                            :{" "}
                            {facts.map((fact, index) => (
                              <Fragment key={index}>
                                {index ? "; " : null}
                                {fact}
                              </Fragment>
                            ))}
                          </>
                        ) : null}
                      </td>
                      <td>{description ? <InlineText text={description} /> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}

      {operation.body ? (
        <>
          <h4>Request body</h4>
          {operation.body.content.map((content) => (
            <div key={content.mediaType} className="api-content">
              <p>
                {operation.body!.required ? "Required, as" : "Optional, as"} <code>{content.mediaType}</code>
                {content.schema ? ":" : "."}
              </p>
              {content.schema ? <SchemaView schema={content.schema} /> : null}
            </div>
          ))}
        </>
      ) : null}

      {operation.responses.length ? (
        <>
          <h4>Responses</h4>
          <dl className="api-responses">
            {operation.responses.map((response) => (
              <Fragment key={response.status}>
                <dt>
                  <span className="api-status">{response.status}</span> <InlineText text={response.description} />
                </dt>
                <dd>
                  {response.headers.length ? (
                    <p>
                      Headers:{" "}
                      {response.headers.map((header, index) => (
                        <Fragment key={header.name}>
                          {index ? "; " : null}
                          <code>{header.name}</code>
                          {header.description ? (
                            <>
                              {" "}
                              (<InlineText text={header.description} />)
                            </>
                          ) : null}
                        </Fragment>
                      ))}
                    </p>
                  ) : null}
                  {response.content.length ? (
                    response.content.map((content) => (
                      <div key={content.mediaType} className="api-content">
                        <p>
                          As <code>{content.mediaType}</code>
                          {content.schema ? ":" : "."}
                        </p>
                        {content.schema ? <SchemaView schema={content.schema} /> : null}
                      </div>
                    ))
                  ) : (
                    <p className="muted">No body.</p>
                  )}
                </dd>
              </Fragment>
            ))}
          </dl>
        </>
      ) : null}

      {operation.errors.length ? (
        <>
          <h4>Errors</h4>
          <p>
            In the <a href="#errors">error shape</a>:{" "}
            {operation.errors.map((error, index) => (
              <Fragment key={error.status}>
                {index ? ", " : null}
                <a href={`#${errorAnchor(error.status)}`}>{error.status}</a>
              </Fragment>
            ))}
            .
          </p>
        </>
      ) : null}
    </section>
  );
}
