import { GFDL_URL } from "@/lib/documents/licence-url";
import type { ReadingEdition } from "@/lib/documents/reading-edition";

/** The source's metadata, as printed there, and the licence under which the text is shared. */
export function Colophon({ edition, reader }: { edition: ReadingEdition; reader: { signedIn: boolean; groups: { id: string; name: string }[] } }) {
  const exportUrl = (group?: string) => `/api/documents/${edition.slug}/annotations.jsonld${group ? `?group=${group}` : ""}`;
  const rows: [string, string | null][] = [
    ["Written", edition.writtenText],
    ["Translated", edition.translation],
    ["First published", edition.firstPublication],
    ["Transcription and markup", edition.transcriptionCredit],
    ["Source last updated", edition.lastUpdatedText],
  ];
  return (
    <footer id="colophon" className="colophon" aria-labelledby="colophon-title" tabIndex={-1}>
      <h2 id="colophon-title" className="section-title">
        About this text
      </h2>
      <dl className="colophon-list">
        {rows
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        {edition.sourceUrl ? (
          <div>
            <dt>Source</dt>
            <dd>
              <a href={edition.sourceUrl}>{edition.sourceUrl}</a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Corrections</dt>
          <dd>
            <a href={`/letters/${edition.slug}/corrections`}>Text history</a>: every correction of this edition’s text
          </dd>
        </div>
        <div>
          <dt>Annotations as data</dt>
          <dd>
            <a href={`/annotations/${edition.slug}/`} type="application/ld+json">
              W3C Web Annotation container
            </a>{" "}
            (the public notes, for annotation tools and scripts) ·{" "}
            <a href={`/letters/${edition.slug}/tei.xml`} type="application/tei+xml" download>
              TEI P5
            </a>{" "}
            (the edition with its public notes) ·{" "}
            <a href={`/letters/${edition.slug}/notes.csv`} type="text/csv" download>
              CSV
            </a>{" "}
            (the public notes, for spreadsheets)
            {reader.signedIn ? (
              <>
                {" "}
                · <a href={exportUrl()} download>Download my notes</a> (W3C JSON-LD, private ones included) ·{" "}
                <a href={`/letters/${edition.slug}/import`}>Import annotations</a> (from Hypothesis, Recogito Studio or a W3C file)
                {reader.groups.map((group) => (
                  <span key={group.id}>
                    {" "}
                    · <a href={exportUrl(group.id)} download>
                      Download the notes of {group.name}
                    </a>
                  </span>
                ))}
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      <div className="licence">
        <h3 className="licence-title">Copyleft</h3>
        <p>{edition.licenceText}.</p>
        <p>
          This edition reproduces the transcription to the character, misprints included, except where an editor
          has recorded a correction: each one is listed, with its reason, in the text history above. Paragraph numbers,
          anchors and layout are Marginalia’s. Full licence text:{" "}
          <a href={GFDL_URL} rel="license">
            GNU Free Documentation License
          </a>
          .
        </p>
      </div>
    </footer>
  );
}
