/**
 * The small page for an address no page can hold (NUL, bad percent-encoding, bytes that are not UTF-8): sent by
 * scripts/serve.ts before Next (paths Next cannot decode) and by proxy.ts (query strings), without the app's layout.
 */
export function refusedPageHtml(status: 400 | 404, fields: Record<string, string[]> = {}): string {
  const names = Object.keys(fields).map((name) => name.replace(/[^\w.() -]/g, "?"));
  const title = status === 404 ? "Not found" : "Bad request";
  const heading = status === 404 ? "Not found" : "This address is not valid";
  const text = status === 404 ? "There is no page at this address." : `Part of the address cannot be read as text${names.length ? ` (${names.join(", ")})` : ""}.`;
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title} · Marginalia</title><main style="font-family:system-ui;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${heading}</h1><p>${text} <a href="/">Go to the start page</a>.</p></main></html>`;
}

/** Its headers: nothing in it runs; its one inline style is allowed. */
export const REFUSED_PAGE_HEADERS = { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" };
