// npm run soak: the app under load, through database outages and fuzzing, on the production build; prints figures
// and ends with "soak: N problems" (exit 1 if N > 0). Not part of npm test. Runs once on the PostgreSQL server
// (TEST_DATABASE_URL / DATABASE_URL, else 127.0.0.1:5432) and once on a throw-away embedded PostgreSQL.
// SOAK_SECONDS (default 60) sets the load phase; SOAK_FUZZ (default 5000) the number of fuzzed requests.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { hashPassword } from "../lib/auth/password/hash-password";
import { exitWithError, step } from "./lib/fail";
import { loadDotEnv } from "./lib/load-dotenv";
import { ensureProductionBuild } from "./lib/run-next-build";
import { createScratchDatabase } from "./lib/scratch-database";
import { seedDatabase } from "./lib/seed";
import { serveForBench } from "./lib/serve-for-bench";
import { signInOverHttp } from "./lib/sign-in-for-bench";
import { startTcpProxy, type ProxyMode } from "./lib/tcp-proxy";
import { fuzz } from "./lib/soak-fuzz";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const FUZZ = Number(process.env.SOAK_FUZZ ?? 5000);
const SLUG = "reply-to-stalin";
const PASSWORD = "soak test passphrase of 1928";

type Outcome = { kind: string; status: number; ms: number; at: number; token?: string; id?: string; during: ProxyMode };
type Actor = { name: string; cookie: string; id: string; privateToken?: string };

class Problems {
  list: string[] = [];
  add(text: string) {
    if (this.list.length < 200) this.list.push(text);
    else if (this.list.length === 200) this.list.push("… more problems left out");
  }
}

function countBy<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort().map(([name, count]) => `${name} ${count}`).join(", ");
}

/** Users made directly in the database (confirmed, trusted), then signed in over HTTP as a browser would. */
async function makeActors(databaseUrl: string, base: string, prefix: string, count: number): Promise<Actor[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const hash = await hashPassword(PASSWORD);
  const actors: Actor[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const email = `${prefix}-${index}@soak.marginalia`;
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "User" (id, email, "passwordHash", "displayName", trusted, "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, true, now()) RETURNING id`,
        [email, hash, `Soak ${prefix} ${index}`],
      );
      actors.push({ name: `${prefix}-${index}`, id: rows[0]!.id, cookie: (await signInOverHttp(base, email, PASSWORD)).cookie });
    }
  } finally {
    await client.end();
  }
  return actors;
}

async function call(base: string, actor: Actor | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(actor ? { cookie: actor.cookie } : {}), ...(body === undefined ? {} : { "content-type": "application/json", origin: base }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started, etag: response.headers.get("etag") };
  } catch {
    return { status: 0, text: "", ms: performance.now() - started, etag: null };
  }
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

async function soakOn(label: string, serverUrl: string | undefined, problems: Problems) {
  const database = await createScratchDatabase("msoak", serverUrl);
  step(`soak (${label}): ${database.description}`);
  const target = new URL(database.url);
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  const viaProxy = new URL(database.url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  try {
    await seedDatabase(database.url, { demo: true });
    const app = await serveForBench(viaProxy.toString(), { LOG_LEVEL: "error", TRUSTED_PROXIES: "127.0.0.1" });
    const base = app.base;
    try {
      const readers = await makeActors(database.url, base, "reader", 20);
      const writers = await makeActors(database.url, base, "writer", 5);
      const reviewer = { name: "reviewer", id: "", cookie: (await signInOverHttp(base, "reviewer@demo.marginalia", "marginalia-demo-1928")).cookie };
      // Each reader keeps a private note: nobody else may ever receive it.
      for (const reader of readers) {
        reader.privateToken = `PRIVATE-${reader.name}-${Math.random().toString(36).slice(2)}`;
        const made = await call(base, reader, "POST", `/api/documents/${SLUG}/notes`, { paragraph: "p5", referenceType: "other", body: `${reader.privateToken}`, visibility: "private" });
        if (made.status !== 201) problems.add(`${label}: the private note of ${reader.name} was not created (${made.status})`);
      }
      const privateOwner = new Map(readers.map((reader) => [reader.privateToken!, reader.name]));

      const outcomes: Outcome[] = [];
      const started = Date.now();
      let mode: ProxyMode = "pass";
      let leaks = 0;
      const ends = started + SECONDS * 1000;
      // The database is cut twice, each for 10 s: connections refused and reset, then accepted but silent.
      const cuts: { from: number; to: number; mode: ProxyMode }[] = [
        { from: started + SECONDS * 250, to: started + SECONDS * 250 + 10_000, mode: "refuse" },
        { from: started + SECONDS * 600, to: started + SECONDS * 600 + 10_000, mode: "silent" },
      ];
      const restoredAt: number[] = [];
      const schedule = setInterval(() => {
        const now = Date.now();
        const cut = cuts.find((candidate) => now >= candidate.from && now < candidate.to);
        const next = cut?.mode ?? "pass";
        if (next !== mode) {
          if (next === "pass") restoredAt.push(now);
          mode = next;
          proxy.setMode(next);
        }
      }, 50);
      const record = (kind: string, result: { status: number; ms: number }, extra: Partial<Outcome> = {}) =>
        outcomes.push({ kind, status: result.status, ms: result.ms, at: Date.now(), during: mode, ...extra });

      const publicNotes: { id: string; etag: string | null; owner: string }[] = [];
      async function reader(actor: Actor) {
        while (Date.now() < ends) {
          const path = Math.random() < 0.15 ? `/letters/${SLUG}` : `/api/documents/${SLUG}/notes?limit=100&sort=newest`;
          const result = await call(base, actor, "GET", path);
          record(path.startsWith("/api") ? "read notes" : "read page", result);
          for (const match of result.text.matchAll(/PRIVATE-reader-\d+-[a-z0-9]+/g)) {
            if (privateOwner.get(match[0]) !== actor.name) {
              leaks += 1;
              problems.add(`${label}: ${actor.name} received ${privateOwner.get(match[0])}'s private note`);
            }
          }
        }
      }
      async function writer(actor: Actor) {
        let written = 0;
        while (Date.now() < ends) {
          const token = `SOAK-${actor.name}-${(written += 1)}-${Math.random().toString(36).slice(2, 8)}`;
          const roll = Math.random();
          if (roll < 0.4 || publicNotes.length < 3) {
            const result = await call(base, actor, "POST", `/api/documents/${SLUG}/notes`, { paragraph: pick(["p2", "p7", "p12", "p20"]), referenceType: "event", body: token, visibility: "public" });
            let id: string | undefined;
            if (result.status === 201) {
              id = (JSON.parse(result.text) as { id: string }).id;
              publicNotes.push({ id, etag: result.etag, owner: actor.name });
            }
            record("create note", result, { token, id });
          } else if (roll < 0.65) {
            const note = pick(publicNotes);
            record("reply", await call(base, actor, "POST", `/api/notes/${note.id}/replies`, { body: token }), { token });
          } else if (roll < 0.8) {
            const own = publicNotes.filter((note) => note.owner === actor.name);
            if (!own.length) continue;
            const note = pick(own);
            const result = await call(base, actor, "PATCH", `/api/notes/${note.id}`, { body: `${token} (edited)` }, note.etag ? { "if-match": note.etag } : {});
            if (result.status === 200) note.etag = result.etag;
            record("edit (If-Match)", result, { token: `${token} (edited)` });
          } else {
            const note = pick(publicNotes.filter((candidate) => candidate.owner !== actor.name));
            if (!note) continue;
            record("flag", await call(base, actor, "POST", `/api/notes/${note.id}/flags`, { reason: pick(["inaccurate", "off_topic", "other"]) }));
          }
        }
      }
      async function moderator() {
        while (Date.now() < ends) {
          const note = publicNotes.length ? pick(publicNotes) : null;
          if (!note) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            continue;
          }
          const current = await call(base, reviewer, "GET", `/api/notes/${note.id}`);
          if (current.status !== 200) {
            record("decision", current);
            continue;
          }
          const { moderationRevision, moderationStatus } = JSON.parse(current.text) as { moderationRevision: number; moderationStatus: string };
          const action = moderationStatus === "hidden" ? { action: "restore" } : { action: "hide", reason: "Soak test decision" };
          record("decision", await call(base, reviewer, "POST", `/api/notes/${note.id}/decisions`, { ...action, basedOn: moderationRevision }));
        }
      }
      step(`soak (${label}): 20 readers, 5 writers and a reviewer for ${SECONDS} s; the database cut twice for 10 s`);
      await Promise.all([...readers.map(reader), ...writers.map(writer), moderator()]);
      clearInterval(schedule);
      proxy.setMode("pass");

      // Afterwards: every write answered 2xx exists exactly once; none answered 4xx left anything.
      const check = new pg.Client({ connectionString: database.url });
      await check.connect();
      let inDoubt = 0;
      try {
        for (const outcome of outcomes.filter((item) => item.token)) {
          // The notes (or replies) that hold this text now or held it before a later edit (NoteRevision).
          const { rows } = await check.query<{ n: number }>(
            `SELECT count(DISTINCT id)::int AS n FROM (SELECT id FROM "Note" WHERE body = $1 UNION ALL SELECT "noteId" FROM "NoteRevision" WHERE body = $1) AS holding`,
            [outcome.token],
          );
          const found = rows[0]!.n;
          if (outcome.status >= 200 && outcome.status < 300 && found !== 1) problems.add(`${label}: ${outcome.kind} answered ${outcome.status} but is stored ${found} times`);
          else if (outcome.status >= 400 && outcome.status < 500 && outcome.status !== 412 && found !== 0) problems.add(`${label}: ${outcome.kind} answered ${outcome.status} but left ${found} rows`);
          else if (outcome.status === 412 && found !== 0) problems.add(`${label}: a stale edit (412) was stored`);
          else if ((outcome.status === 503 || outcome.status === 0) && found > 1) problems.add(`${label}: ${outcome.kind} answered ${outcome.status} and is stored ${found} times`);
          if (outcome.status === 503 || outcome.status === 0) inDoubt += found;
        }
      } finally {
        await check.end();
      }

      // During the cuts: only 503 (no 500), each within 5 s; after each restore, 2xx again within 5 s.
      const inCut = outcomes.filter((item) => item.during !== "pass");
      for (const item of inCut) {
        if (item.status >= 500 && item.status !== 503) problems.add(`${label}: ${item.kind} answered ${item.status} during the ${item.during} cut`);
        if (item.ms > 5000) problems.add(`${label}: ${item.kind} took ${(item.ms / 1000).toFixed(1)} s during the ${item.during} cut`);
      }
      for (const at of restoredAt) {
        const firstOk = outcomes.find((item) => item.at > at && item.status >= 200 && item.status < 300 && item.kind === "read notes");
        const after = firstOk ? (firstOk.at - at) / 1000 : Infinity;
        if (after > 5) problems.add(`${label}: no successful read within 5 s of restoring the database (${after.toFixed(1)} s)`);
        else console.log(`  ${label}: 2xx again ${after.toFixed(1)} s after the database came back`);
      }
      const outsideCuts = outcomes.filter((item) => item.during === "pass" && !restoredAt.some((at) => item.at > at && item.at < at + 5000));
      for (const item of outsideCuts) if (item.status >= 500 || item.status === 0) problems.add(`${label}: ${item.kind} answered ${item.status} with the database up`);
      console.log(`  ${label}: ${outcomes.length} requests: ${countBy(outcomes, (item) => `${item.status}`)}`);
      console.log(`  ${label}: by kind: ${countBy(outcomes, (item) => `${item.kind}:${item.status}`)}`);
      console.log(`  ${label}: during the cuts: ${countBy(inCut, (item) => `${item.during}:${item.status}`)}; slowest ${Math.max(0, ...inCut.map((item) => item.ms)).toFixed(0)} ms`);
      console.log(`  ${label}: writes answered 503 or cut off and yet stored (in doubt, then found wholly present): ${inDoubt}; private-note leaks: ${leaks}`);

      step(`soak (${label}): ${FUZZ} fuzzed requests`);
      const fuzzed = await fuzz(base, { cookie: writers[0]!.cookie, count: FUZZ, noteId: publicNotes[0]?.id ?? null });
      console.log(`  ${label}: fuzz: ${fuzzed.sent} requests: ${fuzzed.byStatus}; hanging connections ${fuzzed.hanging}`);
      for (const problem of fuzzed.problems) problems.add(`${label}: fuzz: ${problem}`);
    } finally {
      await app.stop();
    }
  } finally {
    await proxy.close();
    await database.drop();
  }
}

async function main() {
  loadDotEnv();
  step((await ensureProductionBuild()) ? "soak: production build done" : "soak: production build is current");
  const problems = new Problems();
  const started = performance.now();
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  await soakOn("PostgreSQL server", serverUrl, problems);
  console.log(`  (server run done in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const embeddedStarted = performance.now();
  await soakOn("embedded PostgreSQL", undefined, problems);
  console.log(`  (embedded run done in ${((performance.now() - embeddedStarted) / 1000).toFixed(0)} s)`);
  for (const problem of problems.list) console.log(`  problem: ${problem}`);
  console.log(`soak: ${problems.list.length} problems`);
  process.exitCode = problems.list.length ? 1 : 0;
}

main().catch(exitWithError);
