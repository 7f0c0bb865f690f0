import net from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, mailedToken, newTestUser, originHeaders, signInByApi, signUpByApi } from "./support/accounts";
import { createNote } from "./support/notes";

// Issue #13: the outside probe's findings 4, 6, 8 and 9, and graceful shutdown, each through the real server.

test.describe.configure({ timeout: 120_000 });

const LETTER = "/letters/reply-to-stalin";

async function statusOf(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), body: await response.text() };
}

test("text a database cannot hold is refused as bad input, in bodies, query strings and paths, never a 500", async ({ page, baseURL }) => {
  const user = newTestUser("nul");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);

  // A NUL in a profile field: 400 naming the field (it reached PostgreSQL as 22021 before).
  const profile = await page.request.patch("/api/account/profile", { headers: originHeaders(baseURL), data: { displayName: "Ann\u0000a" } });
  expect(profile.status()).toBe(400);
  expect((await profile.json()).fields).toHaveProperty("displayName");
  // A lone surrogate, escaped in JSON, and bytes that are not UTF-8.
  const surrogate = await page.request.patch("/api/account/profile", {
    headers: { ...originHeaders(baseURL), "content-type": "application/json" },
    data: '{"displayName":"\\ud800 name"}',
  });
  expect(surrogate.status()).toBe(400);
  expect((await surrogate.json()).fields).toHaveProperty("displayName");
  const notUtf8 = await page.request.patch("/api/account/profile", {
    headers: { ...originHeaders(baseURL), "content-type": "application/json" },
    data: Buffer.concat([Buffer.from('{"displayName":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
  });
  expect(notUtf8.status()).toBe(400);

  // Query strings: 400 naming the parameter; pages too.
  for (const path of [
    "/api/documents/reply-to-stalin/search?q=%00",
    "/api/documents/reply-to-stalin/notes?tag=%00",
    `${LETTER}/search?q=%00`,
    "/review/log?actor=%00",
  ]) {
    const { status, body } = await statusOf(page.request, path);
    expect(status, path).toBe(400);
    expect(body, path).not.toMatch(/at .*\.js|stack|SELECT/i);
  }
  // Path segments with NUL or bytes that are not UTF-8: nothing is there.
  for (const path of ["/letters/%00", "/api/documents/%00/notes", "/api/notes/%ED%A0%80", "/letters/%ED%A0%80", "/api/notes/%E0%A4%A/replies"]) {
    expect((await statusOf(page.request, path)).status, path).toBe(404);
  }
});

test("the admin's user search longer than 100 characters is said beside the field, not a 500", async ({ page, baseURL }) => {
  await signInByApi(page, baseURL, "admin@demo.marginalia", DEMO_PASSWORD);
  const response = await page.goto(`/admin?q=${"x".repeat(101)}`);
  expect(response!.status()).toBe(200);
  await expect(page.locator("#user-search-error")).toContainText("showing everyone instead");
});

test("an answer sent before an oversized chunked body was read closes the connection instead of leaving it stuck", async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.on("error", () => undefined); // writing after the server closed: expected
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  const ended = new Promise<number>((resolve) => {
    const started = Date.now();
    socket.once("close", () => resolve(Date.now() - started));
  });
  socket.write(
    `POST /api/account/password-reset HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${baseURL}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, "a");
  // 512 KiB in 64 KiB chunks, then a second request pipelined behind it.
  for (let n = 0; n < 8 && !socket.destroyed; n += 1) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
  if (!socket.destroyed) socket.write(`0\r\n\r\nGET /api/health HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
  const closedAfter = await Promise.race([ended, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 15_000))]);
  socket.destroy();
  expect(received).toMatch(/^HTTP\/1\.1 413/);
  expect(received.toLowerCase()).toContain("connection: close");
  // The connection ends promptly (it used to hang for 45 s and more).
  expect(closedAfter).toBeGreaterThanOrEqual(0);
});

test("/api/auth/session reads the session row: a revoked session reads as signed out", async ({ page, baseURL }) => {
  const user = newTestUser("revoked");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  expect((await (await page.request.get("/api/auth/session")).json()).user).toBeTruthy();
  const cookies = await page.context().cookies();
  // Sign out everywhere from this session; then replay the old cookie, as a stolen one would be.
  expect((await page.request.delete("/api/account/sessions", { headers: originHeaders(baseURL), data: {} })).status()).toBe(200);
  await page.context().addCookies(cookies);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toBeUndefined();
  // The app's own checks agree: the notes API serves this cookie as an anonymous reader.
  expect((await page.request.get("/api/notifications")).status()).toBe(401);
});

test("sign-up answers the same for a new and a registered address; only the mail says which", async ({ request, baseURL }) => {
  const fresh = newTestUser("fresh");
  const answer = async (email: string) => {
    const response = await request.post("/api/account/sign-up", {
      headers: { ...originHeaders(baseURL), "X-Forwarded-For": `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      data: { email, displayName: "Same Answer", password: "a long enough passphrase of 1928" },
    });
    return { status: response.status(), body: await response.json() };
  };
  const registered = await answer("researcher@demo.marginalia");
  const created = await answer(fresh.email);
  expect(registered).toEqual(created);
  expect(created.status).toBe(202);
  expect(await mailedToken("researcher@demo.marginalia", /(You already have a Marginalia account|already has one)/)).toBeTruthy();
  expect(await mailedToken(fresh.email, /\/sign-up\/confirm\/([A-Za-z0-9_-]+)/)).toBeTruthy();
  // Not confirmed yet: the password does not sign in.
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await request.post("/api/auth/callback/credentials", {
    headers: originHeaders(baseURL),
    form: { email: fresh.email, password: "a long enough passphrase of 1928", csrfToken: csrf.csrfToken, callbackUrl: "/", json: "true" },
  });
  expect(signIn.status()).toBe(401);
});

test("refused writes do not use the hourly write budget", async ({ page, baseURL }) => {
  const user = newTestUser("budget");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  const own = await createNote(page.request, baseURL, { paragraph: "p2", referenceType: "place", body: "Mine.", visibility: "private" });
  // 125 refused writes (the limit is 120 an hour): flagging one's own note is forbidden, a reply to nothing is 404.
  for (let n = 0; n < 125; n += 1) {
    const refused =
      n % 2
        ? await page.request.post(`/api/notes/${own}/flags`, { headers: originHeaders(baseURL), data: { reason: "spam" } })
        : await page.request.post("/api/notes/00000000-0000-4000-8000-000000000000/replies", { headers: originHeaders(baseURL), data: { body: "To nothing." } });
    expect([403, 404], `attempt ${n}`).toContain(refused.status());
  }
  const written = await page.request.post(`/api/notes/${own}/replies`, { headers: originHeaders(baseURL), data: { body: "Still allowed." } });
  expect(written.status()).toBe(201);
});

test("pages isolate their browsing context (COOP, CORP) and the signed-in letter raises no CSP violation", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) violations.push(message.text());
  });
  await signInByApi(page, baseURL, "researcher@demo.marginalia", DEMO_PASSWORD);
  const response = await page.goto(LETTER);
  expect(response!.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(response!.headers()["cross-origin-resource-policy"]).toBe("same-origin");
  await page.getByRole("button", { name: "Annotate paragraph 2", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Note on paragraph 2" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Save note" }).click(); // zod parses the empty form
  await expect(page.locator("#field-body-error")).toBeVisible();
  expect(violations).toEqual([]);
});
