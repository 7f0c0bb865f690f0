import { Fragment, type ReactNode } from "react";
import { InlineText } from "./inline-text";
import { isObject, schemaAnchor, schemaRefName, type JsonSchema } from "./openapi-model";

/** Deeper than this, a schema is summarised by its type only (the document's schemas nest far less). */
const MAX_DEPTH = 6;

function variantsOf(schema: JsonSchema): JsonSchema[] | null {
  for (const key of ["anyOf", "oneOf"] as const) {
    const value = schema[key];
    if (Array.isArray(value)) return value.filter(isObject);
  }
  return null;
}

function isNull(schema: JsonSchema): boolean {
  return schema.type === "null" || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null);
}

function hasProperties(schema: JsonSchema): boolean {
  return isObject(schema.properties) && Object.keys(schema.properties).length > 0;
}

function literal(value: unknown): string {
  // An empty string would read as nothing at all.
  return typeof value === "string" && value !== "" ? value : JSON.stringify(value);
}

/** A schema's type in a few words: `string (uuid)`, `array of Membership`, `string or null`, `map of array of string`. */
export function TypeLabel({ schema }: { schema: JsonSchema }): ReactNode {
  const ref = schemaRefName(schema.$ref);
  if (ref) {
    return (
      <a href={`#${schemaAnchor(ref)}`}>
        <code>{ref}</code>
      </a>
    );
  }
  const variants = variantsOf(schema);
  if (variants) return joined(variants.map((variant, index) => <TypeLabel key={index} schema={variant} />), " or ");
  if (Array.isArray(schema.allOf)) return joined(schema.allOf.filter(isObject).map((part, index) => <TypeLabel key={index} schema={part} />), " and ");
  if ("const" in schema) return <code>{literal(schema.const)}</code>;
  const types = Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === "string" ? [schema.type] : [];
  if (!types.length) return hasProperties(schema) ? "object" : Array.isArray(schema.enum) ? "one of the values" : "any value";
  return joined(types.map((type) => <Fragment key={type}>{typeWord(type, schema)}</Fragment>), " or ");
}

function typeWord(type: string, schema: JsonSchema): ReactNode {
  if (type === "array") {
    return isObject(schema.items) ? (
      <>
        array of <TypeLabel schema={schema.items} />
      </>
    ) : (
      "array"
    );
  }
  if (type === "object" && !hasProperties(schema) && isObject(schema.additionalProperties)) {
    return (
      <>
        map of <TypeLabel schema={schema.additionalProperties} />
      </>
    );
  }
  if (type === "string" && typeof schema.format === "string") return `string (${schema.format})`;
  if (type === "string" && typeof schema.contentMediaType === "string") return `string (${schema.contentMediaType})`;
  return type;
}

function joined(parts: ReactNode[], separator: string): ReactNode {
  if (parts.length === 1) return parts[0];
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index ? separator : null}
      {part}
    </Fragment>
  ));
}

/** The constraints worth a reader's attention: allowed values, lengths, bounds, the default. */
export function schemaFacts(schema: JsonSchema): ReactNode[] {
  const facts: ReactNode[] = [];
  const variants = variantsOf(schema);
  if (variants) for (const variant of variants) if (!isNull(variant) && !variant.$ref) facts.push(...schemaFacts(variant));
  if (Array.isArray(schema.enum)) {
    facts.push(
      <span key="enum">
        one of{" "}
        {schema.enum.map((value, index) => (
          <Fragment key={index}>
            {index ? ", " : null}
            <code>{literal(value)}</code>
          </Fragment>
        ))}
      </span>,
    );
  }
  const range = (min: unknown, max: unknown, unit: string, key: string) => {
    // zod states integers' bounds as ±MAX_SAFE_INTEGER: no bound a reader needs to see.
    const bound = (value: unknown) => (typeof value === "number" && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : null);
    const low = bound(min);
    const high = bound(max);
    if (low === null && high === null) return;
    const text = low !== null && high !== null ? (low === high ? `exactly ${low}` : `${low}–${high}`) : low !== null ? `at least ${low}` : `at most ${high}`;
    facts.push(<span key={key}>{`${text}${unit}`}</span>);
  };
  range(schema.minLength, schema.maxLength, " characters", "length");
  range(schema.minItems, schema.maxItems, " items", "items");
  range(schema.minimum ?? schema.exclusiveMinimum, schema.maximum ?? schema.exclusiveMaximum, "", "bounds");
  if (typeof schema.pattern === "string" && typeof schema.format !== "string") {
    facts.push(
      <span key="pattern">
        matching <code>{schema.pattern}</code>
      </span>,
    );
  }
  if ("default" in schema) {
    facts.push(
      <span key="default">
        default <code>{literal(schema.default)}</code>
      </span>,
    );
  }
  if (schema.type === "array" && isObject(schema.items) && !schema.items.$ref) {
    const inner = schemaFacts(schema.items);
    if (inner.length) facts.push(<span key="each">each {joined(inner, "; ")}</span>);
  }
  return facts;
}

/** The object a schema's reader needs spelled out: its own properties, its items', a map's values' or each variant's. */
function expansions(schema: JsonSchema): { label?: string; schema: JsonSchema }[] {
  if (schema.$ref) return [];
  if (hasProperties(schema)) return [{ schema }];
  if (isObject(schema.items)) return expansions(schema.items);
  if (isObject(schema.additionalProperties)) return expansions(schema.additionalProperties);
  const variants = variantsOf(schema);
  if (variants) {
    const expanded = variants.filter((variant) => !variant.$ref && hasProperties(variant));
    return expanded.length === 1 ? [{ schema: expanded[0] }] : expanded.map((variant, index) => ({ label: `Variant ${index + 1}`, schema: variant }));
  }
  return [];
}

function PropertyList({ schema, depth }: { schema: JsonSchema; depth: number }) {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  return (
    <ul className="api-props">
      {Object.entries(properties).map(([name, property]) => {
        const inner = isObject(property) ? property : {};
        const facts = schemaFacts(inner);
        return (
          <li key={name}>
            <code className="api-prop-name">{name}</code> <span className="api-prop-type">
              <TypeLabel schema={inner} />
            </span>{" "}
            {required.includes(name) ? <span className="api-required">required</span> : <span className="api-optional">optional</span>}
            {facts.length ? <span className="api-facts">: {joined(facts, "; ")}</span> : null}
            {typeof inner.description === "string" ? (
              <p className="api-prop-description">
                <InlineText text={inner.description} />
              </p>
            ) : null}
            <Expansions schema={inner} depth={depth + 1} />
          </li>
        );
      })}
    </ul>
  );
}

function Expansions({ schema, depth }: { schema: JsonSchema; depth: number }) {
  const parts = expansions(schema);
  if (!parts.length) return null;
  if (depth > MAX_DEPTH) return <p className="muted">(nested further)</p>;
  return (
    <>
      {parts.map((part, index) => (
        <div key={index} className="api-nested">
          {part.label ? <p className="api-variant">{part.label}:</p> : null}
          <PropertyList schema={part.schema} depth={depth} />
        </div>
      ))}
    </>
  );
}

/** A JSON Schema, readably: its type (a named schema as a link to it), its constraints, and its properties nested. */
export function SchemaView({ schema, showDescription = true }: { schema: JsonSchema; showDescription?: boolean }) {
  const facts = schemaFacts(schema);
  return (
    <div className="api-schema">
      <p className="api-type">
        <TypeLabel schema={schema} />
        {facts.length ? <span className="api-facts">: {joined(facts, "; ")}</span> : null}
      </p>
      {showDescription && typeof schema.description === "string" ? (
        <p>
          <InlineText text={schema.description} />
        </p>
      ) : null}
      <Expansions schema={schema} depth={0} />
    </div>
  );
}
