import { z } from "zod";
import { codePointLength } from "@/lib/documents/code-points";
import { NOTE_BODY_MAX_CHARACTERS, NOTE_BODY_MIN_CHARACTERS } from "./note-body-limits";

const LIMIT_TEXT = NOTE_BODY_MAX_CHARACTERS.toLocaleString("en-US");

/**
 * A note's Markdown source as typed: trimmed, 1..50,000 characters (code points, so "😀" is one), and without NUL
 * characters, which PostgreSQL cannot store in a text column. Each case has its own message for the person writing.
 */
export const ZNoteBody = z
  .string({ error: "The note must be text." })
  .trim()
  .min(NOTE_BODY_MIN_CHARACTERS, "Write the note.")
  .superRefine((body, context) => {
    const characters = codePointLength(body);
    if (characters > NOTE_BODY_MAX_CHARACTERS) {
      context.addIssue({
        code: "custom",
        message: `A note has at most ${LIMIT_TEXT} characters (this has ${characters.toLocaleString("en-US")}).`,
      });
    }
    if (body.includes("\u0000")) {
      context.addIssue({ code: "custom", message: "The note contains a NUL character, which cannot be stored; remove it." });
    }
  });
export type TNoteBody = z.infer<typeof ZNoteBody>;
