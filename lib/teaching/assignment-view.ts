import { z } from "zod";
import { REFERENCE_TYPES } from "../annotations/note-schemas";
import { ASSIGNMENT_STATES, PEER_VISIBILITIES } from "./assignment-schemas";
import type { AssignmentSummary, AssignmentView } from "./assignment-queries";
import { REQUIREMENT_STATUSES, type RequirementCheck } from "./requirements";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * A student's own progress on an assignment, as the API sends it (instants as ISO strings). Unnamed in the document:
 * a named schema inside another named one that several operations send is hoisted twice (Assignment, AssignmentOutput).
 */
const ZRequirementCheck = z
  .strictObject({
    notes: z.number().int(),
    replies: z.number().int(),
    coveredTypes: z.array(z.string()),
    missingTypes: z.array(z.string()),
    notesMet: z.boolean(),
    repliesMet: z.boolean(),
    typesMet: z.boolean(),
    met: z.boolean(),
    metAt: z.iso.datetime().nullable(),
    firstActivity: z.iso.datetime().nullable(),
    lastActivity: z.iso.datetime().nullable(),
    overdue: z.boolean().describe("The due date has passed and the requirements are not met"),
    status: z.enum(REQUIREMENT_STATUSES),
  });

const ownJson = (own: RequirementCheck | null) =>
  own && { ...own, metAt: iso(own.metAt), firstActivity: iso(own.firstActivity), lastActivity: iso(own.lastActivity) };

const ZState = z.enum(ASSIGNMENT_STATES);
const ZAnchorOrNull = z.string().nullable();

/** One assignment for a reader of it, with the reader's rights on it and, for a student, their own progress. */
export const ZAssignmentView = z
  .strictObject({
    id: z.uuid(),
    group: z.strictObject({ id: z.uuid(), name: z.string() }),
    title: z.string(),
    instructions: z.string().describe("Markdown"),
    state: ZState,
    opensAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    timeZone: z.string(),
    opensAtLocal: z.string().describe("The opening as the teacher set it: a wall-clock time in timeZone"),
    dueAtLocal: z.string().describe("The due date as the teacher set it: a wall-clock time in timeZone"),
    fromParagraph: ZAnchorOrNull,
    toParagraph: ZAnchorOrNull,
    coveredParagraphs: z.array(z.string()),
    passages: z.array(z.strictObject({ paragraph: z.string(), start: z.number().int(), end: z.number().int(), exact: z.string() })),
    minNotes: z.number().int(),
    minReplies: z.number().int(),
    requiredTypes: z.array(z.enum(REFERENCE_TYPES)),
    peerVisibility: z.enum(PEER_VISIBILITIES),
    maxPoints: z.number().int().nullable(),
    rubric: z.array(z.strictObject({ criterion: z.string(), points: z.number() })),
    gradesReleasedAt: z.iso.datetime().nullable(),
    viewerRole: z.enum(["owner", "moderator", "member"]).nullable(),
    mayManage: z.boolean(),
    mayWork: z.boolean(),
    own: ZRequirementCheck.nullable(),
  })
  .meta({ id: "Assignment" });

export function assignmentJson(view: AssignmentView): z.input<typeof ZAssignmentView> {
  return {
    ...view,
    opensAt: view.opensAt.toISOString(),
    dueAt: view.dueAt.toISOString(),
    passages: view.passages.map(({ paragraph, start, end, exact }) => ({ paragraph, start, end, exact })),
    requiredTypes: view.requiredTypes as z.input<typeof ZAssignmentView>["requiredTypes"],
    gradesReleasedAt: iso(view.gradesReleasedAt),
    own: ownJson(view.own),
  };
}

/** A class's assignments for one of its members (drafts for its teachers only), and whether they may set one. */
export const ZAssignmentList = z
  .strictObject({
    assignments: z.array(
      z.strictObject({
        id: z.uuid(),
        title: z.string(),
        state: ZState,
        opensAt: z.iso.datetime(),
        dueAt: z.iso.datetime(),
        timeZone: z.string(),
        fromParagraph: ZAnchorOrNull,
        toParagraph: ZAnchorOrNull,
        own: ZRequirementCheck.nullable(),
      }),
    ),
    mayCreate: z.boolean(),
  })
  .meta({ id: "AssignmentList" });

export function assignmentListJson(list: { assignments: AssignmentSummary[]; mayCreate: boolean }): z.input<typeof ZAssignmentList> {
  return {
    assignments: list.assignments.map((summary) => ({ ...summary, opensAt: summary.opensAt.toISOString(), dueAt: summary.dueAt.toISOString(), own: ownJson(summary.own) })),
    mayCreate: list.mayCreate,
  };
}
