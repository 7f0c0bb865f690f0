import { log } from "../log";

/**
 * Characters XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return, lone surrogates, and
 * U+FFFE / U+FFFF. Every text input refuses them (lib/http/text-input.ts) and the corrections and imports go through
 * the same check, so stored text should never contain one; should one slip in, it is replaced (and logged), never
 * written into a document that would then not parse.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlChars(value: string): string {
  if (!NOT_XML.test(value)) return value;
  NOT_XML.lastIndex = 0;
  log.error("tei.character_replaced", { length: value.length });
  return value.replace(NOT_XML, "\uFFFD");
}

/** Text content: &, < and > escaped (">" too, so that "]]>" never appears). */
export function xmlText(value: string): string {
  return xmlChars(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value in double quotes; line breaks and tabs kept as character references (attribute normalisation). */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/** An element with attributes (undefined and null ones left out) and already-escaped content. */
export function element(name: string, attributes: Record<string, string | number | null | undefined>, content?: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => ` ${key}="${xmlAttr(String(value))}"`)
    .join("");
  return content === undefined || content === "" ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** An element holding text. */
export const textElement = (name: string, attributes: Record<string, string | number | null | undefined>, text: string) => element(name, attributes, xmlText(text));
