/**
 * The fuzzing part of `npm run soak`: malformed requests across every JSON route and page route. A problem is any
 * 5xx, an error body that shows a stack trace or SQL, or a request left without an answer.
 */
const SLUG = "reply-to-stalin";
const UUID = "4b0c9d43-7d4a-4b47-9b58-4f4e8c1c2a11";

type Route = { method: string; path: string; body?: Record<string, unknown> };

function routes(noteId: string): Route[] {
  const note = `/api/notes/${noteId}`;
  return [
    { method: "GET", path: `/letters/${SLUG}` },
    { method: "GET", path: `/letters/${SLUG}/search?q=opposition` },
    { method: "GET", path: `/letters/${SLUG}/corrections` },
    { method: "GET", path: "/references" },
    { method: "GET", path: "/references/stalin" },
    { method: "GET", path: "/review" },
    { method: "GET", path: "/review/log?actor=x" },
    { method: "GET", path: "/admin?q=x" },
    { method: "GET", path: "/groups" },
    { method: "GET", path: "/notifications" },
    { method: "GET", path: "/account" },
    { method: "GET", path: "/sign-in" },
    { method: "GET", path: `/api/documents/${SLUG}/notes?limit=10` },
    { method: "GET", path: `/api/documents/${SLUG}/search?q=party` },
    { method: "GET", path: `/api/documents/${SLUG}/orphans` },
    { method: "GET", path: note },
    { method: "GET", path: `${note}/replies` },
    { method: "GET", path: `${note}/history` },
    { method: "GET", path: "/api/notifications" },
    { method: "GET", path: "/api/moderation/queue" },
    { method: "POST", path: `/api/documents/${SLUG}/notes`, body: { paragraph: "p3", referenceType: "person", body: "Fuzz note", visibility: "private" } },
    { method: "PATCH", path: note, body: { body: "Fuzz edit" } },
    { method: "POST", path: `${note}/replies`, body: { body: "Fuzz reply" } },
    { method: "POST", path: `${note}/flags`, body: { reason: "other", comment: "Fuzz flag" } },
    { method: "POST", path: `${note}/decisions`, body: { action: "hide", reason: "Fuzz", basedOn: 1 } },
    { method: "PATCH", path: "/api/account/profile", body: { displayName: "Fuzz Name", affiliation: "Fuzz", bio: "Fuzz" } },
    { method: "POST", path: "/api/account/password", body: { currentPassword: "x", newPassword: "y" } },
    { method: "POST", path: "/api/account/password-reset", body: { email: "fuzz@example.org" } },
    { method: "POST", path: "/api/account/sign-up", body: { email: "fuzz@example.org", displayName: "Fuzz", password: "a long fuzz passphrase" } },
    { method: "POST", path: "/api/groups", body: { kind: "research", name: "Fuzz group", description: "Fuzz" } },
    { method: "PUT", path: "/api/notifications/preferences", body: { preferences: [{ kind: "reply", inApp: true, email: false }] } },
  ];
}

const HOSTILE_STRINGS = ["a\u0000b", "\ud800", "x\udfff", "\uffff", "\u001b[31m", "%00", "'; DROP TABLE \"Note\"; --", "<script>alert(1)</script>", "x".repeat(70_000)];
const HOSTILE_VALUES: unknown[] = [null, 42, -1, 1e308, true, [], {}, [[[]]], ...HOSTILE_STRINGS];
const BAD_PATH_PARTS = ["%00", "%ED%A0%80", "%E0%A4%A", "%ZZ", "..%2F..%2Fetc%2Fpasswd", "not-a-uuid", UUID, "a".repeat(3000)];

function mutate(route: Route, random: () => number): { method: string; path: string; body?: BodyInit; headers: Record<string, string>; chunked?: boolean } {
  const choose = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const headers: Record<string, string> = { "content-type": "application/json" };
  const kind = Math.floor(random() * 10);
  let path = route.path;
  let method = route.method;
  let body: BodyInit | undefined = route.body ? JSON.stringify(route.body) : undefined;
  if (kind === 0) body = choose(["{not json", "[", "\"unterminated", "{\"a\":}", "\u0000"]);
  else if (kind === 1 && route.body) {
    const key = choose(Object.keys(route.body));
    body = JSON.stringify({ ...route.body, [key]: choose(HOSTILE_VALUES) });
  } else if (kind === 2) body = `${"[".repeat(20_000)}1${"]".repeat(20_000)}`;
  else if (kind === 3) {
    const segments = path.split("?")[0]!.split("/");
    segments[Math.max(1, Math.floor(random() * segments.length))] = choose(BAD_PATH_PARTS);
    path = segments.join("/") + (path.includes("?") ? `?${path.split("?")[1]}` : "");
  } else if (kind === 4) path = `${path.split("?")[0]}?${choose(["q", "tag", "actor", "cursor", "limit", "sort", "type"])}=${encodeHostile(choose(HOSTILE_STRINGS)).slice(0, 2000)}&x=%E0%A4%A`;
  else if (kind === 5) method = choose(["PUT", "DELETE", "PATCH", "POST", "OPTIONS"]);
  else if (kind === 6) headers["content-type"] = choose(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]);
  else if (kind === 7) return { method: route.body ? method : "POST", path, headers, body: undefined, chunked: true };
  else if (kind === 8 && route.body) body = JSON.stringify({ ...route.body, extra: { deeply: { nested: [1, 2, { x: "\ud800" }] } } });
  return { method, path, body: method === "GET" || method === "HEAD" ? undefined : body, headers };
}

/** A chunked body of 2 MB, sent as a stream (no Content-Length). */
function chunkedBody(): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new TextEncoder().encode(`"${"a".repeat(64 * 1024)}`);
  return new ReadableStream({
    pull(controller) {
      if (sent >= 2 * 1024 * 1024) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

/** Percent-encodes like encodeURIComponent, but writes a lone surrogate as the bytes of one (which is not UTF-8). */
function encodeHostile(text: string): string {
  return Array.from(text, (char) => (/[\uD800-\uDFFF]/.test(char) ? "%ED%A0%80" : encodeURIComponent(char))).join("");
}

const LEAK = /\bat [\w.<>]+ \(|\.tsx?:\d+|node_modules|\bSELECT\b.*\bFROM\b|Prisma|Invalid `prisma|PrismaClient/;

export async function fuzz(base: string, options: { cookie: string; count: number; noteId: string | null }) {
  let seed = 1928;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const all = routes(options.noteId ?? UUID);
  const statuses = new Map<string, number>();
  const problems: string[] = [];
  let hanging = 0;
  let sent = 0;
  async function one(index: number) {
    const request = mutate(all[index % all.length]!, random);
    const signedIn = random() < 0.7;
    try {
      const response = await fetch(`${base}${request.path}`, {
        method: request.method,
        headers: { ...request.headers, origin: base, ...(signedIn ? { cookie: options.cookie } : {}) },
        body: request.chunked ? chunkedBody() : request.body,
        ...(request.chunked ? { duplex: "half" } : {}),
        redirect: "manual",
        signal: AbortSignal.timeout(20_000),
      } as RequestInit);
      const text = await response.text();
      statuses.set(String(response.status), (statuses.get(String(response.status)) ?? 0) + 1);
      if (response.status >= 500) problems.push(`${request.method} ${request.path.slice(0, 120)} answered ${response.status}`);
      if (response.status >= 400 && LEAK.test(text)) problems.push(`${request.method} ${request.path.slice(0, 120)}: the error body shows internals`);
    } catch (error) {
      const name = (error as Error).name;
      if (name === "TimeoutError") {
        hanging += 1;
        problems.push(`${request.method} ${request.path.slice(0, 120)}: no answer in 20 s`);
      } else {
        // The server may close the connection on an oversized chunked body before reading it all: that is allowed.
        statuses.set("closed", (statuses.get("closed") ?? 0) + 1);
        if (!request.chunked) problems.push(`${request.method} ${request.path.slice(0, 120)}: ${name}`);
      }
    }
    sent += 1;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < options.count) await one(next++);
    }),
  );
  const byStatus = [...statuses].sort().map(([status, count]) => `${status} ${count}`).join(", ");
  return { sent, byStatus, hanging, problems: problems.slice(0, 50).concat(problems.length > 50 ? [`… ${problems.length - 50} more`] : []) };
}
