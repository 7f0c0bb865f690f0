import { describe, expect, it } from "vitest";
import { editBasedOn, noteEtag } from "@/lib/annotations/edit-precondition";
import { AppError } from "@/lib/errors/app-error";

describe("the version an edit is based on (If-Match)", () => {
  it("reads the note's ETag back, strong or weak", () => {
    expect(editBasedOn(noteEtag(3), undefined)).toBe(3);
    expect(editBasedOn('W/"12"', undefined)).toBe(12);
    expect(editBasedOn(' "7" ', 99)).toBe(7); // the header wins over the body
  });

  it("falls back to the body's version only without a header", () => {
    expect(editBasedOn(null, 4)).toBe(4);
  });

  it("refuses an edit that names no version, and headers that are not our ETags", () => {
    for (const header of ["*", '"3", "4"', "3", '"abc"', '"0"', '"12345678901"']) {
      expect(() => editBasedOn(header, undefined), header).toThrow(AppError);
    }
    try {
      editBasedOn(null, undefined);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details.fields).toEqual({ version: ["Send the version the edit is based on (If-Match)"] });
    }
  });
});
