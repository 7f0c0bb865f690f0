import pg from "pg";
import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "marginalia-demo-1928";

export type TestUser = { email: string; password: string; displayName: string };

/** A fresh user per test, so specs run in parallel without sharing accounts. */
export function newTestUser(prefix = "user"): TestUser {
  const id = randomBytes(5).toString("hex");
  return { email: `${prefix}-${id}@test.marginalia`, password: `correct horse ${id} staple`, displayName: `Test ${prefix} ${id}` };
}

/** Our write endpoints refuse requests without our Origin, as browsers send it. */
export function originHeaders(baseURL: string | undefined) {
  return { Origin: new URL(baseURL!).origin };
}

/** A made-up client address: the e2e server trusts 127.0.0.1 as a proxy, so each sign-up counts against its own. */
export function randomClientAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

/** Creates the account; returns its user id. */
/**
 * Signs a new user up through the API and confirms the address as its owner would, from the link in the mail. The
 * mail is read from the app's database (the development outbox table the server's mail worker writes to): test
 * set-up reading the real store, not a stand-in. Returns the user's id.
 */
export async function signUpByApi(request: APIRequestContext, baseURL: string | undefined, user: TestUser): Promise<string> {
  const response = await request.post("/api/account/sign-up", {
    headers: { ...originHeaders(baseURL), "X-Forwarded-For": randomClientAddress() },
    data: { email: user.email, displayName: user.displayName, password: user.password },
  });
  expect(response.status(), await response.text()).toBe(202);
  const token = await mailedToken(user.email, /\/sign-up\/confirm\/([A-Za-z0-9_-]+)/);
  const confirmed = await request.post("/api/account/sign-up/confirm", { headers: originHeaders(baseURL), data: { token } });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  return ((await confirmed.json()) as { userId: string }).userId;
}

/** The first match of `pattern` in the newest mail to `to` in the outbox table, waiting for the mail worker. */
export async function mailedToken(to: string, pattern: RegExp): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (let waited = 0; waited < 15_000; waited += 100) {
      const { rows } = await client.query<{ text: string }>(`SELECT text FROM "OutboxMessage" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [to.toLowerCase()]);
      const match = rows[0] && pattern.exec(rows[0].text);
      if (match) return match[1]!;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no mail to ${to} matching ${pattern}`);
  } finally {
    await client.end();
  }
}

/**
 * Has the demo reviewer mark a user trusted, so the user's public notes are published at once (pre-moderation holds
 * an untrusted writer's public notes for review). For specs that test something else than moderation.
 */
export async function trustUser(playwright: { request: { newContext: (options: { baseURL?: string }) => Promise<APIRequestContext> } }, baseURL: string | undefined, userId: string) {
  const reviewer = await playwright.request.newContext({ baseURL });
  try {
    const signIn = await postCredentials(reviewer, baseURL, "reviewer@demo.marginalia", DEMO_PASSWORD);
    expect(signIn.status()).toBe(200);
    const response = await reviewer.put(`/api/moderation/users/${userId}/trust`, {
      headers: originHeaders(baseURL),
      data: { trusted: true, reason: "End-to-end test writer" },
    });
    expect(response.status(), await response.text()).toBe(200);
  } finally {
    await reviewer.dispose();
  }
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; the page's context keeps the cookie. */
export async function signInByApi(page: Page, baseURL: string | undefined, email: string, password: string) {
  const response = await postCredentials(page.request, baseURL, email, password);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { url: string };
  expect(body.url).not.toContain("error=");
}

export async function postCredentials(request: APIRequestContext, baseURL: string | undefined, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    headers: originHeaders(baseURL),
    form: { email, password, csrfToken, callbackUrl: "/", json: "true" },
  });
}

/**
 * The newest reset link mailed to `to`, read from the development outbox as the demo admin (the only reader it has),
 * in a browser context of its own so that `page` keeps its own session.
 */
export async function latestOutboxLink(page: Page, to: string): Promise<string> {
  const admin = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const adminPage = await admin.newPage();
    await signInByApi(adminPage, new URL(page.url()).origin, "admin@demo.marginalia", DEMO_PASSWORD);
    // Mail is queued and sent by the server's mail worker within a moment: look again until it is there.
    const message = adminPage.locator("article, li, section").filter({ hasText: to }).first();
    await expect(async () => {
      await adminPage.goto("/dev/outbox");
      await expect(message.getByRole("link", { name: /reset-password/ }).first()).toBeAttached({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    const link = await message.getByRole("link", { name: /reset-password/ }).first().getAttribute("href");
    expect(link).toBeTruthy();
    return link!;
  } finally {
    await admin.close();
  }
}
