import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, latestOutboxLink, mailedToken, newTestUser, originHeaders, postCredentials, signInByApi, signUpByApi } from "./support/accounts";

test("sign up, sign out and sign in again through the forms", async ({ page }) => {
  const user = newTestUser("signup");
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(user.displayName);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: /create account|sign up/i }).click();
  await expect(page.getByRole("status")).toContainText("Check your email");
  // The mail's link confirms the address (a button on the page does it, not the page load).
  await page.goto(`/sign-up/confirm/${await mailedToken(user.email, /\/sign-up\/confirm\/([A-Za-z0-9_-]+)/)}`);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("status")).toContainText("Your address is confirmed");
  await page.getByRole("link", { name: "Sign in" }).last().click();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("link", { name: user.displayName })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("link", { name: user.displayName })).toBeVisible();
});

test("a sign-up with a common password is refused beside the field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Someone");
  await page.getByLabel("Email").fill(newTestUser().email);
  await page.getByLabel("Password", { exact: true }).fill("qwerty123456");
  await page.getByRole("button", { name: /create account|sign up/i }).click();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-password-error")).toContainText("most common");
});

test("change the password, then reset it through the outbox", async ({ page, baseURL }) => {
  const user = newTestUser("password");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);

  const changed = `${user.password} changed`;
  await page.goto("/account");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill(changed);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  expect((await (await postCredentials(page.request, baseURL, user.email, user.password)).json()).url).toContain("error=");

  await page.context().clearCookies();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: /send|reset/i }).click();
  await expect(page.getByText(/reset link is on its way/)).toBeVisible();

  const link = await latestOutboxLink(page, user.email);
  const reset = `${user.password} reset`;
  await page.goto(link);
  await page.getByLabel("New password").fill(reset);
  await page.getByRole("button", { name: /set|reset|save/i }).click();
  await expect(page.locator("main").getByRole("status")).toContainText(/password/i);

  await page.goto(link);
  await page.getByLabel("New password").fill(`${reset} again`);
  await page.getByRole("button", { name: /set|reset|save/i }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(/unknown, used or expired/);

  await signInByApi(page, baseURL, user.email, reset);
});

test("a student cannot open another class's page", async ({ page, baseURL, browser }) => {
  const teacher = newTestUser("teacher");
  const teacherPage = await (await browser.newContext({ baseURL })).newPage();
  await signUpByApi(teacherPage.request, baseURL, teacher);
  await signInByApi(teacherPage, baseURL, teacher.email, teacher.password);
  const created = await teacherPage.request.post("/api/groups", {
    headers: originHeaders(baseURL),
    data: { kind: "class", name: "Another class", term: "Fall 2027" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await signInByApi(page, baseURL, "student1@demo.marginalia", DEMO_PASSWORD);
  const response = await page.goto(`/groups/${id}`);
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  const viaTeacher = await teacherPage.goto(`/groups/${id}`);
  expect(viaTeacher!.status()).toBe(200);
  await teacherPage.context().close();
});

test("an anonymous visitor posting to a write endpoint gets 401", async ({ request, baseURL }) => {
  const response = await request.post("/api/groups", { headers: originHeaders(baseURL), data: { kind: "research", name: "Nope" } });
  expect(response.status()).toBe(401);
  expect((await response.json()).error).toBe("unauthenticated");
});

test("write endpoints refuse a foreign Origin and a non-JSON body", async ({ request, baseURL }) => {
  const foreign = await request.post("/api/groups", { headers: { Origin: "https://evil.example" }, data: { kind: "research", name: "x" } });
  expect(foreign.status()).toBe(403);
  const missing = await request.post("/api/groups", { data: { kind: "research", name: "x" } });
  expect(missing.status()).toBe(403);
  const textPlain = await request.post("/api/account/sign-up", {
    headers: { ...originHeaders(baseURL), "Content-Type": "text/plain" },
    data: JSON.stringify({ email: "a@b.c", displayName: "x", password: "y" }),
  });
  expect(textPlain.status()).toBe(415);
  const malformed = await request.post("/api/account/sign-up", {
    headers: { ...originHeaders(baseURL), "Content-Type": "application/json" },
    data: "{not json",
  });
  expect(malformed.status()).toBe(400);
  const unknownKey = await request.post("/api/account/sign-up", {
    headers: originHeaders(baseURL),
    data: { email: "a@b.example", displayName: "x", password: "a long enough passphrase", admin: true },
  });
  expect(unknownKey.status()).toBe(400);
  const oversize = await request.post("/api/account/sign-up", {
    headers: originHeaders(baseURL),
    data: { email: "a@b.example", displayName: "x".repeat(70_000), password: "y" },
  });
  expect(oversize.status()).toBe(413);
  const authForeign = await request.post("/api/auth/signout", { headers: { Origin: "https://evil.example" }, form: { csrfToken: "x" } });
  expect(authForeign.status()).toBe(403);
});

test("the 11th wrong password for an account gets 429 with Retry-After", async ({ request, baseURL }) => {
  const user = newTestUser("limit");
  await signUpByApi(request, baseURL, user);
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const response = await postCredentials(request, baseURL, user.email, "wrong password, surely");
    expect(response.status(), `attempt ${attempt}`).toBe(401);
    expect((await response.json()).url).toContain("error=");
  }
  const eleventh = await postCredentials(request, baseURL, user.email, "wrong password, surely");
  expect(eleventh.status()).toBe(429);
  expect(Number(eleventh.headers()["retry-after"])).toBeGreaterThan(0);
  // Even the right password waits now.
  expect((await postCredentials(request, baseURL, user.email, user.password)).status()).toBe(429);
});

test("20 wrong passwords at once on one account: at most 10 are checked, the others get 429", async ({ playwright, baseURL }) => {
  const setup = await playwright.request.newContext({ baseURL });
  const user = newTestUser("parallel");
  await signUpByApi(setup, baseURL, user);
  await setup.dispose();
  // Separate clients (one connection each), as an attacker would send them, all at once.
  const clients = await Promise.all(Array.from({ length: 20 }, () => playwright.request.newContext({ baseURL })));
  try {
    const statuses = await Promise.all(clients.map(async (client) => (await postCredentials(client, baseURL, user.email, "wrong password, in parallel")).status()));
    expect(statuses.filter((status) => status !== 429).length, statuses.join(",")).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(10);
    // The count stands: the right password waits too.
    expect((await postCredentials(clients[0], baseURL, user.email, user.password)).status()).toBe(429);
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
  }
});

test("wrong email and wrong password answer alike", async ({ request, baseURL }) => {
  const user = newTestUser("enum");
  await signUpByApi(request, baseURL, user);
  const wrongPassword = await postCredentials(request, baseURL, user.email, "not the password at all");
  const wrongEmail = await postCredentials(request, baseURL, `nobody-${user.email}`, "not the password at all");
  expect(wrongPassword.status()).toBe(wrongEmail.status());
  expect(await wrongPassword.json()).toEqual(await wrongEmail.json());
});

test("the session cookie is __Host-, HttpOnly, Secure and SameSite=Lax", async ({ page, baseURL }) => {
  const user = newTestUser("cookie");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "__Host-marginalia.session");
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
});

test("pages keep working under the CSP, with no violations", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/sign-in");
  expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response!.headers()["referrer-policy"]).toBeTruthy();
  await signInByApi(page, baseURL, "researcher@demo.marginalia", DEMO_PASSWORD);
  await page.goto("/account");
  await page.goto("/groups");
  await page.goto("/letters/reply-to-stalin");
  expect(violations).toEqual([]);
});

test("the development outbox, which holds reset links, is a 404 to everyone but a signed-in admin", async ({ browser, baseURL }) => {
  const victim = newTestUser("victim");
  const outsider = await (await browser.newContext({ baseURL })).newPage();
  await signUpByApi(outsider.request, baseURL, victim);
  // The takeover it allowed: ask a reset for someone else's account, then read the link from the outbox.
  const asked = await outsider.request.post("/api/account/password-reset", { headers: originHeaders(baseURL), data: { email: victim.email } });
  expect(asked.status()).toBeLessThan(300);
  expect((await outsider.goto("/dev/outbox"))!.status()).toBe(404);
  expect(await outsider.content()).not.toContain(victim.email);

  await signInByApi(outsider, baseURL, "researcher@demo.marginalia", DEMO_PASSWORD);
  expect((await outsider.goto("/dev/outbox"))!.status()).toBe(404);

  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signInByApi(admin, baseURL, "admin@demo.marginalia", DEMO_PASSWORD);
  expect((await admin.goto("/dev/outbox"))!.status()).toBe(200);
  await expect(admin.locator("article").filter({ hasText: victim.email }).first()).toBeVisible();
  await outsider.context().close();
  await admin.context().close();
});
