import pg from "pg";
import { performance } from "node:perf_hooks";
import { hashPassword } from "../../lib/auth/password/hash-password";
import { signInOverHttp } from "./sign-in-for-bench";

const SLUG = "reply-to-stalin";
const TEACHER_EMAIL = "bench-teacher@bench.marginalia";
const TEACHER_PASSWORD = "bench-teacher-password-1928";

/**
 * A class of 300 students with 30 notes each (and a reply each to a classmate) on one published assignment, written
 * by the server in a few statements; returns the assignment's id and the teacher's credentials.
 */
async function generateClass(url: string, { students = 300, notesEach = 30 } = {}): Promise<{ assignmentId: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows: teacher } = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, "passwordHash", "displayName", trusted, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Bench teacher', true, now()) RETURNING id`,
      [TEACHER_EMAIL, await hashPassword(TEACHER_PASSWORD)],
    );
    const teacherId = teacher[0]!.id;
    const { rows: group } = await client.query<{ id: string }>(
      `INSERT INTO "Group" (id, kind, name, "createdById", "updatedAt") VALUES (gen_random_uuid(), 'class', 'Bench class', $1, now()) RETURNING id`,
      [teacherId],
    );
    const classId = group[0]!.id;
    await client.query(`INSERT INTO "Membership" ("groupId", "userId", role) VALUES ($1, $2, 'owner')`, [classId, teacherId]);
    const { rows: studentRows } = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, "displayName", "updatedAt") SELECT gen_random_uuid(), 'Bench student ' || n, now() FROM generate_series(1, $1) AS n RETURNING id`,
      [students],
    );
    const studentIds = studentRows.map((row) => row.id);
    await client.query(`INSERT INTO "Membership" ("groupId", "userId", role) SELECT $1, id, 'member' FROM unnest($2::uuid[]) AS id`, [classId, studentIds]);
    const { rows: assignment } = await client.query<{ id: string }>(
      `INSERT INTO "Assignment" (id, "groupId", "documentId", title, instructions, "fromOrdinal", "toOrdinal", "opensAt", "dueAt", "timeZone",
                                 "minNotes", "minReplies", "requiredTypes", "peerVisibility", state, "maxPoints", "createdById", "updatedAt")
       SELECT gen_random_uuid(), $1, d.id, 'Bench assignment', 'Annotate.', 1, 40, now() - interval '30 days', now() - interval '1 day', 'Europe/London',
              20, 5, ARRAY['person','place']::"ReferenceType"[], 'always', 'published', 20, $2, now()
       FROM "Document" d WHERE d.slug = $3 RETURNING id`,
      [classId, teacherId, SLUG],
    );
    const assignmentId = assignment[0]!.id;
    await client.query(
      `WITH paragraphs AS (
         SELECT p.id, p."documentId", row_number() OVER (ORDER BY p.ordinal) - 1 AS i FROM "Paragraph" p JOIN "Document" d ON d.id = p."documentId"
         WHERE d.slug = $4 AND p."anchorId" LIKE 'p%'
       ), counted AS (SELECT count(*) AS total FROM paragraphs)
       INSERT INTO "Note" (id, "documentId", "paragraphId", "authorId", visibility, "groupId", "assignmentId", "referenceType", body, tags, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), para."documentId", para.id, s.id, 'group', $1, $2,
              (ARRAY['person','organisation','place','event','work','concept','law','other'])[1 + (s.n + k) % 8]::"ReferenceType",
              'Student note ' || k || ' by ' || s.n || ': the words of the commentary, a sentence or two about the passage.', '{}',
              now() - ((s.n + k) || ' hours')::interval, now()
       FROM (SELECT id, row_number() OVER () AS n FROM unnest($3::uuid[]) AS id) s
       CROSS JOIN generate_series(1, ${notesEach}) AS k CROSS JOIN counted
       JOIN paragraphs para ON para.i = (s.n + k) % counted.total`,
      [classId, assignmentId, studentIds, SLUG],
    );
    // Each student answers the next student's first note.
    await client.query(
      `WITH firsts AS (SELECT DISTINCT ON ("authorId") id, "authorId", "paragraphId", "documentId" FROM "Note" WHERE "assignmentId" = $1 AND "threadId" IS NULL ORDER BY "authorId", "createdAt"),
            ordered AS (SELECT *, row_number() OVER (ORDER BY "authorId") AS r, count(*) OVER () AS c FROM firsts)
       INSERT INTO "Note" (id, "documentId", "paragraphId", "authorId", visibility, "groupId", "assignmentId", "referenceType", body, tags, "threadId", "threadStatus", "parentId", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), target."documentId", target."paragraphId", writer."authorId", 'group', $2, $1, 'other', 'A reply to a classmate.', '{}', target.id, 'approved', target.id, now(), now()
       FROM ordered writer JOIN ordered target ON target.r = 1 + writer.r % writer.c`,
      [assignmentId, classId],
    );
    await client.query("COMMIT");
    await client.query('ANALYZE "Note"');
    return { assignmentId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The teacher's assignment table for 300 students × 30 notes: p50/p95 over sequential requests (target p95 < 200 ms). */
export async function benchTeaching(base: string, databaseUrl: string): Promise<string[]> {
  const started = performance.now();
  const { assignmentId } = await generateClass(databaseUrl);
  const generatedSeconds = (performance.now() - started) / 1000;
  const { cookie } = await signInOverHttp(base, TEACHER_EMAIL, TEACHER_PASSWORD);
  const samples: number[] = [];
  const once = async () => {
    const response = await fetch(`${base}/api/assignments/${assignmentId}/progress`, { headers: { cookie } });
    if (!response.ok) throw new Error(`progress: HTTP ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 10; i += 1) await once();
  for (let i = 0; i < 50; i += 1) {
    const at = performance.now();
    await once();
    samples.push(performance.now() - at);
  }
  samples.sort((a, b) => a - b);
  const p = (fraction: number) => samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))]!;
  return [
    `class of 300 students × 30 notes (+ a reply each), generated in ${generatedSeconds.toFixed(1)} s`,
    `  GET /api/assignments/<id>/progress (teacher's table)  p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms over 50 sequential requests (target p95 < 200 ms, HTTP included)`,
  ];
}
