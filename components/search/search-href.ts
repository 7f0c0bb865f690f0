/** The search page's URL with some parameters changed (undefined removes one); paging always restarts. */
export function searchHref(slug: string, current: Record<string, string>, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  const next: Record<string, string | undefined> = { ...current, cursor: undefined, ...changes };
  for (const [name, value] of Object.entries(next)) {
    if (value !== undefined && value !== "") params.set(name, value);
  }
  return `/letters/${encodeURIComponent(slug)}/search?${params.toString()}`;
}
