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

/** A 202 answer that says what was mailed without saying whether an account uses the address. */
export const ZMailSent = z.strictObject({ message: z.string() }).meta({ id: "MailSent" });

/** After a password change or reset: how many sessions it ended (a change keeps the current one). */
export const ZPasswordSet = z.strictObject({ sessionsEnded: z.number().int().min(0) }).meta({ id: "PasswordSet" });

/** The profile as saved, as its owner sees it. */
export const ZOwnProfile = z
  .strictObject({
    displayName: z.string(),
    affiliation: z.string().nullable(),
    bio: z.string().nullable(),
    orcid: z.string().nullable(),
    showAffiliation: z.boolean(),
    showOrcid: z.boolean(),
  })
  .meta({ id: "OwnProfile" });

export const ZAccountDeleted = z
  .strictObject({ deletedAt: z.iso.datetime(), notes: z.enum(["keep-as-deleted-user", "delete"]) })
  .meta({ id: "AccountDeleted" });
