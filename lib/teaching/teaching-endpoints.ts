// The contracts of this capability's routes (lib/http/endpoint-contract.ts), registered in lib/openapi/endpoint-registry.ts.
import { z } from "zod";
import { ZRowId } from "../db/row-id";
import { defineEndpoint } from "../http/endpoint-contract";
import { ZCreateAssignment, ZUpdateAssignment } from "./assignment-schemas";
import { ZAssignmentList, ZAssignmentView } from "./assignment-view";
import { ZFeedbackInput, ZFeedbackList, ZFeedbackView } from "./feedback-schemas";
import { ZGradesReleased } from "./grade-operations";
import { ZGradeInput } from "./grade-schemas";
import { ZGradeView } from "./grade-view";
import { ZProgressTable } from "./progress-view";

const ZAssignmentPath = z.strictObject({ assignmentId: ZRowId });
const ASSIGNMENT_PATH = "/api/assignments/{assignmentId}";
/** Response headers, by name, as the document describes them. */
const PRIVATE = { "Cache-Control": "`private, no-store`: the answer is for this reader only" };
const DOWNLOAD = { "Content-Disposition": "`attachment`, with a file name made from the assignment's title", ...PRIVATE };

export const GET_ASSIGNMENT = defineEndpoint({
  method: "GET",
  path: ASSIGNMENT_PATH,
  operationId: "getAssignment",
  summary: "One assignment, with the reader's own progress",
  description: "Its class's members; a draft only its teachers (everyone else 404).",
  tag: "Teaching",
  security: "token-or-session",
  params: ZAssignmentPath,
  responses: { 200: { description: "The assignment", schema: ZAssignmentView, headers: PRIVATE } },
  errors: [401, 404],
});

export const UPDATE_ASSIGNMENT = defineEndpoint({
  method: "PATCH",
  path: ASSIGNMENT_PATH,
  operationId: "updateAssignment",
  summary: "Edit an assignment, or publish, close or reopen it",
  description:
    "The class's teachers. Any of the fields, and/or `state` (draft → published → closed → published). Audited. 409 for a change of state the assignment does not allow, or when it changed meanwhile.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZAssignmentPath,
  body: { schema: ZUpdateAssignment },
  responses: { 200: { description: "The assignment as it now is", schema: ZAssignmentView } },
  errors: [400, 401, 403, 404, 409, 413, 415],
});

const ZGroupPath = z.strictObject({ groupId: ZRowId });
const GROUP_ASSIGNMENTS_PATH = "/api/groups/{groupId}/assignments";

export const LIST_ASSIGNMENTS = defineEndpoint({
  method: "GET",
  path: GROUP_ASSIGNMENTS_PATH,
  operationId: "listAssignments",
  summary: "A class's assignments, by due date",
  description: "The group's members (drafts for its teachers only), with a student's own status on each.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZGroupPath,
  responses: { 200: { description: "The assignments, and whether the reader may set one", schema: ZAssignmentList, headers: PRIVATE } },
  errors: [401, 404],
});

export const CREATE_ASSIGNMENT = defineEndpoint({
  method: "POST",
  path: GROUP_ASSIGNMENTS_PATH,
  operationId: "createAssignment",
  summary: "Set a new assignment (a draft)",
  description: "A class's teachers (its students 403, a research group 403, non-members 404). Dates are wall-clock times in `timeZone`. Audited.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZGroupPath,
  body: { schema: ZCreateAssignment },
  responses: { 201: { description: "The new draft", schema: ZAssignmentView, headers: { Location: "The assignment's URL" } } },
  errors: [400, 401, 403, 404, 413, 415],
});

const GRADES_PATH = `${ASSIGNMENT_PATH}/grades`;

export const LIST_GRADES = defineEndpoint({
  method: "GET",
  path: GRADES_PATH,
  operationId: "listGrades",
  summary: "An assignment's grades",
  description: "Every grade for the class's teachers; a student's own once released; 404 when there is nothing the reader may read.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZAssignmentPath,
  responses: {
    200: { description: "The grades the reader may read", schema: z.strictObject({ grades: z.array(ZGradeView) }), headers: PRIVATE },
  },
  errors: [401, 404],
});

export const PUT_GRADE = defineEndpoint({
  method: "PUT",
  path: GRADES_PATH,
  operationId: "putGrade",
  summary: "Set one student's grade",
  description: "The class's teachers. Points may be left out when every rubric criterion is scored (they add up). Audited with the points before and after.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZAssignmentPath,
  body: { schema: ZGradeInput },
  responses: { 200: { description: "The grade as stored", schema: ZGradeView } },
  errors: [400, 401, 403, 404, 413, 415],
});

export const RELEASE_GRADES = defineEndpoint({
  method: "POST",
  path: `${GRADES_PATH}/release`,
  operationId: "releaseGrades",
  summary: "Release an assignment's grades to their students",
  description: "The class's teachers. The first release's instant is kept; only the first is audited.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZAssignmentPath,
  responses: { 200: { description: "When the grades were released", schema: ZGradesReleased } },
  errors: [401, 403, 404, 415],
});

export const GET_ASSIGNMENT_PROGRESS = defineEndpoint({
  method: "GET",
  path: `${ASSIGNMENT_PATH}/progress`,
  operationId: "getAssignmentProgress",
  summary: "The teacher's table: one row per student",
  description: "The class's teachers only (everyone else 404).",
  tag: "Teaching",
  security: "token-or-session",
  params: ZAssignmentPath,
  responses: { 200: { description: "The students' figures and grades", schema: ZProgressTable, headers: PRIVATE } },
  errors: [401, 404],
});

const ZClassNotesExportQuery = z.object({ format: z.enum(["csv", "json"], "Choose csv or json").default("csv") });

export const EXPORT_CLASS_NOTES = defineEndpoint({
  method: "GET",
  path: `${ASSIGNMENT_PATH}/export/notes`,
  operationId: "exportClassNotes",
  summary: "Download the class's notes and replies on an assignment",
  description:
    "The class's teachers only (everyone else 404). `format=csv` (the default) answers text/csv; `format=json` answers an application/json download of the shape `ClassNotesExport`.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZAssignmentPath,
  query: ZClassNotesExportQuery,
  responses: { 200: { description: "The live notes and replies, oldest first, as a download", mediaType: "text/csv", headers: DOWNLOAD } },
  errors: [400, 401, 404],
});

export const EXPORT_GRADEBOOK = defineEndpoint({
  method: "GET",
  path: `${ASSIGNMENT_PATH}/export/gradebook.csv`,
  operationId: "exportGradebook",
  summary: "Download the gradebook (CSV)",
  description: "The class's teachers only (everyone else 404): one row per student, the table's figures, the points and the rubric scores.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZAssignmentPath,
  responses: { 200: { description: "The gradebook, as a download", mediaType: "text/csv", headers: DOWNLOAD } },
  errors: [401, 404],
});

const ZNotePath = z.strictObject({ noteId: ZRowId });
const FEEDBACK_PATH = "/api/notes/{noteId}/feedback";

export const LIST_FEEDBACK = defineEndpoint({
  method: "GET",
  path: FEEDBACK_PATH,
  operationId: "listFeedback",
  summary: "The private feedback on a student's assignment note",
  description: "The note's author and the class's teachers; 404 for everyone else.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZNotePath,
  responses: { 200: { description: "The feedback, oldest first, and whether the reader may add some", schema: ZFeedbackList, headers: PRIVATE } },
  errors: [401, 404],
});

export const ADD_FEEDBACK = defineEndpoint({
  method: "POST",
  path: FEEDBACK_PATH,
  operationId: "addFeedback",
  summary: "Give private feedback on a student's note",
  description: "The class's teachers (the student 403, classmates and outsiders 404). Audited, without its text.",
  tag: "Teaching",
  security: "token-or-session",
  params: ZNotePath,
  body: { schema: ZFeedbackInput },
  responses: { 201: { description: "The feedback", schema: ZFeedbackView } },
  errors: [400, 401, 403, 404, 413, 415],
});
