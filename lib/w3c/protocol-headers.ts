/**
 * The request headers the W3C Web Annotation Protocol reads, parsed strictly and without throwing: a header we
 * cannot read is treated as absent (Prefer, Accept) or refused by the caller (If-Match).
 */

export const LDP_PREFER_MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
export const OA_PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
export const OA_PREFER_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

export type ContainerPreference = { minimal: boolean; iris: boolean };

/**
 * `Prefer: return=representation; include="…"` (RFC 7240, LDP §7.2): which IRIs it includes. Several preferences
 * may come in one header or several, comma separated; only `return=representation` carries ours.
 */
export function parsePrefer(header: string | null): ContainerPreference {
  const preference = { minimal: false, iris: false };
  if (!header) return preference;
  for (const part of header.split(/,(?=\s*return\s*=)/i)) {
    if (!/^\s*return\s*=\s*"?representation"?/i.test(part)) continue;
    const include = /;\s*include\s*=\s*"([^"]*)"/i.exec(part)?.[1] ?? /;\s*include\s*=\s*([^\s;,]+)/i.exec(part)?.[1] ?? "";
    const iris = include.split(/\s+/).filter(Boolean);
    if (iris.includes(LDP_PREFER_MINIMAL)) preference.minimal = true;
    if (iris.includes(OA_PREFER_IRIS)) preference.iris = true;
    // PreferContainedDescriptions is the default; naming both IRIs and descriptions means descriptions.
    if (iris.includes(OA_PREFER_DESCRIPTIONS)) preference.iris = false;
  }
  return preference;
}

/** `If-Match`: "*", or the entity tags it lists (weak ones cannot match for a write, RFC 9110 §13.1.1). */
export type IfMatch = { kind: "absent" } | { kind: "any" } | { kind: "tags"; tags: string[] } | { kind: "malformed" };

export function parseIfMatch(header: string | null): IfMatch {
  if (header === null) return { kind: "absent" };
  const value = header.trim();
  if (value === "*") return { kind: "any" };
  const tags: string[] = [];
  for (const item of value.split(",")) {
    const match = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/.exec(item.trim());
    if (!match) return { kind: "malformed" };
    if (!match[1]) tags.push(match[2]!);
  }
  return { kind: "tags", tags };
}

export type MediaType = "ld+json" | "json";

/**
 * What to answer given `Accept`: JSON-LD unless the client asks for plain JSON over it; null when it accepts
 * neither (406). No header, or `*\/*`, means JSON-LD (the protocol's default).
 */
export function negotiateMediaType(accept: string | null): MediaType | null {
  if (!accept || !accept.trim()) return "ld+json";
  let best: { type: MediaType; q: number } | null = null;
  for (const range of accept.split(",")) {
    const [type, ...parameters] = range.trim().toLowerCase().split(";");
    const qParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParameter ? Number(qParameter.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const candidate: MediaType | null =
      type === "application/ld+json" || type === "*/*" || type === "application/*" ? "ld+json" : type === "application/json" ? "json" : null;
    if (!candidate) continue;
    // Equal weights: JSON-LD wins (it is the protocol's format and is JSON too).
    if (!best || q > best.q || (q === best.q && candidate === "ld+json")) best = { type: candidate, q };
  }
  return best?.type ?? null;
}

export const ANNO_PROFILE = "http://www.w3.org/ns/anno.jsonld";
export const LD_JSON_CONTENT_TYPE = `application/ld+json; profile="${ANNO_PROFILE}"`;

export function contentTypeFor(type: MediaType): string {
  return type === "json" ? "application/json; charset=utf-8" : LD_JSON_CONTENT_TYPE;
}

/** A request body the protocol accepts: JSON-LD (with or without the profile) or JSON. */
export function isAnnotationBodyType(contentType: string | null): boolean {
  return /^application\/(ld\+)?json\s*(;|$)/i.test(contentType ?? "");
}

/** Whether `If-None-Match` names this entity tag (weak comparison, RFC 9110 §13.1.2): the answer is then 304. */
export function ifNoneMatchHolds(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.trim() === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
