import { describe, expect, it } from "vitest";
import type { ProgressRow } from "@/lib/teaching/progress-queries";
import { parseProgressSort, sortProgressRows } from "@/lib/teaching/progress-sort";

const row = (name: string, notes: number, last: string | null, points: number | null): ProgressRow => ({
  student: { id: `id-${name}`, displayName: name }, notes, replies: 0, words: 0, referenceTypes: [], missingTypes: [], requirementsMet: false,
  status: "in progress", firstActivity: null, lastActivity: last ? new Date(last) : null, late: false,
  grade: points === null ? null : { studentId: `id-${name}`, points, rubricScores: [], comment: null, updatedAt: "2026-01-01T00:00:00.000Z" },
});
const rows = [row("Cleo", 3, "2026-01-02", 10), row("Ada", 1, null, null), row("Boris", 3, "2026-01-03", 5)];
const names = (sorted: ProgressRow[]) => sorted.map((r) => r.student.displayName);

describe("sorting the teacher's table", () => {
  it("sorts by a column either way, ties by name, empty values last", () => {
    expect(names(sortProgressRows(rows, "notes", "desc"))).toEqual(["Boris", "Cleo", "Ada"]);
    expect(names(sortProgressRows(rows, "notes", "asc"))).toEqual(["Ada", "Boris", "Cleo"]);
    expect(names(sortProgressRows(rows, "last", "asc"))).toEqual(["Cleo", "Boris", "Ada"]);
    expect(names(sortProgressRows(rows, "last", "desc"))).toEqual(["Boris", "Cleo", "Ada"]);
    expect(names(sortProgressRows(rows, "points", "asc"))).toEqual(["Boris", "Cleo", "Ada"]);
    expect(names(sortProgressRows(rows, "student", "desc"))).toEqual(["Cleo", "Boris", "Ada"]);
  });

  it("reads the query string, falling back to names A to Z", () => {
    expect(parseProgressSort({ sort: "words", dir: "desc" })).toEqual({ column: "words", direction: "desc" });
    expect(parseProgressSort({ sort: "drop table", dir: "sideways" })).toEqual({ column: "student", direction: "asc" });
    expect(parseProgressSort({ sort: ["late", "x"] })).toEqual({ column: "late", direction: "asc" });
  });
});
