import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/account/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  return (
    <main id="main" className="page">
      <h1>Choose a new password</h1>
      <p>After this, every session of your account is signed out and you sign in with the new password.</p>
      <ResetPasswordForm token={token} />
    </main>
  );
}
