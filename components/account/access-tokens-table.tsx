import { AccessTokenRevokeButton } from "./access-token-revoke-button";
import { formatUtc } from "./format-utc";
import type { AccessTokenView } from "@/lib/tokens/token-schemas";
import { TableScroll } from "@/components/layout/table-scroll";

/** The reader's tokens: when made, last used, when they expire; each can be revoked at once. */
export function AccessTokensTable({ tokens, headingId, now }: { tokens: AccessTokenView[]; headingId: string; now: Date }) {
  if (tokens.length === 0) return <p>You have no access tokens.</p>;
  return (
    <TableScroll label="Access tokens">
      <table className="data-table">
        <caption className="visually-hidden">Your access tokens, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Scope</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Revoke</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const expired = token.expiresAt !== null && new Date(token.expiresAt) <= now;
            return (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.hint}…</code>
                </td>
                <td>{token.scope}</td>
                <td>{formatUtc(new Date(token.createdAt))}</td>
                <td>{token.lastUsedAt ? formatUtc(new Date(token.lastUsedAt)) : "Never"}</td>
                <td>{token.expiresAt ? `${expired ? "Expired " : ""}${formatUtc(new Date(token.expiresAt))}` : "Never"}</td>
                <td>
                  <AccessTokenRevokeButton tokenId={token.id} name={token.name} headingId={headingId} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
