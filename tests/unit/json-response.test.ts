import { describe, expect, it } from "vitest";
import { ZodError, z } from "zod";
import { jsonResponse } from "@/lib/http/json-response";
import { ZNoteView } from "@/lib/annotations/note-view";

describe("JSON responses checked against their output schema", () => {
  it("sends what the schema names", async () => {
    const response = jsonResponse(z.strictObject({ id: z.string() }), { id: "a" }, { status: 201 });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: "a" });
  });

  it("refuses to send a field the schema does not name, as a server error rather than a client one", () => {
    const leak = () => jsonResponse(z.strictObject({ id: z.string() }), { id: "a", email: "x@example.org" } as never);
    expect(leak).toThrow(/does not match its schema/);
    try {
      leak();
    } catch (error) {
      expect(error).not.toBeInstanceOf(ZodError);
    }
  });

  it("a note view with an author's email does not pass", () => {
    const author = { id: "0b9a1c1e-1111-4111-8111-111111111111", displayName: "A", email: "a@example.org" };
    expect(ZNoteView.shape.author.safeParse(author).success).toBe(false);
  });
});
