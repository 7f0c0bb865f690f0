import { describeUserAgent } from "./describe-user-agent";
import { formatUtc } from "./format-utc";
import { SessionSignOutButton } from "./session-sign-out-button";
import { TableScroll } from "@/components/layout/table-scroll";

type Session = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null; method: string; current: boolean };

/** The account's active sessions (server-rendered); each other session has its own sign-out button. */
export function SessionsTable({ sessions, oidcName, headingId }: { sessions: Session[]; oidcName: string | null; headingId: string }) {
  const methodName = (method: string) => (method === "password" ? "Email and password" : method === "oidc" ? (oidcName ?? "OpenID Connect") : method);
  return (
    <TableScroll label="Sessions">
      <table className="data-table">
        <caption className="visually-hidden">Your active sessions, most recently used first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Last seen</th>
            <th scope="col">Signed in with</th>
            <th scope="col">Browser</th>
            <th scope="col">
              <span className="visually-hidden">This session or sign out</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const browser = describeUserAgent(session.userAgent);
            return (
              <tr key={session.id}>
                <td>{formatUtc(session.createdAt)}</td>
                <td>{formatUtc(session.lastSeenAt)}</td>
                <td>{methodName(session.method)}</td>
                <td>{browser}</td>
                <td>
                  {session.current ? (
                    <strong>This session</strong>
                  ) : (
                    <SessionSignOutButton sessionId={session.id} description={`${browser}, started ${formatUtc(session.createdAt)}`} headingId={headingId} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
