import { writeFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { listNotes } from "../../lib/annotations/list-notes";
import { ZNoteListQuery } from "../../lib/annotations/note-schemas";
import { systemClock } from "../../lib/auth/clock";
import { actorForSession, createSession } from "../../lib/auth/sessions";
import { PrismaClient } from "../../lib/db/generated/client";
import { loadRequestContext } from "../../lib/request/request-context";

type Statement = { text: string; values: unknown[] };

/**
 * What one notes API request sends to PostgreSQL, for the pg baseline (/api/bench/notes-sql): the request's own steps in
 * process — the session check, the reader's context, the list — on a client whose connections record each statement
 * with its values, for a session of the same reader. The response body is the API's, fetched over HTTP, so the
 * baseline answers the same bytes.
 */
export async function captureNotesSql(
  databaseUrl: string,
  readerId: string,
  slug: string,
  requests: Record<string, { query: Record<string, string>; body: string }>,
  file: string,
): Promise<void> {
  const recorded: Statement[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string; values?: unknown[] };
      recorded.push(typeof first === "string" ? { text: first, values: (args[1] as unknown[]) ?? [] } : { text: first.text, values: first.values ?? [] });
      return original(...args);
    };
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    const { id: sessionId } = await createSession(prisma, { userId: readerId, method: "password" }, systemClock);
    const captured: Record<string, { statements: Statement[]; body: string }> = {};
    for (const [name, request] of Object.entries(requests)) {
      // Once to warm the client (its first statements set the connection up), then the request that is kept.
      for (const keep of [false, true]) {
        const from = recorded.length;
        const actor = await actorForSession(prisma, sessionId, systemClock);
        await listNotes(prisma, await loadRequestContext(prisma, actor), slug, ZNoteListQuery.parse(request.query));
        if (keep) captured[name] = { statements: recorded.slice(from), body: request.body };
      }
    }
    writeFileSync(file, JSON.stringify(captured));
  } finally {
    await prisma.$disconnect();
    await pool.end().catch(() => {});
  }
}
