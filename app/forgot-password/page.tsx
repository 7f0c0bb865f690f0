import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { outboxEnabled } from "@/lib/mail/mail-transport";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  // Whether mail goes to the outbox depends on the running server's environment, not the build's.
  await connection();
  return (
    <main id="main" className="page">
      <h1>Forgot your password?</h1>
      <p>Enter the email address of your account. We will email you a link to choose a new password.</p>
      <ForgotPasswordForm outbox={outboxEnabled()} />
      <p>
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
