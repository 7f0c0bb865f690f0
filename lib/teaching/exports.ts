import { z } from "zod";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/can";
import type { Clock } from "../auth/clock";
import type { PrismaClient } from "../db/create-prisma-client";
import { toCsv, type CsvCell } from "../export/csv";
import { progressTable } from "./progress-queries";
import { loadTeachingAssignment } from "./teaching-assignment";

const iso = (date: Date | null) => date?.toISOString() ?? "";

/** A file name from the assignment's title: letters, digits and dashes only (safe in Content-Disposition). */
export function exportFileName(title: string, suffix: string, extension: string): string {
  const stem = title.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 60) || "assignment";
  return `${stem}-${suffix}.${extension}`;
}

/** The gradebook: one row per student of the class, the teacher's table's figures and the grade. Teachers only. */
export async function gradebookCsv(prisma: PrismaClient, actor: Actor, assignmentId: string, clock: Clock) {
  const loaded = await loadTeachingAssignment(prisma, actor, assignmentId);
  assertCan(actor, "gradebook:export", loaded.classResource);
  const { assignment, rows } = await progressTable(prisma, loaded.assignment, clock.now());
  const criteria = assignment.rubric.map((criterion) => criterion.criterion);
  const header = [
    "student_id", "student", "notes", "replies", "words", "reference_types", "requirements_met", "status",
    "first_activity", "last_activity", "late", "points", "max_points", ...criteria.map((name) => `rubric: ${name}`), "comment",
  ];
  const lines = rows.map((row): CsvCell[] => {
    const scores = new Map(row.grade?.rubricScores.map((score) => [score.criterion, score.points]));
    return [
      row.student.id, row.student.displayName, row.notes, row.replies, row.words, row.referenceTypes.join(" "),
      row.requirementsMet ? "yes" : "no", row.status, iso(row.firstActivity), iso(row.lastActivity), row.late ? "yes" : "no",
      row.grade?.points ?? "", assignment.maxPoints ?? "", ...criteria.map((name) => scores.get(name) ?? ""), row.grade?.comment ?? "",
    ];
  });
  return { fileName: exportFileName(assignment.title, "gradebook", "csv"), csv: toCsv(header, lines) };
}

const ZExportedNote = z.strictObject({
  id: z.uuid(),
  threadId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  author: z.strictObject({ id: z.uuid(), displayName: z.string() }),
  paragraph: z.string(),
  quote: z.string().nullable(),
  referenceType: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  moderationStatus: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ExportedNote = z.infer<typeof ZExportedNote>;

/** The class's notes export as JSON (?format=json): the assignment, and its live notes and replies oldest first. */
export const ZClassNotesExport = z
  .strictObject({ assignment: z.strictObject({ id: z.uuid(), title: z.string() }), notes: z.array(ZExportedNote) })
  .meta({ id: "ClassNotesExport" });

/**
 * The class's notes and replies on an assignment (live ones; deleted work is gone), oldest first. Teachers only: they
 * read every note of their class whatever the assignment's peer visibility, so nothing here is filtered further.
 */
export async function classNotesForExport(prisma: PrismaClient, actor: Actor, assignmentId: string) {
  const { assignment, classResource } = await loadTeachingAssignment(prisma, actor, assignmentId);
  assertCan(actor, "gradebook:export", classResource);
  const threads = await prisma.note.findMany({
    where: { assignmentId: assignment.id, threadId: null, groupId: assignment.groupId, visibility: "group" },
    select: { id: true },
  });
  const threadIds = threads.map((thread) => thread.id);
  const notes = await prisma.note.findMany({
    where: {
      deletedAt: null,
      groupId: assignment.groupId,
      visibility: "group",
      OR: [{ id: { in: threadIds } }, { threadId: { in: threadIds } }],
    },
    select: {
      id: true, threadId: true, parentId: true, quoteExact: true, referenceType: true, body: true, tags: true, moderationStatus: true,
      createdAt: true, updatedAt: true, author: { select: { id: true, displayName: true } }, paragraph: { select: { anchorId: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const exported: ExportedNote[] = notes.map((note) => ({
    id: note.id,
    threadId: note.threadId,
    parentId: note.parentId,
    author: note.author,
    paragraph: note.paragraph.anchorId ?? "",
    quote: note.quoteExact,
    referenceType: note.referenceType,
    body: note.body,
    tags: note.tags,
    moderationStatus: note.moderationStatus,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  }));
  return { assignment: { id: assignment.id, title: assignment.title }, notes: exported };
}

export async function classNotesCsv(prisma: PrismaClient, actor: Actor, assignmentId: string) {
  const { assignment, notes } = await classNotesForExport(prisma, actor, assignmentId);
  const header = ["id", "thread_id", "parent_id", "author_id", "author", "paragraph", "quote", "reference_type", "body", "tags", "moderation_status", "created_at", "updated_at"];
  const lines = notes.map((note): CsvCell[] => [
    note.id, note.threadId, note.parentId, note.author.id, note.author.displayName, note.paragraph, note.quote, note.referenceType,
    note.body, note.tags.join(" "), note.moderationStatus, note.createdAt, note.updatedAt,
  ]);
  return { fileName: exportFileName(assignment.title, "notes", "csv"), csv: toCsv(header, lines) };
}
