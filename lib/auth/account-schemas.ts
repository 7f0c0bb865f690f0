import { z } from "zod";
import { ZNewPassword } from "./password/password-policy";

export const ZEmail = z
  .email("Enter an email address like name@example.org")
  .max(254, "An email address has at most 254 characters")
  .transform((email) => email.trim().toLowerCase());

export const ZDisplayName = z
  .string()
  .trim()
  .min(1, "Enter the name others will see")
  .max(100, "At most 100 characters");

export const ZSignUp = z.strictObject({
  email: ZEmail,
  displayName: ZDisplayName,
  password: ZNewPassword,
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.strictObject({
  email: ZEmail,
  password: z.string().min(1, "Enter your password").max(4096),
});
