import pg from "pg";

/**
 * 100,000 notes on the letter for the benchmark, written by the server itself (INSERT … SELECT over generate_series:
 * one statement per kind, seconds not minutes): 80,000 notes across 200 users, 20 groups and all three visibilities,
 * and 20,000 replies in their threads. Passages are real: each note quotes a span of its paragraph's stored text
 * with code-point offsets (the letter is in the Basic Multilingual Plane, so SQL's character offsets are code points).
 * Bodies mix a few dozen common words with one rare word ("zinovievite") in about 1 note in 10,000.
 */
export type BenchNotes = { notes: number; replies: number; readerId: string; readerGroups: number; userIds: string[] };

const WORDS = [
  "opposition", "faction", "party", "congress", "exile", "letter", "bureaucracy", "thermidor", "proletariat", "comintern",
  "central", "committee", "policy", "revolution", "peasants", "workers", "china", "germany", "declaration", "article",
  "moscow", "struggle", "renunciation", "ultimatum", "isolation", "repression", "history", "source", "archive", "reading",
];

export async function generateBenchNotes(url: string, { notes = 80_000, replies = 20_000, users = 200, groups = 20 } = {}): Promise<BenchNotes> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows: userRows } = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, "displayName", "updatedAt") SELECT gen_random_uuid(), 'Bench reader ' || n, now() FROM generate_series(1, $1) AS n RETURNING id`,
      [users],
    );
    const userIds = userRows.map((row) => row.id);
    const { rows: groupRows } = await client.query<{ id: string }>(
      `INSERT INTO "Group" (id, kind, name, "createdById", "updatedAt") SELECT gen_random_uuid(), 'research', 'Bench group ' || n, $1, now() FROM generate_series(1, $2) AS n RETURNING id`,
      [userIds[0], groups],
    );
    const groupIds = groupRows.map((row) => row.id);
    // Each user belongs to two groups (so group notes are visible to about a tenth of the readers).
    await client.query(
      `INSERT INTO "Membership" ("groupId", "userId", role)
       SELECT g.groups[1 + (u.n + k) % array_length(g.groups, 1)], u.id, 'member'
       FROM (SELECT id, row_number() OVER () AS n FROM unnest($1::uuid[]) AS id) u, (SELECT $2::uuid[] AS groups) g, generate_series(0, 1) AS k
       ON CONFLICT DO NOTHING`,
      [userIds, groupIds],
    );
    await client.query(
      `WITH paragraphs AS (
         SELECT p.id, p."documentId", p.text, char_length(p.text) AS length, row_number() OVER (ORDER BY p.ordinal) - 1 AS i
         FROM "Paragraph" p JOIN "Document" d ON d.id = p."documentId"
         WHERE d.slug = 'reply-to-stalin' AND p."anchorId" IS NOT NULL AND char_length(p.text) > 40
       ), counted AS (SELECT count(*) AS total FROM paragraphs),
       draft AS (
         SELECT n, para.*, (n * 7919) % greatest(para.length - 30, 1) AS start, 8 + (n % 40) AS size,
                CASE WHEN n % 10 < 6 THEN 'public' WHEN n % 10 < 8 THEN 'group' ELSE 'private' END AS visibility
         FROM generate_series(1, $1) AS n CROSS JOIN counted
         JOIN paragraphs para ON para.i = (n * 13) % counted.total
       )
       INSERT INTO "Note" (id, "documentId", "paragraphId", "authorId", visibility, "groupId", "quoteExact", "quotePrefix", "quoteSuffix",
                           "positionStart", "positionEnd", "referenceType", body, tags, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), d."documentId", d.id, ($2::uuid[])[1 + n % array_length($2::uuid[], 1)], d.visibility::"NoteVisibility",
              CASE WHEN d.visibility = 'group' THEN ($3::uuid[])[1 + n % array_length($3::uuid[], 1)] END,
              substr(d.text, d.start + 1, least(d.size, d.length - d.start)),
              substr(d.text, greatest(d.start - 31, 1), least(32, d.start)),
              substr(d.text, d.start + 1 + least(d.size, d.length - d.start), 32),
              d.start, d.start + least(d.size, d.length - d.start),
              (ARRAY['person','organisation','place','event','work','concept','law','other'])[1 + n % 8]::"ReferenceType",
              'Bench note ' || n || ': the ' || ($4::text[])[1 + n % 30] || ' and the ' || ($4::text[])[1 + (n / 30) % 30] ||
                ' of ' || ($4::text[])[1 + (n / 900) % 30] || CASE WHEN n % 10000 = 0 THEN ' zinovievite' ELSE '' END || '.',
              ARRAY[($4::text[])[1 + n % 30], 'bench'], now() - (n || ' seconds')::interval, now()
       FROM draft d`,
      [notes, userIds, groupIds, WORDS],
    );
    await client.query(
      `WITH roots AS (SELECT id, "documentId", "paragraphId", visibility, "groupId", "referenceType", row_number() OVER (ORDER BY "createdAt" DESC) AS r
                      FROM "Note" WHERE body LIKE 'Bench note %' AND "threadId" IS NULL)
       INSERT INTO "Note" (id, "documentId", "paragraphId", "authorId", visibility, "groupId", "referenceType", body, tags, "threadId", "threadStatus", "parentId", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), roots."documentId", roots."paragraphId", ($2::uuid[])[1 + n % array_length($2::uuid[], 1)], roots.visibility, roots."groupId",
              roots."referenceType", 'Bench reply ' || n || ' on the ' || ($3::text[])[1 + n % 30] || '.', '{}', roots.id, 'approved', roots.id, now(), now()
       FROM generate_series(1, $1) AS n JOIN roots ON roots.r = 1 + (n * 17) % ($1 / 2)`,
      [replies, userIds, WORDS],
    );
    await client.query(
      `UPDATE "Note" n SET "replyCount" = c.count FROM (SELECT "threadId", count(*) AS count FROM "Note" WHERE "threadId" IS NOT NULL GROUP BY 1) c WHERE n.id = c."threadId"`,
    );
    await client.query("COMMIT");
    await client.query('ANALYZE "Note"');
    const readerGroups = await client.query(`SELECT count(*)::int AS count FROM "Membership" WHERE "userId" = $1`, [userIds[1]]);
    return { notes, replies, readerId: userIds[1]!, readerGroups: readerGroups.rows[0].count, userIds };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
