import { describe, expect, it } from "vitest";
import { notesPageHref, parseNotesPageView } from "@/lib/annotations/notes-view-params";

describe("the letter page's notes view in its URL", () => {
  it("reads filters, sort and the note to open", () => {
    const view = parseNotesPageView({ sort: "newest", type: "person", tag: "Exile", note: "0B9A1C1E-1111-4111-8111-111111111111" });
    expect(view).toMatchObject({ sort: "newest", referenceType: "person", tag: "exile", note: "0b9a1c1e-1111-4111-8111-111111111111", ignored: [] });
  });

  it("ignores and reports what it does not understand instead of failing", () => {
    const view = parseNotesPageView({ sort: "loudest", type: "planet", author: "bob", cursor: "!!", note: "x", paragraph: ["p3", "p4"] });
    expect(view.sort).toBe("position");
    expect(view.paragraph).toBe("p3");
    expect(view.ignored.sort()).toEqual(["author", "cursor", "note", "sort", "type"]);
  });

  it("writes the view back as a URL, dropping defaults and applying changes", () => {
    const view = parseNotesPageView({ type: "place", cursor: "KzEwMA" });
    expect(notesPageHref("reply-to-stalin", view)).toBe("/letters/reply-to-stalin?type=place&cursor=KzEwMA");
    expect(notesPageHref("reply-to-stalin", view, { cursor: undefined, paragraph: "p9" }, "#notes-p9")).toBe("/letters/reply-to-stalin?type=place&paragraph=p9#notes-p9");
    expect(notesPageHref("reply-to-stalin", parseNotesPageView({}))).toBe("/letters/reply-to-stalin");
  });
});
