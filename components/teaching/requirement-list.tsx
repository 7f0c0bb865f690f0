import { REFERENCE_TYPE_LABELS } from "@/components/references/reference-type-labels";
import type { RequirementCheck } from "@/lib/teaching/requirements";

type Props = {
  minNotes: number;
  minReplies: number;
  requiredTypes: string[];
  /** The student's own progress; null for teachers, who see the requirements only. */
  own: RequirementCheck | null;
};

const label = (type: string) => REFERENCE_TYPE_LABELS[type as keyof typeof REFERENCE_TYPE_LABELS] ?? type;

/** The requirements, each ticked off in words and a mark (✓ done, ○ not yet), never by colour alone. */
export function RequirementList({ minNotes, minReplies, requiredTypes, own }: Props) {
  const items: { key: string; text: string; done: boolean | null }[] = [];
  if (minNotes > 0) items.push({ key: "notes", text: `At least ${minNotes} note${minNotes === 1 ? "" : "s"}${own ? ` (you have ${own.notes})` : ""}`, done: own ? own.notesMet : null });
  if (minReplies > 0) {
    items.push({ key: "replies", text: `At least ${minReplies} repl${minReplies === 1 ? "y" : "ies"} to classmates${own ? ` (you have ${own.replies})` : ""}`, done: own ? own.repliesMet : null });
  }
  for (const type of requiredTypes) {
    items.push({ key: `type-${type}`, text: `A note on a reference of type “${label(type)}”`, done: own ? own.coveredTypes.includes(type) : null });
  }
  return (
    <ul className="requirement-list">
      {items.map((item) => (
        <li key={item.key} className={item.done ? "requirement-done" : undefined}>
          {item.done === null ? null : (
            <span className="requirement-mark" aria-hidden="true">
              {item.done ? "✓" : "○"}
            </span>
          )}{" "}
          {item.text}
          {item.done === null ? null : <span className="visually-hidden">{item.done ? " — done" : " — not yet"}</span>}
        </li>
      ))}
    </ul>
  );
}
