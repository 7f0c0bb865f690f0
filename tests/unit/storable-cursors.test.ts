import { describe, expect, it } from "vitest";
import { decodeCursor } from "@/lib/annotations/note-cursor";
import { decodeSearchCursor } from "@/lib/search/search-cursor";
import { isStorableDate } from "@/lib/db/storable-date";
import { AppError } from "@/lib/errors/app-error";

const ID = "0b9a1c1e-1111-4111-8111-111111111111";
const b64 = (text: string) => Buffer.from(text).toString("base64url");

describe("cursors PostgreSQL could not compare are malformed (400), not a 500", () => {
  it("dates outside the years 1900–9999", () => {
    expect(isStorableDate(new Date("2026-11-25T00:00:00Z"))).toBe(true);
    for (const time of ["0000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "1800-01-01T00:00:00Z"]) {
      expect(isStorableDate(new Date(time)), time).toBe(false);
      expect(() => decodeCursor(b64(`${time}|${ID}`)), time).toThrow(AppError);
    }
  });

  it("search ranks a real cannot hold", () => {
    expect(decodeSearchCursor(b64(`0.25|${ID}`)).rank).toBe(0.25);
    expect(decodeSearchCursor(b64(`0|${ID}`)).rank).toBe(0);
    for (const rank of ["1e300", "1e-50", "-1", "NaN", "Infinity"]) {
      expect(() => decodeSearchCursor(b64(`${rank}|${ID}`)), rank).toThrow(AppError);
    }
  });
});
