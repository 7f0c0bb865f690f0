import type { ProgressRow } from "./progress-queries";

export const PROGRESS_COLUMNS = ["student", "notes", "replies", "words", "types", "met", "first", "last", "late", "points"] as const;
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];
export type SortDirection = "asc" | "desc";

/** ?sort=<column>&dir=asc|desc as the page reads it; anything else falls back to the students' names, A to Z. */
export function parseProgressSort(params: { sort?: string | string[]; dir?: string | string[] }): { column: ProgressColumn; direction: SortDirection } {
  const sort = Array.isArray(params.sort) ? params.sort[0] : params.sort;
  const dir = Array.isArray(params.dir) ? params.dir[0] : params.dir;
  const column = (PROGRESS_COLUMNS as readonly string[]).includes(sort ?? "") ? (sort as ProgressColumn) : "student";
  return { column, direction: dir === "desc" ? "desc" : "asc" };
}

const time = (date: Date | null) => (date ? date.getTime() : null);

function key(row: ProgressRow, column: ProgressColumn): string | number | null {
  switch (column) {
    case "student": return row.student.displayName;
    case "notes": return row.notes;
    case "replies": return row.replies;
    case "words": return row.words;
    case "types": return row.referenceTypes.length;
    case "met": return row.requirementsMet ? 1 : 0;
    case "first": return time(row.firstActivity);
    case "last": return time(row.lastActivity);
    case "late": return row.late ? 1 : 0;
    case "points": return row.grade?.points ?? null;
  }
}

/** Rows sorted by one column; empty values (no activity, no grade) last either way; ties by name. */
export function sortProgressRows(rows: readonly ProgressRow[], column: ProgressColumn, direction: SortDirection): ProgressRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a, column), key(b, column)];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === "string" ? x.localeCompare(y as string) : x - (y as number);
    return order !== 0 ? sign * order : byName(a, b);
  });
}

const byName = (a: ProgressRow, b: ProgressRow) => a.student.displayName.localeCompare(b.student.displayName) || a.student.id.localeCompare(b.student.id);
