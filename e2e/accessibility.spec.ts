import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signInByApi } from "./support/accounts";

// axe scans and multi-page walks are slow on two shared cores.
test.describe.configure({ timeout: 120_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`);
}

test("the sign-in, sign-up and password pages have no serious axe violations", async ({ page }) => {
  for (const path of ["/sign-in", "/sign-up", "/forgot-password"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test("the account, groups, class and admin pages have no serious axe violations", async ({ page, baseURL }) => {
  await signInByApi(page, baseURL, "admin@demo.marginalia", DEMO_PASSWORD);
  for (const path of ["/account", "/groups", "/admin"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.context().clearCookies();
  await signInByApi(page, baseURL, "teacher@demo.marginalia", DEMO_PASSWORD);
  await page.goto("/groups");
  await page.getByRole("link", { name: "History 204" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("History 204");
  await expect(page.getByRole("cell", { name: /^Sasha Student/ })).toBeVisible();
  expect(await seriousViolations(page), "class page").toEqual([]);
});

test("the annotation pages have no serious axe violations, signed out and signed in with demo notes", async ({ page, baseURL }) => {
  const paths = [
    "/letters/reply-to-stalin?sort=discussed&type=organisation",
    "/letters/reply-to-stalin/search?q=thermidor",
    "/references",
    "/references/ogpu",
    "/letters/reply-to-stalin/corrections",
  ];
  for (const path of paths) {
    await page.goto(path);
    expect(await seriousViolations(page), `${path}, signed out`).toEqual([]);
  }
  await signInByApi(page, baseURL, "student1@demo.marginalia", DEMO_PASSWORD);
  await page.goto("/letters/reply-to-stalin");
  // A demo thread opened, with its reply form, and the filter form unfolded.
  const thread = page.getByRole("button", { name: /^3 replies/ }).first();
  await thread.click();
  await expect(page.getByRole("article", { name: /^Reply by / }).first()).toBeVisible();
  await page.locator("details.notes-filter > summary").click();
  expect(await seriousViolations(page), "letter with a thread open, signed in").toEqual([]);
});

test("the teaching pages have no serious axe violations, for the teacher and for a student", async ({ page, baseURL }) => {
  await signInByApi(page, baseURL, "teacher@demo.marginalia", DEMO_PASSWORD);
  await page.goto("/groups");
  await page.getByRole("link", { name: "History 204" }).click();
  await page.getByRole("link", { name: /Assignments/ }).first().click();
  expect(await seriousViolations(page), "assignments list and form").toEqual([]);
  await page.getByRole("link", { name: /International's record/ }).first().click();
  await page.waitForURL(/\/assignments\/[0-9a-f-]+$/);
  const assignment = page.url();
  expect(await seriousViolations(page), "assignment, teacher").toEqual([]);
  await page.goto(`${assignment}/students`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Students' work");
  expect(await seriousViolations(page), "students' work").toEqual([]);
  await page.context().clearCookies();
  await signInByApi(page, baseURL, "student2@demo.marginalia", DEMO_PASSWORD);
  await page.goto(assignment);
  await expect(page.getByText(/late/i).first()).toBeVisible();
  expect(await seriousViolations(page), "assignment, student").toEqual([]);
  await page.goto("/notifications");
  expect(await seriousViolations(page), "notifications").toEqual([]);
});

test("an admin suspends a user, whose very next request is signed out, and the audit log shows it", async ({ browser, baseURL }) => {
  // Two browsers of their own, closed explicitly: the student's session is revoked while its page is open.
  const studentContext = await browser.newContext({ baseURL });
  const adminContext = await browser.newContext({ baseURL });
  try {
    const student = await studentContext.newPage();
    await signInByApi(student, baseURL, "student2@demo.marginalia", DEMO_PASSWORD);
    await student.goto("/account");
    await expect(student.getByRole("link", { name: "Sam Student" })).toBeVisible();

    const admin = await adminContext.newPage();
    await signInByApi(admin, baseURL, "admin@demo.marginalia", DEMO_PASSWORD);
    await admin.goto("/admin?q=student2");
    await admin.getByLabel("Reason for the change to Sam Student").fill("e2e: testing suspension");
    await admin.getByRole("button", { name: "Suspend" }).click();
    await expect(admin.getByRole("cell", { name: "e2e: testing suspension" })).toBeVisible();
    await expect(admin.getByRole("button", { name: "Restore" })).toBeVisible();

    await student.goto("/account");
    await expect(student).toHaveURL(/\/sign-in/);

    await admin.getByLabel("Reason for the change to Sam Student").fill("e2e: restoring");
    await admin.getByRole("button", { name: "Restore" }).click();
    await expect(admin.getByRole("cell", { name: "e2e: restoring" })).toBeVisible();
    await expect(admin.getByRole("button", { name: "Suspend" })).toBeVisible();
  } finally {
    await studentContext.close();
    await adminContext.close();
  }
});
