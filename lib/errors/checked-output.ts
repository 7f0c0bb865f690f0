import type { z } from "zod";

/**
 * Checks what we send against its schema. A mismatch is our bug, not the client's: it is thrown as a plain Error
 * (a 500), never as a ZodError (which lib/http/error-response.ts would answer as the client's 400).
 */
export function checkedOutput<S extends z.ZodType>(schema: S, value: z.input<S>, what: string): z.output<S> {
  const checked = schema.safeParse(value);
  if (!checked.success) {
    throw new Error(`${what} does not match its schema: ${checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  return checked.data;
}
