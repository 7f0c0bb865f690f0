import { formatUtc } from "./format-utc";
import { LinkOidcButton } from "./link-oidc-button";

/** The OpenID identities linked to the account, and the button that links one more. */
export function LinkedIdentities({ identities, oidcName }: { identities: { provider: string; createdAt: Date }[]; oidcName: string }) {
  return (
    <div className="panel">
      <p>Link your {oidcName} account to sign in with it as well as with your password.</p>
      {identities.length ? (
        <ul>
          {identities.map((identity) => (
            <li key={`${identity.provider}-${identity.createdAt.toISOString()}`}>
              {identity.provider === "oidc" ? oidcName : identity.provider} account, linked {formatUtc(identity.createdAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No {oidcName} account is linked yet.</p>
      )}
      <LinkOidcButton name={oidcName} />
    </div>
  );
}
