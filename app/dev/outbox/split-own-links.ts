export type TextPart = { text: string; href?: string };

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

function ownHref(candidate: string, origin: string): string | undefined {
  try {
    const url = new URL(candidate);
    // Compared as parsed origins, so "http://localhost:3000.evil.example" is not ours; the link stays relative.
    return url.origin === new URL(origin).origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}

/** Splits mail text into plain runs and URLs; only URLs on our own origin get an href (as a same-site path). */
export function splitOwnLinks(text: string, origin: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: ownHref(url, origin) });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
