import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { AssignmentResource, ClassResource } from "../authz/resources";
import type { Clock } from "../auth/clock";
import type { PrismaClient } from "../db/create-prisma-client";
import { assertRowId } from "../db/row-id";
import { AppError, notFound } from "../errors/app-error";
import type { TAssignmentPassage } from "./assignment-schemas";
import { instantToWallClock } from "./assignment-time";
import { loadAssignment, roleInGroup } from "./load-assignment";
import { checkRequirements, type RequirementCheck } from "./requirements";
import { studentWork } from "./student-work";
import { rubricOf } from "./teaching-assignment";

type Row = {
  id: string;
  groupId: string;
  documentId: string;
  fromOrdinal: number;
  toOrdinal: number;
  minNotes: number;
  minReplies: number;
  requiredTypes: string[];
  dueAt: Date;
};

/** Citable anchors ("p3") of the covered paragraphs of each assignment, in reading order. */
async function coveredAnchors(prisma: PrismaClient, rows: Row[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (rows.length === 0) return result;
  const paragraphs = await prisma.paragraph.findMany({
    where: { OR: rows.map((row) => ({ documentId: row.documentId, ordinal: { gte: row.fromOrdinal, lte: row.toOrdinal } })), anchorId: { not: null } },
    select: { documentId: true, ordinal: true, anchorId: true },
    orderBy: { ordinal: "asc" },
  });
  for (const row of rows) {
    result.set(
      row.id,
      paragraphs.filter((p) => p.documentId === row.documentId && p.ordinal >= row.fromOrdinal && p.ordinal <= row.toOrdinal).map((p) => p.anchorId!),
    );
  }
  return result;
}

/** The viewer's own progress on the assignments of the classes they study in ("class:study"); none for teachers and others. */
async function ownChecks(prisma: PrismaClient, actor: Actor, rows: Row[], studentIds: Set<string>, now: Date) {
  const checks = new Map<string, RequirementCheck>();
  if (actor.kind !== "user") return checks;
  const mine = rows.filter((row) => studentIds.has(row.groupId));
  const work = await studentWork(prisma, actor.id, mine);
  for (const row of mine) {
    checks.set(row.id, checkRequirements({ minNotes: row.minNotes, minReplies: row.minReplies, requiredTypes: row.requiredTypes, dueAt: row.dueAt }, work.get(row.id) ?? [], now));
  }
  return checks;
}

export type AssignmentSummary = {
  id: string;
  title: string;
  state: "draft" | "published" | "closed";
  opensAt: Date;
  dueAt: Date;
  timeZone: string;
  fromParagraph: string | null;
  toParagraph: string | null;
  own: RequirementCheck | null;
};

/** A class's assignments for one of its members, by due date: drafts for its teachers only; a student's own status. */
export async function listAssignments(prisma: PrismaClient, actor: Actor, groupId: string, clock: Clock) {
  assertRowId(groupId);
  const group = await prisma.group.findUnique({ where: { id: groupId }, select: { id: true, name: true, kind: true } });
  if (!group) throw notFound();
  const viewerRole = await roleInGroup(prisma, actor, groupId);
  assertCan(actor, "group:read", { type: "group", id: groupId, viewerRole });
  const resourceIn = (state: AssignmentResource["state"]): AssignmentResource => ({ type: "assignment", groupId, groupKind: group.kind, viewerRole, state });
  const rows = await prisma.assignment.findMany({ where: { groupId }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }] });
  const readable = rows.filter((row) => can(actor, "assignment:read", resourceIn(row.state)));
  const anchors = await coveredAnchors(prisma, readable);
  const classResource: ClassResource = { type: "group", id: groupId, kind: group.kind, viewerRole };
  const own = await ownChecks(prisma, actor, readable, new Set(can(actor, "class:study", classResource) ? [groupId] : []), clock.now());
  const assignments: AssignmentSummary[] = readable.map((row) => ({
    id: row.id,
    title: row.title,
    state: row.state,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    timeZone: row.timeZone,
    fromParagraph: anchors.get(row.id)?.[0] ?? null,
    toParagraph: anchors.get(row.id)?.at(-1) ?? null,
    own: own.get(row.id) ?? null,
  }));
  return { group: { id: group.id, name: group.name, kind: group.kind }, viewerRole, mayCreate: can(actor, "assignment:manage", resourceIn("draft")), assignments };
}

/** One assignment for a reader of it (drafts: its class's teachers; others 404), with the reader's own status. */
export async function getAssignment(prisma: PrismaClient, actor: Actor, assignmentId: string, clock: Clock) {
  const { assignment, resource } = await loadAssignment(prisma, actor, assignmentId);
  assertCan(actor, "assignment:read", resource);
  const anchors = (await coveredAnchors(prisma, [assignment])).get(assignment.id) ?? [];
  const classResource: ClassResource = { type: "group", id: assignment.groupId, kind: resource.groupKind, viewerRole: resource.viewerRole };
  const own = await ownChecks(prisma, actor, [assignment], new Set(can(actor, "class:study", classResource) ? [assignment.groupId] : []), clock.now());
  return {
    id: assignment.id,
    group: { id: assignment.group.id, name: assignment.group.name },
    title: assignment.title,
    instructions: assignment.instructions,
    state: assignment.state,
    opensAt: assignment.opensAt,
    dueAt: assignment.dueAt,
    timeZone: assignment.timeZone,
    /** The dates as the teacher set them (datetime-local form values in timeZone). */
    opensAtLocal: instantToWallClock(assignment.opensAt, assignment.timeZone),
    dueAtLocal: instantToWallClock(assignment.dueAt, assignment.timeZone),
    fromParagraph: anchors[0] ?? null,
    toParagraph: anchors.at(-1) ?? null,
    coveredParagraphs: anchors,
    passages: (assignment.passages as (TAssignmentPassage & { exact: string })[]) ?? [],
    minNotes: assignment.minNotes,
    minReplies: assignment.minReplies,
    requiredTypes: assignment.requiredTypes as string[],
    peerVisibility: assignment.peerVisibility,
    maxPoints: assignment.maxPoints,
    rubric: rubricOf(assignment.rubric),
    gradesReleasedAt: assignment.gradesReleasedAt,
    viewerRole: resource.viewerRole,
    mayManage: can(actor, "assignment:manage", resource),
    mayWork: can(actor, "assignment:work", resource),
    own: own.get(assignment.id) ?? null,
  };
}
export type AssignmentView = Awaited<ReturnType<typeof getAssignment>>;

/** For the letter page's ?assignment=<id>: the assignment when the reader may read it, otherwise null (no error page). */
export async function findReadableAssignment(prisma: PrismaClient, actor: Actor, assignmentId: string, clock: Clock): Promise<AssignmentView | null> {
  try {
    return await getAssignment(prisma, actor, assignmentId, clock);
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) return null;
    throw error;
  }
}
