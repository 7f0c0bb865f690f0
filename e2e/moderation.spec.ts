import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, newTestUser, signInByApi, signUpByApi } from "./support/accounts";
import { visit } from "./support/navigation";
import { createNote, passageOf } from "./support/notes";

const LETTER = "/letters/reply-to-stalin";

async function signedInPage(browser: Browser, baseURL: string | undefined, prefix: string): Promise<{ page: Page; name: string }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const user = newTestUser(prefix);
  await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  return { page, name: user.displayName };
}

test("a new researcher's public note waits for review, is approved, flagged, hidden with a reason, and restored", async ({ browser, baseURL }) => {
  const token = randomBytes(4).toString("hex");
  // The writer is a new, untrusted researcher: the public note waits for a reviewer, visible only to them.
  const { page: author } = await signedInPage(browser, baseURL, "newcomer");
  await author.goto(LETTER);
  const noteId = await createNote(author.request, baseURL, {
    paragraph: "p16",
    ...(await passageOf(author, "p16", "the twelfth year of the dictatorship")),
    referenceType: "law", // a type the other specs do not use, to find it in the queue by filter
    body: `The twelfth year, ${token}.`,
    visibility: "public",
  });
  const permalink = `${LETTER}?note=${noteId}#note-${noteId}`;
  await visit(author, permalink);
  await expect(author.locator(`#note-${noteId}`)).toContainText("Waiting for review");

  const { page: reader } = await signedInPage(browser, baseURL, "reader");
  await visit(reader, permalink);
  await expect(reader.locator(`#note-${noteId}`)).toHaveCount(0);
  expect((await reader.request.get(`/api/notes/${noteId}`)).status()).toBe(404);

  // A reviewer approves it in the queue: now it is public.
  const reviewerContext = await browser.newContext({ baseURL });
  const reviewer = await reviewerContext.newPage();
  await signInByApi(reviewer, baseURL, "reviewer@demo.marginalia", DEMO_PASSWORD);
  await reviewer.goto("/review?referenceType=law");
  const item = reviewer.locator(`#review-${noteId}`);
  await expect(item).toContainText(`The twelfth year, ${token}.`);
  await item.getByRole("button", { name: /^Approve/ }).click();
  await expect(item.locator(".review-decision-state")).toContainText("Approved");
  await visit(reader, permalink);
  const card = reader.locator(`#note-${noteId}`);
  await expect(card).toContainText(`The twelfth year, ${token}.`);

  // Another reader flags it, with a reason.
  await card.getByRole("button", { name: /^Flag this note/ }).click();
  await card.getByLabel("Reason").selectOption("inaccurate");
  await card.getByLabel("Comment (optional)").fill(`The letter says the twelfth year ${token}.`);
  await card.getByRole("button", { name: "Send flag" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Flagged." })).toHaveCount(1);

  // The reviewer sees the flag and hides the note with a reason the author is shown.
  await reviewer.goto("/review?sort=flags&referenceType=law");
  await expect(item).toContainText(`The letter says the twelfth year ${token}.`);
  await item.getByRole("button", { name: /^Hide/ }).click();
  await item.getByLabel("Why hide it? The author is shown this reason.").fill(`Unsupported claim ${token}`);
  await item.getByLabel("Why hide it? The author is shown this reason.").press("Enter");
  await expect(item.locator(".review-decision-state")).toContainText("Hidden");

  await visit(author, permalink);
  await expect(author.locator(`#note-${noteId}`)).toContainText(`Unsupported claim ${token}`);
  await visit(reader, permalink);
  await expect(reader.locator(`#note-${noteId}`)).toHaveCount(0);
  await expect(reader.getByText("not there, or not visible to you")).toBeVisible();
  expect((await reader.request.get(`/api/notes/${noteId}`)).status()).toBe(404);

  // The reviewer restores it from the note's own card; everyone sees it again.
  await visit(reviewer, permalink);
  await Promise.all([reviewer.waitForEvent("load"), reviewer.locator(`#note-${noteId}`).getByRole("button", { name: "Restore this note" }).click()]);
  await visit(reader, permalink);
  await expect(reader.locator(`#note-${noteId}`)).toContainText(`The twelfth year, ${token}.`);

  // The moderation log lists every step, and exports them.
  await reviewer.goto("/review/log");
  await expect(reviewer.locator("main")).toContainText(`Unsupported claim ${token}`);
  await reviewerContext.close();
});
