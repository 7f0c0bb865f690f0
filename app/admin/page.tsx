import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserAdminForm } from "@/components/admin/user-admin-form";
import { findUsers, listAuditRecords } from "@/lib/admin/admin-queries";
import { ZUserSearch } from "@/lib/admin/admin-schemas";
import { currentActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/authz/can";
import { prisma } from "@/lib/db/prisma";
import { TableScroll } from "@/components/layout/table-scroll";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await currentActor();
  // Everyone else is told there is nothing here.
  if (!can(actor, "admin:access", { type: "site" })) notFound();
  // A search the schema refuses (over 100 characters) is said beside the field, never a 500.
  const asked = (await searchParams).q;
  const search = ZUserSearch.safeParse({ q: typeof asked === "string" ? asked : "" });
  const q = search.success ? search.data.q : "";
  const [users, audit] = await Promise.all([findUsers(prisma(), actor, q), listAuditRecords(prisma(), actor)]);
  return (
    <main id="main" className="page">
      <h1>Admin</h1>
      <h2>Users</h2>
      <form className="inline-form" role="search" method="get">
        <label htmlFor="user-search">Find users by name or email</label>
        {/* Emails are searchable here but never displayed, to admins included. */}
        <input id="user-search" name="q" defaultValue={q} maxLength={100} aria-describedby={search.success ? undefined : "user-search-error"} aria-invalid={!search.success || undefined} />
        <button type="submit" className="button">
          Search
        </button>
        {search.success ? null : (
          <p id="user-search-error" className="field-error" role="alert">
            {search.error.issues[0]?.message ?? "Not a valid search"}; showing everyone instead.
          </p>
        )}
      </form>
      <TableScroll label="Users">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.displayName}</td>
                <td>{user.siteRole}</td>
                <td>{user.status}</td>
                <td>
                  {actor.kind === "user" && user.id === actor.id ? (
                    <span className="muted">you</span>
                  ) : (
                    <UserAdminForm userId={user.id} name={user.displayName} siteRole={user.siteRole} suspended={user.status === "suspended"} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>Audit log</h2>
      <p className="muted">Every audited change (site roles, suspensions, tokens, groups and their members, teaching, imports), newest first. Records are append-only.</p>
      <TableScroll label="Audit log">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Whom</th>
              <th scope="col">Group</th>
              <th scope="col">Change</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((record) => (
              <tr key={record.id}>
                <td>{record.createdAt.toISOString().replace("T", " ").slice(0, 16)}</td>
                <td>{record.actor?.displayName ?? "—"}</td>
                <td>
                  {record.action}
                  {/* The object changed (an assignment, an invite, a token): its id, to find it by. */}
                  {record.targetId ? (
                    <span className="audit-target">
                      on <code>{record.targetId}</code>
                    </span>
                  ) : null}
                </td>
                <td>{record.subject?.displayName ?? "—"}</td>
                {/* A group's name while it exists; its id once it is gone (the record outlives it). */}
                <td>
                  {record.groupId
                    ? (record.groupName ?? (
                        <span className="audit-target">
                          <code>{record.groupId}</code>
                        </span>
                      ))
                    : "—"}
                </td>
                {/* A change can be a JSON summary (an import's counts): it wraps anywhere rather than widening the table. */}
                <td className="audit-change">
                  {record.before ?? "—"} → {record.after ?? "—"}
                </td>
                <td>{record.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </main>
  );
}
