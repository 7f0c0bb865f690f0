import { splitAtCodePoint } from "@/lib/documents/code-points";
import type { ReadingParagraph } from "@/lib/documents/reading-edition";

/** The paragraph's text with its footnote marks put back where the source had them, as superscript links. */
export function ParagraphText({ paragraph }: { paragraph: ReadingParagraph }) {
  if (!paragraph.marks.length) return <>{paragraph.text}</>;
  const pieces: React.ReactNode[] = [];
  let rest = paragraph.text;
  let consumed = 0;
  for (const mark of [...paragraph.marks].sort((a, b) => a.markOffset - b.markOffset)) {
    const [before, after] = splitAtCodePoint(rest, mark.markOffset - consumed);
    pieces.push(before);
    pieces.push(
      <sup key={mark.label} className="footnote-mark">
        <a id={`fnref${mark.label}`} href={`#${mark.footnoteAnchorId}`} aria-label={`Footnote ${mark.label}`}>
          {mark.label}
        </a>
      </sup>,
    );
    consumed = mark.markOffset;
    rest = after;
  }
  pieces.push(rest);
  return <>{pieces}</>;
}
