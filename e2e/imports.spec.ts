import path from "node:path";
import { expect, test } from "@playwright/test";
import { newTestUser, originHeaders, signInByApi, signUpByApi } from "./support/accounts";

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

test("a member's import into a premoderated group waits as one entry in its review queue, and one approval publishes it", async ({ page, baseURL, browser }) => {
  // A group of its own (premoderated), so that nothing here changes what the other tests read on the letter.
  const ownerContext = await browser.newContext({ baseURL });
  const owner = await ownerContext.newPage();
  const ownerUser = newTestUser("group-owner");
  await signUpByApi(owner.request, baseURL, ownerUser);
  await signInByApi(owner, baseURL, ownerUser.email, ownerUser.password);
  const created = await owner.request.post("/api/groups", { headers: originHeaders(baseURL), data: { kind: "research", name: `Import seminar ${ownerUser.displayName}` } });
  expect(created.status()).toBe(201);
  const groupId = (await created.json()).id as string;
  expect((await owner.request.put(`/api/groups/${groupId}/moderation`, { headers: originHeaders(baseURL), data: { mode: "premoderated" } })).status()).toBe(200);
  const invite = await owner.request.post(`/api/groups/${groupId}/invites`, { headers: originHeaders(baseURL), data: { expiresInDays: 7 } });

  const user = newTestUser("batch");
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  expect((await page.request.post("/api/groups/join", { headers: originHeaders(baseURL), data: { code: (await invite.json()).code } })).status()).toBe(200);

  await page.goto(`/letters/${SLUG}/import`);
  await page.getByLabel("File", { exact: true }).setInputFiles(HYPOTHESIS_FILE);
  await page.getByLabel("The page they were made on").fill(LETTER_ON_MIA);
  await page.getByRole("radio", { name: `Members of Import seminar ${ownerUser.displayName}` }).check();
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("note")).toContainText("9 notes and replies will wait for a reviewer");
  await expect(preview.getByRole("note")).toContainText("as one entry");
  await page.getByRole("button", { name: /^Import \d+ annotations$/ }).click();
  await expect(page.getByRole("region", { name: "Imported" }).getByRole("note")).toContainText("9 notes and replies wait for a reviewer");
  const statusesOf = async () =>
    ((await (await owner.request.get(`/api/documents/${SLUG}/notes?author=${await userId(page)}&limit=100`)).json()) as { notes: { moderationStatus: string }[] }).notes.map(
      (note) => note.moderationStatus,
    );
  // Waiting: the group's owner, its moderator, sees them pending.
  expect(await statusesOf()).toEqual(Array(7).fill("pending"));

  // The group's owner moderates it: one entry for the whole import, approved all at once.
  await owner.goto("/review");
  const entries = owner.locator("article.review-item").filter({ hasText: user.displayName });
  await expect(entries).toHaveCount(1);
  await expect(entries.getByRole("heading", { name: "An import from Hypothesis: 7 notes, 2 replies" })).toBeVisible();
  await entries.getByRole("button", { name: /^Approve all 9/ }).click();
  await expect(entries.locator(".review-decision-state")).toContainText("Approved");

  // Published to the group: all of it, in the letter too.
  expect(await statusesOf()).toEqual(Array(7).fill("approved"));
  await owner.goto(`/letters/${SLUG}`);
  await expect(owner.locator("article.note-card").filter({ hasText: user.displayName }).filter({ hasText: "The narrow Stalin faction" })).toContainText("Imported from Hypothesis");
  await ownerContext.close();
});

async function userId(page: import("@playwright/test").Page): Promise<string> {
  const session = await (await page.request.get("/api/auth/session")).json();
  return session.user.id as string;
}
