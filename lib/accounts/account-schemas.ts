import { z } from "zod";
import { ZDisplayName } from "../auth/account-schemas";
import { ZNewPassword } from "../auth/password/password-policy";
import { normalizeOrcid } from "./orcid";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((value) => value || null)
    .nullable()
    .optional();

export const ZProfileUpdate = z.strictObject({
  displayName: ZDisplayName,
  affiliation: optionalText(200),
  bio: optionalText(2000),
  orcid: z
    .string()
    .trim()
    .max(60)
    .transform((value, context) => {
      if (!value) return null;
      const orcid = normalizeOrcid(value);
      if (!orcid) {
        context.addIssue({ code: "custom", message: "Not a valid ORCID iD (16 digits as 0000-0002-1825-0097; the last may be X)" });
        return z.NEVER;
      }
      return orcid;
    })
    .nullable()
    .optional(),
  /** Whether /people/<id> shows the affiliation and the ORCID iD (both off unless chosen). */
  showAffiliation: z.boolean().default(false),
  showOrcid: z.boolean().default(false),
});

export const ZChangePassword = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password").max(4096),
  newPassword: ZNewPassword,
});

export const ZRequestPasswordReset = z.strictObject({ email: z.email("Enter an email address").max(254) });
export const ZCompletePasswordReset = z.strictObject({ token: z.string().min(20).max(200), newPassword: ZNewPassword });

export const ZDeleteAccount = z.strictObject({
  notes: z.enum(["keep-as-deleted-user", "delete"], "Choose what happens to your notes"),
  confirm: z.literal("DELETE", "Type DELETE to confirm"),
});
