import { describe, expect, it } from "vitest";
import { groupNotesByParagraph } from "@/lib/annotations/group-notes-by-paragraph";
import type { NoteView } from "@/lib/annotations/note-view";

const note = (id: string, paragraph: string) => ({ id, paragraph }) as NoteView;

describe("groupNotesByParagraph", () => {
  it("keeps reading order of paragraphs and creation order within one", () => {
    const groups = groupNotesByParagraph([note("a", "p3"), note("b", "p1"), note("c", "p3")], ["p1", "p2", "p3"]);
    expect(groups.map((group) => [group.paragraph, group.notes.map((n) => n.id)])).toEqual([
      ["p1", ["b"]],
      ["p3", ["a", "c"]],
    ]);
  });

  it("leaves out notes on paragraphs the edition no longer has", () => {
    expect(groupNotesByParagraph([note("a", "p99")], ["p1"])).toEqual([]);
  });
});
