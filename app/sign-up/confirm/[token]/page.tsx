import type { Metadata } from "next";
import { ConfirmSignUpForm } from "@/components/account/confirm-sign-up-form";

export const metadata: Metadata = { title: "Confirm your address", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmSignUpPage({ params }: Props) {
  const { token } = await params;
  return (
    <main id="main" className="page">
      <h1>Confirm your address</h1>
      <p>One step left: confirm that this address is yours, then sign in with the password you chose.</p>
      <ConfirmSignUpForm token={token} />
    </main>
  );
}
