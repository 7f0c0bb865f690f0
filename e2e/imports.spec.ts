import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, newTestUser, signInByApi, signUpByApi } from "./support/accounts";

const SLUG = "reply-to-stalin";
const HYPOTHESIS_FILE = path.resolve("tests/data/imports/hypothesis-export.json");
const LETTER_ON_MIA = "https://www.marxists.org/archive/trotsky/1928/12/stalin.htm";

test("a Hypothesis export through the import page: preview, import, then the notes in the margin and the orphans listed", async ({ page, baseURL }) => {
  const user = newTestUser("importer");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);

  await page.goto(`/letters/${SLUG}/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import annotations" })).toBeVisible();
  await page.getByLabel("File", { exact: true }).setInputFiles(HYPOTHESIS_FILE);
  await page.getByLabel("The page they were made on").fill(LETTER_ON_MIA);
  await page.getByRole("radio", { name: "Only me" }).check();
  await page.getByRole("button", { name: "Preview" }).click();

  const report = page.getByRole("region", { name: "Preview" });
  await expect(report).toContainText("Nothing has been written yet.");
  // A phrase that occurs twice goes where its context says (¶7); a note with no passage at all is orphaned; another
  // page is refused; the typo is found approximately.
  await expect(report.getByRole("row").filter({ hasText: "Hx05" })).toContainText("¶ 7Anchored");
  await expect(report.getByRole("row").filter({ hasText: "Hx07" })).toContainText("Orphaned");
  await expect(report.getByRole("row").filter({ hasText: "Hx06" })).toContainText("Refused");
  await expect(report.getByRole("row").filter({ hasText: "Hx04" })).toContainText("Moved");
  await expect(report.getByRole("row").filter({ hasText: "Hx01" })).toContainText("Anchored");
  const notesBefore = await (await page.request.get(`/api/documents/${SLUG}/notes?author=${await userId(page)}&limit=100`)).json();
  expect(notesBefore.notes).toHaveLength(0);

  await page.getByRole("button", { name: /^Import \d+ annotations$/ }).click();
  const done = page.getByRole("region", { name: "Imported" });
  await expect(done).toBeVisible();
  await expect(done.getByRole("row").filter({ hasText: "Hx08" })).toContainText("Anchored");

  // In the letter: the anchored note beside ¶4 with its attribution, and the orphans listed apart.
  await done.getByRole("link", { name: "Read them in the letter" }).click();
  const imported = page.locator("article").filter({ hasText: "The narrow Stalin faction" }).first();
  await expect(imported).toContainText("Imported from Hypothesis; originally by");
  await expect(page.locator("#orphaned-notes")).toContainText("Read this alongside the letter to the Sixth Congress");

  // Importing the same file again changes nothing.
  await page.goto(`/letters/${SLUG}/import`);
  await page.getByLabel("File", { exact: true }).setInputFiles(HYPOTHESIS_FILE);
  await page.getByLabel("The page they were made on").fill(LETTER_ON_MIA);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("already imported");
  await expect(page.getByRole("button", { name: /^Import / })).toHaveCount(0);
});

test("an untrusted reader's public import waits as one entry in the review queue, and one approval publishes it", async ({ page, baseURL, browser }) => {
  const user = newTestUser("batch");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  await page.goto(`/letters/${SLUG}/import`);
  await page.getByLabel("File", { exact: true }).setInputFiles(HYPOTHESIS_FILE);
  await page.getByLabel("The page they were made on").fill(LETTER_ON_MIA);
  await page.getByRole("radio", { name: "Everyone (public)" }).check();
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("note")).toContainText("9 notes and replies will wait for a reviewer");
  await expect(preview.getByRole("note")).toContainText("as one entry");
  await page.getByRole("button", { name: /^Import \d+ annotations$/ }).click();
  await expect(page.getByRole("region", { name: "Imported" }).getByRole("note")).toContainText("9 notes and replies wait for a reviewer");

  // Nobody else sees them yet.
  const anonymous = await browser.newContext({ baseURL });
  const reader = await anonymous.newPage();
  await reader.goto(`/letters/${SLUG}`);
  await expect(reader.locator("article.note-card").filter({ hasText: "The narrow Stalin faction" })).toHaveCount(0);

  // The reviewer finds one entry for the whole import and approves all of it at once.
  const reviewerContext = await browser.newContext({ baseURL });
  const reviewer = await reviewerContext.newPage();
  await signInByApi(reviewer, baseURL, "reviewer@demo.marginalia", DEMO_PASSWORD);
  await reviewer.goto("/review?referenceType=other");
  const entries = reviewer.locator("article.review-item").filter({ hasText: user.displayName });
  await expect(entries).toHaveCount(1);
  await expect(entries.getByRole("heading", { name: "An import from Hypothesis: 7 notes, 2 replies" })).toBeVisible();
  await entries.getByRole("button", { name: /^Approve all 9/ }).click();
  await expect(entries.locator(".review-decision-state")).toContainText("Approved");

  // Published: an anonymous reader gets all of it (the notes API), and the card in the letter.
  const published = (await (await reader.request.get(`/api/documents/${SLUG}/notes?author=${await userId(page)}&limit=100`)).json()) as { notes: unknown[] };
  expect(published.notes).toHaveLength(7);
  await reader.goto(`/letters/${SLUG}`);
  await expect(reader.locator("article.note-card").filter({ hasText: user.displayName }).filter({ hasText: "The narrow Stalin faction" })).toContainText("Imported from Hypothesis");
  await Promise.all([anonymous.close(), reviewerContext.close()]);
});

async function userId(page: import("@playwright/test").Page): Promise<string> {
  const session = await (await page.request.get("/api/auth/session")).json();
  return session.user.id as string;
}
