import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { OidcSignInButton } from "@/components/auth/oidc-sign-in-button";
import { currentActor } from "@/lib/auth/current-actor";
import { oidcEnabled } from "@/lib/auth/oidc";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { serverEnv } from "@/lib/env";
import { TableScroll } from "@/components/layout/table-scroll";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  if ((await currentActor()).kind === "user") redirect("/account");
  const oidc = oidcEnabled();
  return (
    <main id="main" className="page">
      <h1>Sign in</h1>
      {error ? (
        <p className="form-error" role="alert">
          {error === "AccessDenied" ? "That account cannot sign in." : "Sign-in did not work. Try again."}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      {oidc ? (
        <div className="panel">
          <OidcSignInButton name={oidc.name} />
        </div>
      ) : null}
      <p>
        <Link href="/forgot-password">Forgot your password?</Link> · New here? <Link href="/sign-up">Create an account</Link>
      </p>
      {serverEnv().DEMO_DATA ? (
        <section aria-labelledby="demo-title" className="panel">
          <h2 id="demo-title">Demo accounts</h2>
          <p>
            This is a demo instance. Every demo account uses the password <code>{DEMO_PASSWORD}</code>.
          </p>
          <TableScroll label="Demo accounts">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Who</th>
                </tr>
              </thead>
              <tbody>
                {DEMO_ACCOUNTS.map((account) => (
                  <tr key={account.email}>
                    <td>
                      <code>{account.email}</code>
                    </td>
                    <td>{account.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
    </main>
  );
}
