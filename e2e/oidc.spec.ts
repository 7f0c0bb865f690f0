import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { newTestUser, signInByApi, signUpByApi } from "./support/accounts";

// The provider's development screens import a web font from the internet; nothing leaves this machine in tests.
test.beforeEach(async ({ context }) => {
  await context.route((url) => !["127.0.0.1", "localhost"].includes(url.hostname), (route) => route.abort());
});

/**
 * Goes through the local provider's login and consent screens (any login name is a subject). When the provider
 * still has a session from an earlier sign-in, it sends the browser straight back to us instead.
 */
async function passProvider(page: Page, login: string) {
  const loginField = page.locator('input[name="login"]');
  const backHome = page.waitForURL((url) => url.pathname === "/account", { timeout: 15_000 }).then(() => "back" as const);
  const atProvider = loginField.waitFor({ timeout: 15_000 }).then(() => "login" as const);
  if ((await Promise.race([backHome, atProvider])) === "back") return;
  await loginField.fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 5000 }).catch(() => false)) await consent.click();
}

test("the first OpenID sign-in creates an account, the second signs into it", async ({ page }) => {
  const login = `alice-${randomBytes(4).toString("hex")}`;
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await passProvider(page, login);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("link", { name: `OIDC ${login}` })).toBeVisible();

  // Rename the new account, so the second sign-in can be recognised as the same account.
  const renamed = `Renamed ${login}`;
  await page.getByLabel("Display name").fill(renamed);
  await page.getByRole("button", { name: /save profile/i }).click();
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await passProvider(page, login);
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();
});

test("a signed-in user links an OpenID identity and can then sign in with it", async ({ page, baseURL }) => {
  const user = newTestUser("linker");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  await page.goto("/account");
  const login = `bob-${randomBytes(4).toString("hex")}`;
  await page.getByRole("button", { name: "Link my Test IdP account" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/interaction/"));
  await passProvider(page, login);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("link", { name: user.displayName })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await passProvider(page, login);
  await expect(page.getByRole("link", { name: user.displayName })).toBeVisible();
});
