// npm run probe:clients — concurrent API clients against a running Marginalia (default http://localhost:3000), as
// several readers at once would use it; prints what went wrong, asserts nothing. Each of 8 clients signs in, writes
// a public and a private note, checks another client cannot read its private note, replies, edits with If-Match
// (then once more with the stale ETag, expecting 412), flags a demo note; meanwhile the demo reviewer approves the
// new notes. A round is clean when every answer is the one expected. ROUNDS (default 8) rounds run one after another.
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD } from "../lib/demo/demo-accounts";
import { signInOverHttp } from "./lib/sign-in-for-bench";

const base = process.argv[2] ?? "http://localhost:3000";
const rounds = Number(process.env.ROUNDS ?? 8);
const CLIENTS = 8;
const SLUG = "reply-to-stalin";
const PASSWORD = "probe passphrase of 1928, long enough";

type Call = { method?: string; path: string; cookie: string; body?: unknown; headers?: Record<string, string> };

async function call({ method = "GET", path, cookie, body, headers = {} }: Call): Promise<{ status: number; json: any; etag: string | null }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Cookie: cookie, Origin: base, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text.slice(0, 120);
  }
  return { status: response.status, json, etag: response.headers.get("etag") };
}

const note = (visibility: "public" | "private", body: string) => ({ paragraph: "p3", referenceType: "person", body, visibility });

async function accounts(): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const email = `probe-${randomBytes(4).toString("hex")}@example.org`;
    const response = await fetch(`${base}/api/account/sign-up`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: base },
      body: JSON.stringify({ email, password: PASSWORD, displayName: `Probe ${i + 1}` }),
    });
    if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
    emails.push(email);
  }
  return emails;
}

async function client(email: string, flagged: string, problems: string[], others: () => string[]): Promise<string> {
  const expect = (what: string, got: number, wanted: number) => {
    if (got !== wanted) problems.push(`${what}: ${got} instead of ${wanted}`);
  };
  const { cookie } = await signInOverHttp(base, email, PASSWORD);
  const created = await call({ method: "POST", path: `/api/documents/${SLUG}/notes`, cookie, body: note("public", `Probe note by ${email}.`) });
  expect("create public note", created.status, 201);
  const secret = await call({ method: "POST", path: `/api/documents/${SLUG}/notes`, cookie, body: note("private", `Private probe note by ${email}.`) });
  expect("create private note", secret.status, 201);
  const mine = await call({ path: `/api/notes/${created.json?.id}`, cookie });
  expect("read own note", mine.status, 200);
  for (const other of others()) {
    const peek = await call({ path: `/api/notes/${secret.json?.id}`, cookie: other });
    expect("another reader reads a private note", peek.status, 404);
  }
  const reply = await call({ method: "POST", path: `/api/notes/${created.json?.id}/replies`, cookie, body: { body: "A reply of the probe." } });
  expect("reply", reply.status, 201);
  const edit = await call({ method: "PATCH", path: `/api/notes/${created.json?.id}`, cookie, body: { body: "Edited by the probe." }, headers: { "If-Match": mine.etag ?? "" } });
  expect("edit with If-Match", edit.status, 200);
  const stale = await call({ method: "PATCH", path: `/api/notes/${created.json?.id}`, cookie, body: { body: "Stale edit." }, headers: { "If-Match": mine.etag ?? "" } });
  expect("stale edit", stale.status, 412);
  const flag = await call({ method: "POST", path: `/api/notes/${flagged}/flags`, cookie, body: { reason: "inaccurate", comment: "Probe flag." } });
  // Once per reader: the first round's flag is new (201), the later ones conflict with it (409).
  if (flag.status !== 201 && flag.status !== 409) problems.push(`flag: ${flag.status} instead of 201 or 409`);
  return created.json?.id;
}

async function main() {
  const emails = await accounts();
  const reviewer = (await signInOverHttp(base, "reviewer@demo.marginalia", DEMO_PASSWORD)).cookie;
  const page = await call({ path: `/api/documents/${SLUG}/notes`, cookie: "" });
  const flagged: string | undefined = page.json?.notes?.[0]?.id;
  if (!flagged) throw new Error("no public note to flag (is this a demo instance?)");
  let clean = 0;
  const tally = new Map<string, number>();
  for (let round = 1; round <= rounds; round += 1) {
    const problems: string[] = [];
    const cookies: string[] = [];
    for (const email of emails) cookies.push((await signInOverHttp(base, email, PASSWORD)).cookie);
    const ids = await Promise.all(emails.map((email, index) => client(email, flagged, problems, () => [cookies[(index + 1) % CLIENTS]]).catch((error) => {
      problems.push(`client failed: ${(error as Error).message}`);
      return null;
    })));
    // The reviewer approves every new (pending) note at once, each on the revision it saw.
    await Promise.all(ids.filter(Boolean).map(async (id) => {
      const seen = await call({ path: `/api/notes/${id}`, cookie: reviewer });
      const revision = seen.json?.moderationRevision ?? 0;
      const decided = await call({ method: "POST", path: `/api/notes/${id}/decisions`, cookie: reviewer, body: { action: "approve", basedOn: revision } });
      if (decided.status !== 200) problems.push(`approve: ${decided.status} (${JSON.stringify(decided.json).slice(0, 160)})`);
    }));
    if (problems.length === 0) clean += 1;
    for (const problem of problems) tally.set(problem, (tally.get(problem) ?? 0) + 1);
    console.log(`round ${round}: ${problems.length === 0 ? "clean" : `${problems.length} problem(s)`}`);
  }
  console.log(`\n${clean} of ${rounds} rounds clean (${CLIENTS} clients at once against ${base})`);
  for (const [problem, count] of tally) console.log(`  ${count} × ${problem}`);
}

await main();
