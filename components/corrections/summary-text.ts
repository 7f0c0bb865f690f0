import type { TReanchorSummary } from "@/lib/corrections/plan-reanchoring";

const notes = (count: number) => (count === 1 ? "1 note" : `${count} notes`);

/** What a correction did to the paragraph's notes, in one sentence: "2 notes kept, 1 moved, 1 orphaned." */
export function summaryText({ kept, moved, orphaned, restored }: TReanchorSummary): string {
  const parts = [
    [kept, "kept"],
    [moved, "moved"],
    [orphaned, "orphaned"],
    [restored, "restored to their passage"],
  ] as const;
  const said = parts.filter(([count]) => count > 0);
  if (!said.length) return "No notes were anchored to this paragraph.";
  return `${said.map(([count, what], index) => `${index === 0 ? notes(count) : count} ${what}`).join(", ")}.`;
}
