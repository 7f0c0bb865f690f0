import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { currentActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if ((await currentActor()).kind === "user") redirect("/account");
  return (
    <main id="main" className="page">
      <h1>Create an account</h1>
      <p>With an account you can write notes on the letters, reply to others and join research groups and classes.</p>
      <SignUpForm />
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
