import { describe, expect, it } from "vitest";
import { parseLogPageParams, parseQueuePageParams, reviewHref } from "@/lib/moderation/review-page-params";

describe("the review pages' query strings", () => {
  it("keep what reads and name what does not, instead of failing the page", () => {
    const { query, ignored } = parseQueuePageParams({ sort: "flags", reason: "off-topic", group: "not-a-uuid", referenceType: "person", cursor: "a b" });
    expect(query).toMatchObject({ sort: "flags", reason: "off_topic", referenceType: "person", limit: 20 });
    expect(query.group).toBeUndefined();
    expect(ignored).toEqual(["group", "cursor"]);
  });

  it("drop an end date before the start date", () => {
    const { query, ignored } = parseLogPageParams({ action: "group-mode", from: "2026-11-25", to: "2026-11-01", actor: "Ada" });
    expect(query).toMatchObject({ action: "group_mode", from: "2026-11-25", actor: "Ada" });
    expect(query.to).toBeUndefined();
    expect(ignored).toEqual(["to"]);
  });

  it("write links without defaults or empty values", () => {
    expect(reviewHref("/review", { sort: "oldest", limit: 20, reason: "spam", group: undefined })).toBe("/review?reason=spam");
    expect(reviewHref("/api/moderation/log", { action: "hide", format: "csv", from: "" })).toBe("/api/moderation/log?action=hide&format=csv");
  });
});
