import { describe, expect, it } from "vitest";
import { withoutQuotation } from "@/lib/notifications/notification-queries";

describe("a notification's quotation of an item its reader can no longer read", () => {
  it("is withheld, the rest of the sentence kept", () => {
    expect(withoutQuotation("Rosa replied to your note: “The G.P.U. was …”")).toBe("Rosa replied to your note (no longer available to you)");
    expect(withoutQuotation("A moderator hid your note")).toBe("A moderator hid your note");
  });
});
