import { GroupModerationForm } from "@/components/groups/group-moderation-form";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MemberRoleForm } from "@/components/groups/member-role-form";
import { RequestButton } from "@/components/groups/request-button";
import { currentActor } from "@/lib/auth/current-actor";
import { systemClock } from "@/lib/auth/clock";
import { can } from "@/lib/authz/can";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { mayLeave } from "@/lib/groups/group-operations";
import { getGroupPage } from "@/lib/groups/group-queries";
import { formatJoinCode } from "@/lib/groups/join-code";
import { TableScroll } from "@/components/layout/table-scroll";

export const metadata: Metadata = { title: "Group" };

type Props = { params: Promise<{ groupId: string }> };

async function load(groupId: string) {
  const actor = await currentActor();
  try {
    return { actor, page: await getGroupPage(prisma(), actor, groupId, systemClock) };
  } catch (error) {
    // Not a member (or no such group): the same 404, so group ids reveal nothing.
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function GroupPage({ params }: Props) {
  const { groupId } = await params;
  const { actor, page } = await load(groupId);
  const { group, viewerRole, mayInvite, maySetModeration } = page;
  const isClass = group.kind === "class";
  return (
    <main id="main" className="page">
      <p className="muted">{isClass ? `Class${group.term ? ` · ${group.term}` : ""}` : "Research group"}</p>
      <h1>{group.name}</h1>
      {group.description ? <p>{group.description}</p> : null}
      {viewerRole ? <p className="muted">You are {isClass && viewerRole === "owner" ? "its teacher (owner)" : `a ${viewerRole}`}.</p> : null}
      {isClass ? (
        <p>
          <Link href={`/groups/${group.id}/assignments`}>Assignments</Link>
        </p>
      ) : null}

      {maySetModeration ? (
        <section aria-labelledby="moderation-title">
          <h2 id="moderation-title">Moderation</h2>
          <GroupModerationForm groupId={group.id} mode={group.moderationMode} />
        </section>
      ) : null}

      {mayInvite ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">Invitations</h2>
          <p>Share a join code (or its link). Codes expire after two weeks and can be revoked at any time.</p>
          {group.invites && group.invites.length ? (
            <ul>
              {group.invites.map((invite) => (
                <li key={invite.id}>
                  <span className="code-display">{formatJoinCode(invite.code)}</span>{" "}
                  <span className="muted">
                    link <code>/groups?code={invite.code}</code>, expires {invite.expiresAt.toISOString().slice(0, 10)}
                  </span>{" "}
                  <RequestButton url={`/api/groups/${group.id}/invites/${invite.id}`} method="DELETE" label="Revoke" />
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No active join code.</p>
          )}
          <RequestButton url={`/api/groups/${group.id}/invites`} method="POST" body={{ expiresInDays: 14 }} label="New join code" />
        </section>
      ) : null}

      <section aria-labelledby="members-title">
        <h2 id="members-title">{isClass ? "Roster" : "Members"}</h2>
        <TableScroll label="Members">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.memberships.map((membership) => {
                const target = { type: "membership" as const, groupId: group.id, viewerRole, targetUserId: membership.user.id, targetRole: membership.role };
                const isSelf = actor.kind === "user" && actor.id === membership.user.id;
                return (
                  <tr key={membership.user.id}>
                    <td>
                      {membership.user.displayName}
                      {membership.user.affiliation ? <span className="muted"> · {membership.user.affiliation}</span> : null}
                    </td>
                    <td>{isClass && membership.role === "owner" ? "teacher (owner)" : membership.role}</td>
                    <td className="nowrap">{membership.joinedAt.toISOString().slice(0, 10)}</td>
                    <td>
                      {membership.role !== "owner" && can(actor, "membership:change-role", target) ? (
                        <MemberRoleForm groupId={group.id} userId={membership.user.id} role={membership.role} name={membership.user.displayName} />
                      ) : null}
                      {can(actor, "membership:remove", target) ? (
                        <RequestButton url={`/api/groups/${group.id}/members/${membership.user.id}`} method="DELETE" label={`Remove ${membership.user.displayName}`} confirm={`Remove ${membership.user.displayName} from ${group.name}?`} danger />
                      ) : null}
                      {can(actor, "membership:transfer-ownership", target) && !isSelf ? (
                        <RequestButton url={`/api/groups/${group.id}/transfer`} method="POST" body={{ userId: membership.user.id }} label="Make owner" confirm={`Make ${membership.user.displayName} the owner? You will become a moderator.`} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {mayLeave(actor, { type: "group", id: group.id, viewerRole }) ? (
        <p>
          <RequestButton url={`/api/groups/${group.id}/leave`} method="POST" label="Leave this group" confirm={`Leave ${group.name}?`} then="/groups" danger />
        </p>
      ) : null}
    </main>
  );
}
