import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/can";
import type { AssignmentResource } from "../authz/resources";
import type { PrismaClient } from "../db/create-prisma-client";
import { assertRowId } from "../db/row-id";
import { AppError, forbidden, notFound, unauthenticated } from "../errors/app-error";
import { codePointLength, sliceByCodePoints } from "../anchoring/code-point-text";
import {
  STATE_CHANGES,
  figureProblems,
  resolveAssignmentDates,
  type TAssignmentPassage,
  type TCreateAssignment,
  type TUpdateAssignment,
} from "./assignment-schemas";
import { instantToWallClock } from "./assignment-time";
import { loadAssignment, roleInGroup } from "./load-assignment";
import { rubricOf } from "./teaching-assignment";

/** The letter every assignment is set on (the edition has one document). */
export const LETTER_SLUG = "reply-to-stalin";

type SignedIn = Extract<Actor, { kind: "user" }>;
type Fields = Record<string, string[]>;
type StoredPassage = TAssignmentPassage & { exact: string };

const invalid = (fields: Fields) => new AppError("bad_request", "Invalid input", { fields });

/** The covered range as ordinals, and the chosen passages with their text, checked against the letter. */
async function resolveCoverage(
  prisma: PrismaClient,
  documentId: string,
  range: { fromParagraph: string; toParagraph: string },
  passages: TAssignmentPassage[],
): Promise<{ fromOrdinal: number; toOrdinal: number; passages: StoredPassage[] }> {
  const anchors = [...new Set([range.fromParagraph, range.toParagraph, ...passages.map((passage) => passage.paragraph)])];
  const paragraphs = await prisma.paragraph.findMany({ where: { documentId, anchorId: { in: anchors } }, select: { anchorId: true, ordinal: true, text: true } });
  const byAnchor = new Map(paragraphs.map((paragraph) => [paragraph.anchorId!, paragraph]));
  const fields: Fields = {};
  const from = byAnchor.get(range.fromParagraph);
  const to = byAnchor.get(range.toParagraph);
  if (!from) fields.fromParagraph = ["No such paragraph in the letter"];
  if (!to) fields.toParagraph = ["No such paragraph in the letter"];
  if (from && to && to.ordinal < from.ordinal) fields.toParagraph = ["The range must end at or after the paragraph it starts at"];
  const stored: StoredPassage[] = [];
  if (from && to && !fields.toParagraph) {
    passages.forEach((passage, index) => {
      const paragraph = byAnchor.get(passage.paragraph);
      if (!paragraph || paragraph.ordinal < from.ordinal || paragraph.ordinal > to.ordinal) {
        (fields.passages ??= []).push(`Passage ${index + 1} is not in the covered paragraphs`);
      } else if (passage.end > codePointLength(paragraph.text)) {
        (fields.passages ??= []).push(`Passage ${index + 1} ends after its paragraph`);
      } else {
        stored.push({ ...passage, exact: sliceByCodePoints(paragraph.text, passage.start, passage.end) });
      }
    });
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return { fromOrdinal: from!.ordinal, toOrdinal: to!.ordinal, passages: stored };
}

/** Creates a draft in a class: its teachers only (its students 403, anyone else 404). */
export async function createAssignment(prisma: PrismaClient, actor: Actor, groupId: string, input: TCreateAssignment): Promise<{ id: string }> {
  if (actor.kind !== "user") throw unauthenticated();
  assertRowId(groupId);
  const group = await prisma.group.findUnique({ where: { id: groupId }, select: { id: true, kind: true } });
  if (!group) throw notFound();
  const viewerRole = await roleInGroup(prisma, actor, groupId);
  assertCan(actor, "group:read", { type: "group", id: groupId, viewerRole });
  const resource: AssignmentResource = { type: "assignment", groupId, groupKind: group.kind, viewerRole, state: "draft" };
  if (!can(actor, "assignment:manage", resource)) {
    throw forbidden(group.kind === "class" ? "Only the class's teachers set assignments" : "Assignments are set in classes, not research groups");
  }
  const dates = resolveAssignmentDates(input);
  if (!dates.ok) throw invalid(dates.fields);
  const document = await prisma.document.findUnique({ where: { slug: LETTER_SLUG }, select: { id: true } });
  if (!document) throw notFound("No such document");
  const coverage = await resolveCoverage(prisma, document.id, input, input.passages);
  const created = await prisma.assignment.create({
    data: {
      groupId,
      documentId: document.id,
      title: input.title,
      instructions: input.instructions,
      ...coverage,
      ...dates.dates,
      minNotes: input.minNotes,
      minReplies: input.minReplies,
      requiredTypes: input.requiredTypes,
      peerVisibility: input.peerVisibility,
      maxPoints: input.maxPoints,
      rubric: input.rubric,
      createdById: (actor as SignedIn).id,
    },
    select: { id: true },
  });
  return created;
}

/**
 * Edits an assignment and/or changes its state (publish, close, reopen). Students' work stays attached whatever
 * changes: notes keep their assignmentId even if the range moves away from their paragraph. The write is conditional
 * on the row being as it was read, so two teachers' edits cannot silently overwrite each other (409).
 */
export async function updateAssignment(prisma: PrismaClient, actor: Actor, assignmentId: string, input: TUpdateAssignment): Promise<{ id: string }> {
  const { assignment, resource } = await loadAssignment(prisma, actor, assignmentId);
  assertCan(actor, "assignment:manage", resource);

  const data: Record<string, unknown> = {};
  for (const key of ["title", "instructions", "minNotes", "minReplies", "requiredTypes", "peerVisibility", "maxPoints", "rubric"] as const) {
    if (input[key] !== undefined) data[key] = input[key];
  }

  if (input.opensAt !== undefined || input.dueAt !== undefined || input.timeZone !== undefined) {
    // Missing wall-clock times are the stored ones as the teacher set them, so a new zone keeps the times of day.
    const dates = resolveAssignmentDates({
      opensAt: input.opensAt ?? instantToWallClock(assignment.opensAt, assignment.timeZone),
      dueAt: input.dueAt ?? instantToWallClock(assignment.dueAt, assignment.timeZone),
      timeZone: input.timeZone ?? assignment.timeZone,
    });
    if (!dates.ok) throw invalid(dates.fields);
    Object.assign(data, dates.dates);
  }

  if (input.fromParagraph !== undefined || input.toParagraph !== undefined || input.passages !== undefined) {
    const anchors = await prisma.paragraph.findMany({
      where: { documentId: assignment.documentId, ordinal: { in: [assignment.fromOrdinal, assignment.toOrdinal] } },
      select: { ordinal: true, anchorId: true },
    });
    const anchorAt = (ordinal: number) => anchors.find((paragraph) => paragraph.ordinal === ordinal)?.anchorId ?? "";
    const passages = input.passages ?? (assignment.passages as TAssignmentPassage[]).map(({ paragraph, start, end }) => ({ paragraph, start, end }));
    Object.assign(
      data,
      await resolveCoverage(
        prisma,
        assignment.documentId,
        { fromParagraph: input.fromParagraph ?? anchorAt(assignment.fromOrdinal), toParagraph: input.toParagraph ?? anchorAt(assignment.toOrdinal) },
        passages,
      ),
    );
  }

  const problems = figureProblems({
    minNotes: input.minNotes ?? assignment.minNotes,
    minReplies: input.minReplies ?? assignment.minReplies,
    maxPoints: input.maxPoints !== undefined ? input.maxPoints : assignment.maxPoints,
    rubric: input.rubric ?? rubricOf(assignment.rubric),
  });
  if (Object.keys(problems).length > 0) throw invalid(problems);

  if (input.state !== undefined && input.state !== assignment.state) {
    if (!STATE_CHANGES[assignment.state].includes(input.state)) {
      throw new AppError("conflict", `A ${assignment.state} assignment cannot become ${input.state}`);
    }
    data.state = input.state;
  }

  if (Object.keys(data).length > 0) {
    const { count } = await prisma.assignment.updateMany({ where: { id: assignment.id, updatedAt: assignment.updatedAt }, data });
    if (count === 0) throw new AppError("conflict", "The assignment changed meanwhile; reload it and try again");
  }
  return { id: assignment.id };
}
