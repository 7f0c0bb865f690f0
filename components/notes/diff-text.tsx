import type { DiffPart } from "@/lib/annotations/word-diff";

/**
 * Differences between two texts, marked with <ins> and <del> (struck through and underlined in the stylesheet, and
 * named for screen readers, which mostly do not announce those elements): never by colour alone.
 */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  if (!parts.some((part) => part.kind !== "same")) return <p className="note-diff note-diff--none">No changes.</p>;
  return (
    <p className="note-diff">
      {parts.map((part, index) =>
        part.kind === "added" ? (
          <ins key={index}>
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={index}>
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
