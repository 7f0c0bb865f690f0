/**
 * The one normalisation step every text input goes through before any schema sees it: JSON bodies (readJsonBody),
 * query strings and path segments (apiRoute for the API, proxy.ts for pages).
 *
 * - Line breaks are normalised: CRLF and lone CR become LF.
 * - Refused, with the field named: NUL and the other C0 controls except tab and line feed (PostgreSQL refuses NUL in
 *   text, so it would otherwise surface as a 500), unpaired surrogates (not Unicode text; they cannot be stored as
 *   UTF-8) and the non-characters U+FFFE and U+FFFF.
 * - Bytes that are not UTF-8 are refused rather than silently replaced.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NON_CHARACTER = /[\uFFFE\uFFFF]/;

/** Why this text is refused, or null when it is acceptable (line breaks not yet normalised). */
export function unsafeTextReason(text: string): string | null {
  if (CONTROL.test(text.replace(/\r/g, ""))) return "Contains a control character (such as NUL) that text may not hold";
  if (LONE_SURROGATE.test(text)) return "Contains an unpaired surrogate: not valid Unicode text";
  if (NON_CHARACTER.test(text)) return "Contains U+FFFE or U+FFFF, which are not characters";
  return null;
}

const normaliseBreaks = (text: string) => (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);

export type TextProblems = Record<string, string[]>;

/** Deeper than any body of ours: refused before walking it (a recursive walk of a 10,000-deep body would overflow). */
const MAX_DEPTH = 32;

/**
 * A JSON value with its strings' line breaks normalised, and the fields (dotted paths, as zod names them) whose
 * text is refused. Object keys are checked too: a key is a field name a strict schema would otherwise echo back.
 */
export function normaliseJsonText(value: unknown): { value: unknown; problems: TextProblems } {
  const problems: TextProblems = {};
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (path.length > MAX_DEPTH) {
      (problems[path.slice(0, MAX_DEPTH).join(".")] ??= ["Nested too deeply"]);
      return null;
    }
    if (typeof node === "string") {
      const reason = unsafeTextReason(node);
      if (reason) (problems[path.length ? path.join(".") : "_"] ??= []).push(reason);
      return normaliseBreaks(node);
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (node && typeof node === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        const reason = unsafeTextReason(key);
        if (reason) (problems[[...path, "(key)"].join(".")] ??= []).push(reason);
        out[key] = walk(item, [...path, key]);
      }
      return out;
    }
    return node;
  };
  return { value: walk(value, []), problems };
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Bytes as text, or null when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    // Malformed percent-encoding, or percent-encoded bytes that are not UTF-8 (e.g. %ED%A0%80, an encoded surrogate).
    return null;
  }
}

export type UrlProblem = { status: 400 | 404; message: string; fields?: TextProblems };

/**
 * What is wrong with a request's URL, if anything: a path segment that cannot be decoded, or decodes to refused text,
 * names nothing (404); a query parameter that does is bad input (400, the parameter named).
 */
export function urlProblem(url: URL): UrlProblem | null {
  for (const segment of url.pathname.split("/")) {
    const decoded = decodeComponent(segment);
    if (decoded === null || unsafeTextReason(decoded)) return { status: 404, message: "Not found" };
  }
  const fields: TextProblems = {};
  for (const pair of url.search.replace(/^\?/, "").split("&")) {
    if (!pair) continue;
    const [rawKey = "", ...rest] = pair.split("=");
    const key = decodeComponent(rawKey.replace(/\+/g, " "));
    const value = decodeComponent(rest.join("=").replace(/\+/g, " "));
    const name = key ?? rawKey;
    if (key === null || value === null) (fields[name] ??= []).push("Malformed percent-encoding, or not UTF-8");
    else {
      const reason = unsafeTextReason(key) ?? unsafeTextReason(value);
      if (reason) (fields[unsafeTextReason(key) ? "(parameter name)" : name] ??= []).push(reason);
    }
  }
  return Object.keys(fields).length ? { status: 400, message: "Invalid input", fields } : null;
}
