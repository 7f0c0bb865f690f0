import { z } from "zod";
import { REFERENCE_TYPES } from "../annotations/note-schemas";
import { ZRowId } from "../db/row-id";
import { isWallClock, normalizeTimeZone, wallClockToInstant } from "./assignment-time";

export const ASSIGNMENT_STATES = ["draft", "published", "closed"] as const;
export type TAssignmentState = (typeof ASSIGNMENT_STATES)[number];
/** The Prisma enum's names (the database stores "after-first-note", "after-due"). */
export const PEER_VISIBILITIES = ["always", "after_first_note", "after_due"] as const;
export type TPeerVisibility = (typeof PEER_VISIBILITIES)[number];

export const MAX_RUBRIC_CRITERIA = 20;

const ZAnchor = z.string().regex(/^(p\d{1,4}|s\d{1,3}|dateline|fn\d{1,3})$/, "Not a paragraph anchor (p1, p2, …)");
const ZWallClock = z.string().refine(isWallClock, "A date and time such as 2026-12-01T23:59");

/** A chosen passage inside the covered range, in code points; its text is taken from the paragraph on write. */
export const ZAssignmentPassage = z
  .strictObject({ paragraph: ZAnchor, start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((passage) => passage.start < passage.end, "The passage must not be empty");
export type TAssignmentPassage = z.infer<typeof ZAssignmentPassage>;

export const ZRubricCriterion = z.strictObject({
  criterion: z.string().trim().min(1, "Name the criterion").max(200, "At most 200 characters"),
  points: z.number().int("Whole points").min(1, "At least 1 point").max(1000, "At most 1,000 points"),
});
export type TRubricCriterion = z.infer<typeof ZRubricCriterion>;

const fields = {
  title: z.string().trim().min(2, "At least 2 characters").max(200, "At most 200 characters"),
  instructions: z
    .string()
    .trim()
    .min(1, "Write the instructions")
    .max(20_000, "At most 20,000 characters")
    .refine((text) => !text.includes("\u0000"), "The instructions contain a NUL character; remove it"),
  fromParagraph: ZAnchor,
  toParagraph: ZAnchor,
  passages: z.array(ZAssignmentPassage).max(50, "At most 50 passages"),
  /** Wall-clock times as typed (datetime-local), read in timeZone. */
  opensAt: ZWallClock,
  dueAt: ZWallClock,
  timeZone: z.string().max(64, "Not a time zone we know"),
  minNotes: z.number().int("A whole number").min(0, "Zero or more").max(100, "At most 100"),
  minReplies: z.number().int("A whole number").min(0, "Zero or more").max(100, "At most 100"),
  requiredTypes: z
    .array(z.enum(REFERENCE_TYPES, "Not a reference type"))
    .max(REFERENCE_TYPES.length)
    .transform((types) => [...new Set(types)]),
  peerVisibility: z.enum(PEER_VISIBILITIES, "Choose when students see classmates' notes"),
  maxPoints: z.number().int("Whole points").min(1, "At least 1 point").max(10_000, "At most 10,000 points").nullable(),
  rubric: z.array(ZRubricCriterion).max(MAX_RUBRIC_CRITERIA, `At most ${MAX_RUBRIC_CRITERIA} criteria`),
};

type DateInput = { opensAt: string; dueAt: string; timeZone: string };
export type ResolvedDates = { opensAt: Date; dueAt: Date; timeZone: string };

/**
 * Turns the teacher's wall-clock dates into instants, or the field messages saying why not: an unknown zone, a time
 * that does not exist in the zone (the hour skipped when the clocks go forward), a due date not after the opening.
 */
export function resolveAssignmentDates(input: DateInput): { ok: true; dates: ResolvedDates } | { ok: false; fields: Record<string, string[]> } {
  const timeZone = normalizeTimeZone(input.timeZone);
  if (!timeZone) return { ok: false, fields: { timeZone: ["Not a time zone we know: use an IANA name such as Europe/Berlin"] } };
  const missing = `This time does not exist in ${timeZone} (the clocks skip it); choose another`;
  const opensAt = wallClockToInstant(input.opensAt, timeZone);
  const dueAt = wallClockToInstant(input.dueAt, timeZone);
  const errors: Record<string, string[]> = {};
  if (!opensAt) errors.opensAt = [missing];
  if (!dueAt) errors.dueAt = [missing];
  if (opensAt && dueAt && dueAt.getTime() <= opensAt.getTime()) errors.dueAt = ["The due date must be after the opening date"];
  if (Object.keys(errors).length > 0 || !opensAt || !dueAt) return { ok: false, fields: errors };
  return { ok: true, dates: { opensAt, dueAt, timeZone } };
}

type Figures = { minNotes?: number; minReplies?: number; maxPoints?: number | null; rubric?: TRubricCriterion[] };

/** Cross-field rules shared by create and update (the update checks them again on the merged row). */
export function figureProblems(figures: Figures): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (figures.minNotes !== undefined && figures.minReplies !== undefined && figures.minNotes + figures.minReplies < 1) {
    problems.minNotes = ["Require at least one note or one reply"];
  }
  const rubric = figures.rubric ?? [];
  if (rubric.length > 0) {
    const total = rubric.reduce((sum, criterion) => sum + criterion.points, 0);
    if (figures.maxPoints == null) problems.maxPoints = ["A rubric needs the maximum points"];
    else if (total > figures.maxPoints) problems.rubric = [`The criteria add up to ${total} points, more than the maximum of ${figures.maxPoints}`];
  }
  return problems;
}

function addProblems(context: z.RefinementCtx, problems: Record<string, string[]>) {
  for (const [path, messages] of Object.entries(problems)) {
    for (const message of messages) context.addIssue({ code: "custom", message, path: [path] });
  }
}

const createFields = {
  ...fields,
  passages: fields.passages.default([]),
  minNotes: fields.minNotes.default(1),
  minReplies: fields.minReplies.default(0),
  requiredTypes: fields.requiredTypes.default([]),
  peerVisibility: fields.peerVisibility.default("always"),
  maxPoints: fields.maxPoints.optional().transform((points) => points ?? null),
  rubric: fields.rubric.default([]),
};

function checkNewAssignment(input: DateInput & Figures, context: z.RefinementCtx) {
  const dates = resolveAssignmentDates(input);
  if (!dates.ok) addProblems(context, dates.fields);
  addProblems(context, figureProblems(input));
}

/** POST /api/groups/<id>/assignments: a new draft. */
export const ZCreateAssignment = z.strictObject(createFields).superRefine(checkNewAssignment).meta({ id: "NewAssignment" });
export type TCreateAssignment = z.infer<typeof ZCreateAssignment>;
/** The operation's input: the class, and the new assignment. */
export const ZCreateAssignmentInput = z.strictObject({ groupId: ZRowId, ...createFields }).superRefine(checkNewAssignment);

const updateFields = {
  title: fields.title.optional(),
  instructions: fields.instructions.optional(),
  fromParagraph: fields.fromParagraph.optional(),
  toParagraph: fields.toParagraph.optional(),
  passages: fields.passages.optional(),
  opensAt: fields.opensAt.optional(),
  dueAt: fields.dueAt.optional(),
  timeZone: fields.timeZone.optional(),
  minNotes: fields.minNotes.optional(),
  minReplies: fields.minReplies.optional(),
  requiredTypes: fields.requiredTypes.optional(),
  peerVisibility: fields.peerVisibility.optional(),
  maxPoints: fields.maxPoints.optional(),
  rubric: fields.rubric.optional(),
  state: z.enum(ASSIGNMENT_STATES, "Draft, published or closed").optional(),
};
const changesSomething = (changes: Record<string, unknown>) => Object.values(changes).some((value) => value !== undefined);

/** An edit: any of the fields, and/or a change of state (publish, close, reopen). */
export const ZUpdateAssignment = z.strictObject(updateFields).refine(changesSomething, "Nothing to change").meta({ id: "AssignmentChange" });
export type TUpdateAssignment = z.infer<typeof ZUpdateAssignment>;
/** The operation's input: the assignment, and the edit. */
export const ZUpdateAssignmentInput = z
  .strictObject({ assignmentId: ZRowId, ...updateFields })
  .refine(({ assignmentId: _assignment, ...changes }) => changesSomething(changes), "Nothing to change");
export type TUpdateAssignmentInput = z.infer<typeof ZUpdateAssignmentInput>;

/** Which state changes a teacher may make: reopening a closed assignment is allowed; back to draft is not once published. */
export const STATE_CHANGES: Record<TAssignmentState, readonly TAssignmentState[]> = {
  draft: ["published"],
  published: ["closed"],
  closed: ["published"],
};
