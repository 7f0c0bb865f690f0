/**
 * A rubric typed as text in the assignment form, one criterion per line: "10: Accuracy". Pure, so the form can show
 * a line's mistake beside the field before anything is sent (the server validates the result again).
 */
export type RubricLine = { criterion: string; points: number };

const LINE = /^\s*(\d{1,4})\s*[:.–-]\s*(.+?)\s*$/;

export function parseRubricText(text: string): { criteria: RubricLine[]; error: string | null } {
  const criteria: RubricLine[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const match = LINE.exec(line);
    if (!match) return { criteria: [], error: `Line ${index + 1}: write the points, a colon, then the criterion (e.g. “10: Accuracy”)` };
    criteria.push({ points: Number(match[1]), criterion: match[2]! });
  }
  return { criteria, error: null };
}

export function formatRubricText(criteria: readonly RubricLine[]): string {
  return criteria.map((criterion) => `${criterion.points}: ${criterion.criterion}`).join("\n");
}
