import { splitOwnLinks } from "./split-own-links";

/** Mail text as React text nodes (never parsed as HTML), with links to our own origin made clickable. */
export function LinkedText({ text, origin }: { text: string; origin: string }) {
  return (
    <>
      {splitOwnLinks(text, origin).map((part, index) => (part.href ? <a key={index} href={part.href}>{part.text}</a> : part.text))}
    </>
  );
}
