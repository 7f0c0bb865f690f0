import type { AssignmentView } from "@/lib/teaching/assignment-queries";

/**
 * The letter opened for an assignment (?assignment=<id>): which paragraphs it covers, with links to each. The letter's
 * HTML is cached for all readers, so the covered blocks cannot carry a class of their own; this notice names them.
 */
export function AssignmentNotice({ assignment }: { assignment: AssignmentView }) {
  const { fromParagraph, toParagraph, coveredParagraphs } = assignment;
  const range = fromParagraph === toParagraph ? `paragraph ${fromParagraph}` : `paragraphs ${fromParagraph}–${toParagraph}`;
  return (
    <aside className="assignment-notice" aria-labelledby="assignment-notice-title">
      <p id="assignment-notice-title">
        <strong>
          Assignment: <a href={`/assignments/${assignment.id}`}>{assignment.title}</a>
        </strong>{" "}
        — {fromParagraph ? range : "no paragraphs"}
        {assignment.state === "closed" ? " (closed: no more work is accepted)" : ""}
      </p>
      {coveredParagraphs.length > 0 ? (
        <nav aria-label="Paragraphs of the assignment">
          {coveredParagraphs.map((anchor, index) => (
            <span key={anchor}>
              {index > 0 ? " · " : null}
              <a href={`#${anchor}`}>{anchor}</a>
            </span>
          ))}
        </nav>
      ) : null}
      {assignment.mayWork ? <p className="muted">New notes you write on these paragraphs go to {assignment.group.name}, for this assignment.</p> : null}
    </aside>
  );
}
