import { unsafeTextReason } from "../http/text-input";
import { MARGINALIA_CONTEXT_PATH, W3C_CONTEXT } from "../w3c/annotation-iris";
import { LDP_CONTEXT } from "../w3c/container-representation";
import { asList } from "./import-fields";

/**
 * Which JSON-LD contexts an imported annotation may name. Nothing is ever fetched, so only contexts whose terms are
 * known here are understood: the W3C annotation context (under either scheme: it is one document, and tools write
 * both), Marginalia's (this instance's or another's, at `<origin>/ns/marginalia.jsonld`), and LDP's, which
 * annotation servers put on their collections and adds no annotation terms. Anything else could redefine what every
 * key means, so an annotation under it is refused rather than read as if it were the W3C vocabulary.
 */

const W3C_CONTEXTS: ReadonlySet<string> = new Set([W3C_CONTEXT, W3C_CONTEXT.replace(/^http:/, "https:")]);

/** `<origin>/ns/marginalia.jsonld`, the origin a plain http(s) origin (with a path, if the instance has one). */
const MARGINALIA_CONTEXT = new RegExp(
  `^(https?://[A-Za-z0-9.-]+(?::\\d{1,5})?(?:/[A-Za-z0-9._~%-]+)*?)${MARGINALIA_CONTEXT_PATH.replace(/\./g, "\\.")}$`,
);

/** The origin of the Marginalia instance whose context an @context names (its first such entry), or null. */
export function marginaliaOriginOf(context: unknown): string | null {
  for (const entry of asList(context)) {
    const match = typeof entry === "string" ? MARGINALIA_CONTEXT.exec(entry) : null;
    if (match) return match[1];
  }
  return null;
}

/** Why an annotation's (effective) @context cannot be read without fetching something, or null when it can. */
export function contextProblem(context: unknown): string | null {
  const entries = asList(context);
  if (entries.length === 0) return `No @context: a W3C annotation names ${W3C_CONTEXT}`;
  for (const entry of entries) {
    if (typeof entry !== "string") return "@context: an inline context is not applied here, so the annotation's terms cannot be trusted";
    if (!W3C_CONTEXTS.has(entry) && entry !== LDP_CONTEXT && !MARGINALIA_CONTEXT.test(entry)) {
      // The IRI is named only when it is text that can be shown (an inherited context has not been checked yet).
      const named = unsafeTextReason(entry) === null ? ` ${entry.slice(0, 200)}` : "";
      return `@context: remote context${named} is never fetched; only ${W3C_CONTEXT} is understood`;
    }
  }
  if (!entries.some((entry) => W3C_CONTEXTS.has(entry as string))) return `@context must include ${W3C_CONTEXT}`;
  return null;
}
