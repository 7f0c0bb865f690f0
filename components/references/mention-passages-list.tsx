import type { TMentionPassage } from "@/lib/references/mention-passages";

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The passages of the letter that mention an entry, each mention in its context and marked, linked to its paragraph. */
export function MentionPassagesList({ passages, letterSlug }: { passages: TMentionPassage[]; letterSlug: string }) {
  return (
    <ol className="mention-passages">
      {passages.map((passage) => (
        <li key={passage.anchor}>
          <p className="mention-passage-label">
            <a href={`/letters/${letterSlug}#${passage.anchor}`}>{capitalized(passage.label)}</a>
          </p>
          {passage.mentions.map((mention) => (
            <blockquote key={`${mention.start}-${mention.end}`} className="mention-snippet" cite={`/letters/${letterSlug}#${passage.anchor}`}>
              <p>
                {mention.snippet.isCutBefore ? "… " : null}
                {mention.snippet.before}
                <mark>{mention.snippet.mention}</mark>
                {mention.snippet.after}
                {mention.snippet.isCutAfter ? " …" : null}
              </p>
            </blockquote>
          ))}
        </li>
      ))}
    </ol>
  );
}
