import { ZModerationLogQuery, type TModerationLogQuery } from "./log-view";
import { ZReviewQueueQuery, type TReviewQueueQuery } from "./review-queue-view";

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The review pages read their query strings leniently: a value that is not valid is left out (and named, so the
 * page can say so) instead of failing the page; the JSON API refuses the same values with 400.
 */
function lenient<T>(shape: Record<string, { safeParse: (value: unknown) => { success: boolean; data?: unknown } }>, keys: string[], params: Params, base: T) {
  const result = { ...base } as Record<string, unknown>;
  const ignored: string[] = [];
  for (const key of keys) {
    const value = first(params[key]);
    if (value === undefined || value === "") continue;
    const parsed = shape[key]!.safeParse(value);
    if (parsed.success && parsed.data !== undefined) result[key] = parsed.data;
    else ignored.push(key);
  }
  return { query: result as T, ignored };
}

export function parseQueuePageParams(params: Params): { query: TReviewQueueQuery; ignored: string[] } {
  return lenient(ZReviewQueueQuery.shape, ["sort", "reason", "group", "referenceType", "cursor"], params, ZReviewQueueQuery.parse({}));
}

export function parseLogPageParams(params: Params): { query: TModerationLogQuery; ignored: string[] } {
  const parsed = lenient(ZModerationLogQuery.shape, ["action", "actor", "from", "to", "cursor"], params, ZModerationLogQuery.parse({}));
  if (parsed.query.from && parsed.query.to && parsed.query.from > parsed.query.to) {
    parsed.query.to = undefined;
    parsed.ignored.push("to");
  }
  return parsed;
}

/** The same view with some fields changed, as a query string (defaults and empty values left out). */
export function reviewHref(path: string, query: Record<string, string | number | undefined>, changes: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value === undefined || value === "" || key === "limit" || (key === "format" && value === "json") || (key === "sort" && value === "oldest")) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
