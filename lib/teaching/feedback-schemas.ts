import { z } from "zod";

export const ZFeedbackInput = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, "Write the feedback")
    .max(5_000, "At most 5,000 characters")
    .refine((text) => !text.includes("\u0000"), "The feedback contains a NUL character; remove it"),
});
export type TFeedbackInput = z.infer<typeof ZFeedbackInput>;

export const ZFeedbackView = z.strictObject({
  id: z.uuid(),
  noteId: z.uuid(),
  body: z.string(),
  author: z.strictObject({ id: z.uuid(), displayName: z.string() }),
  createdAt: z.iso.datetime(),
}).meta({ id: "Feedback" });
export type FeedbackView = z.input<typeof ZFeedbackView>;
export const ZFeedbackList = z.strictObject({ feedback: z.array(ZFeedbackView), mayWrite: z.boolean() }).meta({ id: "FeedbackList" });

/** A note's feedback as a page hands it to the note's card (the shape GET /api/notes/<id>/feedback answers). */
export type FeedbackState = z.infer<typeof ZFeedbackList>;
