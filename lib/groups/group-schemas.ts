import { z } from "zod";

export const ZCreateGroup = z.strictObject({
  kind: z.enum(["research", "class"]),
  name: z.string().trim().min(2, "At least 2 characters").max(120, "At most 120 characters"),
  description: z.string().trim().max(2000, "At most 2,000 characters").optional(),
  term: z.string().trim().max(60, "At most 60 characters").optional(),
});

export const ZCreateInvite = z.strictObject({
  expiresInDays: z.number().int().min(1, "At least one day").max(90, "At most 90 days").default(14),
});

export const ZJoinGroup = z.strictObject({
  code: z
    .string()
    .trim()
    .transform((code) => code.toUpperCase().replace(/[^A-Z0-9]/g, ""))
    .pipe(z.string().length(10, "A join code has 10 letters and digits")),
});

export const ZChangeMemberRole = z.strictObject({ role: z.enum(["moderator", "member"]) });
export const ZTransferOwnership = z.strictObject({ userId: z.uuid("Choose a member") });
