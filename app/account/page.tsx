import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { LinkedIdentities } from "@/components/account/linked-identities";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SessionsTable } from "@/components/account/sessions-table";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { AccessTokenForm } from "@/components/account/access-token-form";
import { AccessTokensTable } from "@/components/account/access-tokens-table";
import { listAccessTokens } from "@/lib/tokens/token-operations";
import { listDocuments } from "@/lib/documents/list-documents";
import { currentRequestContext } from "@/lib/request/current-request-context";
import { listSessions } from "@/lib/accounts/session-queries";
import { getOwnAccount } from "@/lib/accounts/account-queries";
import { listIdentities } from "@/lib/accounts/identity-queries";
import { currentActor } from "@/lib/auth/current-actor";
import { oidcEnabled } from "@/lib/auth/oidc";
import { prisma } from "@/lib/db/prisma";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await currentActor();
  if (actor.kind !== "user") redirect("/sign-in?callbackUrl=/account");
  const oidc = oidcEnabled();
  const [account, sessions, identities, { tokens }, documents, { groups }] = await Promise.all([
    getOwnAccount(prisma(), actor),
    listSessions(prisma(), actor),
    oidc ? listIdentities(prisma(), actor) : Promise.resolve([]),
    listAccessTokens(prisma(), actor),
    listDocuments(prisma()),
    currentRequestContext(),
  ]);
  const exportUrl = (slug: string, group?: string) => `/api/documents/${slug}/annotations.jsonld${group ? `?group=${group}` : ""}`;
  return (
    <main id="main" className="page">
      <h1>Your account</h1>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <p>
          {account.email ? (
            <>
              Your email address is <strong>{account.email}</strong>.{" "}
            </>
          ) : (
            <>Your account has no email address. </>
          )}
          Only you can see your email address.
        </p>
        <ProfileForm
          profile={{
            id: actor.id,
            displayName: account.displayName,
            affiliation: account.affiliation,
            orcid: account.orcid,
            bio: account.bio,
            showAffiliation: account.showAffiliation,
            showOrcid: account.showOrcid,
          }}
        />
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">Password</h2>
        {account.hasPassword ? (
          <PasswordForm />
        ) : (
          <p className="panel">Your account has no password: you sign in with {oidc?.name ?? "your linked account"}.</p>
        )}
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title" tabIndex={-1}>
          Sessions
        </h2>
        <div className="panel">
          <p>Where your account is signed in now. Sign out any session you do not recognise, or all of them at once.</p>
          <SessionsTable sessions={sessions} oidcName={oidc?.name ?? null} headingId="sessions-title" />
          <SignOutEverywhereButton />
        </div>
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">Your notes as data</h2>
        <div className="panel">
          <p>
            Download what you wrote as a W3C Web Annotation file (JSON-LD), private notes included, to keep or to bring into another annotation
            tool. Members can download their groups’ notes too.
          </p>
          <ul className="download-list">
            {documents.map((document) => (
              <li key={document.slug}>
                <a href={exportUrl(document.slug)} download>
                  My notes on <cite>{document.title}</cite>
                </a>
                {groups.map((group) => (
                  <span key={group.id}>
                    {" "}
                    · <a href={exportUrl(document.slug, group.id)} download>
                      {group.name}’s notes
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title" tabIndex={-1}>
          Access tokens
        </h2>
        <div className="panel">
          <p>
            A personal access token lets a script or another annotation tool use Marginalia’s JSON API and its W3C annotation server as you: send it
            as <code>Authorization: Bearer &lt;token&gt;</code>. A read token can only read; a write token can also write. Tokens cannot change your
            password, sessions or tokens, or delete your account. Revoke a token you no longer use.
          </p>
          <AccessTokensTable tokens={tokens} headingId="tokens-title" now={new Date()} />
        </div>
        <AccessTokenForm />
      </section>

      {oidc ? (
        <section aria-labelledby="linked-title">
          <h2 id="linked-title">Linked sign-in</h2>
          <LinkedIdentities identities={identities} oidcName={oidc.name} />
        </section>
      ) : null}

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Delete account</h2>
        <p>Deleting your account signs you out everywhere and cannot be undone. Choose below what happens to the notes and replies you wrote.</p>
        <p>If you own a group or class, make another member its owner first (on the group’s page); until then the account cannot be deleted.</p>
        <DeleteAccountForm />
      </section>
    </main>
  );
}
