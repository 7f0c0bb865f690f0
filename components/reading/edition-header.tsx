import type { ReadingEdition } from "@/lib/documents/reading-edition";
import { dayMonthYear } from "@/lib/citation/format-dates";

export function EditionHeader({ edition }: { edition: ReadingEdition }) {
  const written = [edition.place, edition.writtenOn ? dayMonthYear(edition.writtenOn) : null].filter(Boolean).join(", ");
  return (
    <header className="edition-header">
      <p className="edition-author">{edition.author}</p>
      <h1 id="edition-title" className="edition-title">
        {edition.title}
      </h1>
      {edition.dateLine ? <p className="edition-dateline">{edition.dateLine}</p> : null}
      {written ? (
        <p className="edition-written">
          {edition.writtenOn ? <time dateTime={edition.writtenOn}>{written}</time> : written}
        </p>
      ) : null}
      <p className="edition-jump">
        <a href="#colophon">About this text and its licence</a> · <a href={`/letters/${edition.slug}/search`}>Search notes</a>
      </p>
    </header>
  );
}
