import type { Actor } from "../authz/actor";
import type { Prisma } from "../db/create-prisma-client";

/**
 * One line of the audit log (the AuditRecord table, read on /admin/audit): who did what to whom, in which group, on
 * which object, from what to what, and why. Written in the transaction of the change it records, never after it.
 */
export type AuditEntry = {
  action: string;
  /** The user the change is about (a member whose role changed, a student graded); null when it is about no user. */
  subjectId?: string | null;
  groupId?: string | null;
  /** The object changed, when it is not the subject: an assignment, an invite, a token, a note. */
  targetId?: string | null;
  before?: string | null;
  after?: string | null;
  reason?: string;
};

export async function writeAudit(tx: Prisma.TransactionClient, actor: Actor, entries: AuditEntry | readonly AuditEntry[], at: Date): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
  if (list.length === 0) return;
  await tx.auditRecord.createMany({
    data: list.map((entry) => ({
      actorId: actor.kind === "user" ? actor.id : null,
      subjectId: entry.subjectId ?? null,
      groupId: entry.groupId ?? null,
      targetId: entry.targetId ?? null,
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? "",
      createdAt: at,
    })),
  });
}
