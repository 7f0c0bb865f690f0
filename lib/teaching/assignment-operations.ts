import { z } from "zod";
import type { Actor } from "../authz/actor";
import type { ClassResource } from "../authz/resources";
import type { Prisma, PrismaClient } from "../db/create-prisma-client";
import { ZRowId } from "../db/row-id";
import { AppError, notFound } from "../errors/app-error";
import type { AuditEntry } from "../operations/audit";
import { check, defineOperation } from "../operations/define-operation";
import { anchorsAt, checkCoverage } from "./assignment-coverage";
import {
  STATE_CHANGES,
  ZCreateAssignmentInput,
  ZUpdateAssignmentInput,
  figureProblems,
  resolveAssignmentDates,
  type TAssignmentPassage,
  type TUpdateAssignmentInput,
} from "./assignment-schemas";
import { instantToWallClock } from "./assignment-time";
import { loadAssignment, roleInGroup, type LoadedAssignment } from "./load-assignment";
import { rubricOf } from "./teaching-assignment";

/** The letter every assignment is set on (the edition has one document). */
export const LETTER_SLUG = "reply-to-stalin";

/** What an assignment change answers: the assignment's id (the routes answer with its view, read afterwards). */
export const ZAssignmentRef = z.strictObject({ id: ZRowId });

type SignedIn = Extract<Actor, { kind: "user" }>;
type Fields = Record<string, string[]>;

/**
 * A write worked out while loading (it needs the letter's paragraphs): what to store, or the refusal to answer once
 * the actor is known to be allowed, so that a student's invalid edit is still a 403 and not a 400.
 */
type Planned<T> = { ok: true; value: T } | { ok: false; error: AppError };
const invalid = (fields: Fields): Planned<never> => ({ ok: false, error: new AppError("bad_request", "Invalid input", { fields }) });

/** The plan's value; `refuse` has answered for a failed plan before `run` asks, so this throws only on our bug. */
function planned<T>(plan: Planned<T>): T {
  if (!plan.ok) throw plan.error;
  return plan.value;
}

type DraftRow = Omit<Prisma.AssignmentUncheckedCreateInput, "groupId" | "createdById">;

/** A new draft's row: its dates as instants of its zone, its range and passages checked against the letter. */
async function planDraft(prisma: PrismaClient, input: z.output<typeof ZCreateAssignmentInput>): Promise<Planned<DraftRow>> {
  const dates = resolveAssignmentDates(input);
  if (!dates.ok) return invalid(dates.fields);
  const document = await prisma.document.findUnique({ where: { slug: LETTER_SLUG }, select: { id: true } });
  if (!document) return { ok: false, error: notFound("No such document") };
  const coverage = await checkCoverage(prisma, document.id, input, input.passages);
  if (!coverage.ok) return invalid(coverage.fields);
  const { title, instructions, minNotes, minReplies, requiredTypes, peerVisibility, maxPoints, rubric } = input;
  return {
    ok: true,
    value: { documentId: document.id, title, instructions, ...coverage.coverage, ...dates.dates, minNotes, minReplies, requiredTypes, peerVisibility, maxPoints, rubric },
  };
}

/** Creates a draft in a class: its teachers only (its students 403, anyone else 404, a research group 403). */
export const createAssignment = defineOperation({
  name: "assignment.create",
  input: ZCreateAssignmentInput,
  output: ZAssignmentRef,
  load: async (db, actor, input) => {
    const group = await db.group.findUnique({ where: { id: input.groupId }, select: { id: true, kind: true } });
    if (!group) throw notFound();
    const resource: ClassResource = { type: "group", id: group.id, kind: group.kind, viewerRole: await roleInGroup(db, actor, group.id) };
    return { resource, draft: await planDraft(db, input) };
  },
  authorise: ({ loaded }) => check("assignment:create", loaded.resource),
  refuse: ({ loaded }) => (loaded.draft.ok ? null : loaded.draft.error),
  run: (tx, { actor, input, loaded }) =>
    tx.assignment.create({ data: { ...planned(loaded.draft), groupId: input.groupId, createdById: (actor as SignedIn).id }, select: { id: true } }),
  audit: ({ input, result }) => ({
    action: "assignment.create",
    groupId: input.groupId,
    targetId: result.id,
    after: JSON.stringify({ title: input.title, state: "draft" }),
  }),
});

const EDITABLE = ["title", "instructions", "minNotes", "minReplies", "requiredTypes", "peerVisibility", "maxPoints", "rubric"] as const;

/**
 * The columns an edit writes, checked as create checks them but on the merged row: dates (400), range and passages
 * (400), the figures (400), then the state change (409 when the state machine does not allow it).
 */
async function planEdit(prisma: PrismaClient, assignment: LoadedAssignment, input: TUpdateAssignmentInput): Promise<Planned<Record<string, unknown>>> {
  const data: Record<string, unknown> = {};
  for (const key of EDITABLE) {
    if (input[key] !== undefined) data[key] = input[key];
  }

  if (input.opensAt !== undefined || input.dueAt !== undefined || input.timeZone !== undefined) {
    // Missing wall-clock times are the stored ones as the teacher set them, so a new zone keeps the times of day.
    const dates = resolveAssignmentDates({
      opensAt: input.opensAt ?? instantToWallClock(assignment.opensAt, assignment.timeZone),
      dueAt: input.dueAt ?? instantToWallClock(assignment.dueAt, assignment.timeZone),
      timeZone: input.timeZone ?? assignment.timeZone,
    });
    if (!dates.ok) return invalid(dates.fields);
    Object.assign(data, dates.dates);
  }

  if (input.fromParagraph !== undefined || input.toParagraph !== undefined || input.passages !== undefined) {
    const anchorAt = await anchorsAt(prisma, assignment.documentId, [assignment.fromOrdinal, assignment.toOrdinal]);
    const passages = input.passages ?? (assignment.passages as TAssignmentPassage[]).map(({ paragraph, start, end }) => ({ paragraph, start, end }));
    const coverage = await checkCoverage(
      prisma,
      assignment.documentId,
      { fromParagraph: input.fromParagraph ?? anchorAt(assignment.fromOrdinal), toParagraph: input.toParagraph ?? anchorAt(assignment.toOrdinal) },
      passages,
    );
    if (!coverage.ok) return invalid(coverage.fields);
    Object.assign(data, coverage.coverage);
  }

  const problems = figureProblems({
    minNotes: input.minNotes ?? assignment.minNotes,
    minReplies: input.minReplies ?? assignment.minReplies,
    maxPoints: input.maxPoints !== undefined ? input.maxPoints : assignment.maxPoints,
    rubric: input.rubric ?? rubricOf(assignment.rubric),
  });
  if (Object.keys(problems).length > 0) return invalid(problems);

  if (input.state !== undefined && input.state !== assignment.state) {
    if (!STATE_CHANGES[assignment.state].includes(input.state)) {
      return { ok: false, error: new AppError("conflict", `A ${assignment.state} assignment cannot become ${input.state}`) };
    }
    data.state = input.state;
  }
  return { ok: true, value: data };
}

/** JSON with object keys sorted, so that a value read back from a jsonb column compares equal to the one written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

/**
 * An edit's audit: the fields it changed, before and after (fields sent with their current value are no change), and
 * a state change on its own line, named for what it does (publish, close, reopen).
 */
function editAudit(assignment: LoadedAssignment, data: Record<string, unknown>): AuditEntry[] {
  const about = { groupId: assignment.groupId, targetId: assignment.id };
  const { state, ...fields } = data;
  const stored = assignment as unknown as Record<string, unknown>;
  const changed = Object.keys(fields).filter((key) => canonical(fields[key]) !== canonical(stored[key]));
  const entries: AuditEntry[] = [];
  if (changed.length > 0) {
    const pick = (row: Record<string, unknown>) => JSON.stringify(Object.fromEntries(changed.map((key) => [key, row[key]])));
    entries.push({ ...about, action: "assignment.update", before: pick(stored), after: pick(fields) });
  }
  if (state !== undefined) {
    const verb = state === "closed" ? "close" : assignment.state === "draft" ? "publish" : "reopen";
    entries.push({ ...about, action: `assignment.${verb}`, before: assignment.state, after: String(state) });
  }
  return entries;
}

/**
 * Edits an assignment and/or changes its state (publish, close, reopen). Students' work stays attached whatever
 * changes: notes keep their assignmentId even if the range moves away from their paragraph. The write is conditional
 * on the row being as it was read, so two teachers' edits cannot silently overwrite each other (409).
 */
export const updateAssignment = defineOperation({
  name: "assignment.update",
  input: ZUpdateAssignmentInput,
  output: ZAssignmentRef,
  load: async (db, actor, input) => {
    const { assignment, resource } = await loadAssignment(db, actor, input.assignmentId);
    return { assignment, resource, edit: await planEdit(db, assignment, input) };
  },
  authorise: ({ loaded }) => check("assignment:manage", loaded.resource),
  refuse: ({ loaded }) => (loaded.edit.ok ? null : loaded.edit.error),
  run: async (tx, { loaded: { assignment, edit } }) => {
    const data = planned(edit);
    if (Object.keys(data).length > 0) {
      const { count } = await tx.assignment.updateMany({ where: { id: assignment.id, updatedAt: assignment.updatedAt }, data });
      if (count === 0) throw new AppError("conflict", "The assignment changed meanwhile; reload it and try again");
    }
    return { id: assignment.id };
  },
  audit: ({ loaded }) => editAudit(loaded.assignment, planned(loaded.edit)),
});
