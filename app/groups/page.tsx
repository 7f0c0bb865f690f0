import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateGroupForm } from "@/components/groups/create-group-form";
import { JoinGroupForm } from "@/components/groups/join-group-form";
import { currentActor } from "@/lib/auth/current-actor";
import { prisma } from "@/lib/db/prisma";
import { listMyGroups } from "@/lib/groups/group-queries";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const actor = await currentActor();
  const { code } = await searchParams;
  if (actor.kind !== "user") redirect(`/sign-in?callbackUrl=${encodeURIComponent(code ? `/groups?code=${code}` : "/groups")}`);
  const groups = await listMyGroups(prisma(), actor);
  return (
    <main id="main" className="page">
      <h1>Groups and classes</h1>
      <h2>Yours</h2>
      {groups.length ? (
        <ul>
          {groups.map((group) => (
            <li key={group.id}>
              <Link href={`/groups/${group.id}`}>{group.name}</Link>{" "}
              <span className="muted">
                ({group.kind === "class" ? `class${group.term ? `, ${group.term}` : ""}` : "research group"}; you are {group.role}; {group.members}{" "}
                member{group.members === 1 ? "" : "s"})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">You are not in any group yet.</p>
      )}
      <h2>Join with a code</h2>
      <JoinGroupForm code={code} />
      <h2>Create a group or class</h2>
      <CreateGroupForm />
    </main>
  );
}
