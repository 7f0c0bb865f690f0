import { checkedOutput } from "../errors/checked-output";
import type { z } from "zod";

/**
 * A JSON response whose body is first checked against the route's output schema: what the API promises in the
 * README is what it sends, and nothing the schema does not name can slip out. A mismatch is our bug, not the
 * client's: it is thrown as a plain Error (a 500), never as a ZodError (which would read as a 400).
 */
export function jsonResponse<S extends z.ZodType>(schema: S, body: z.input<S>, init?: ResponseInit): Response {
  return Response.json(checkedOutput(schema, body, "the response"), init);
}
