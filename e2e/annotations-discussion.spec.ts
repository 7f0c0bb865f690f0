import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newTestUser, originHeaders, signInByApi, signUpByApi, trustUser } from "./support/accounts";
import { createNote, passageOf } from "./support/notes";

const LETTER = "/letters/reply-to-stalin";

test("a second reader replies, the writer edits (and reapplies a change over a newer version), filters and search find the note, the private note stays private", async ({
  page,
  browser,
  baseURL,
  playwright,
}) => {
  const token = randomBytes(4).toString("hex");
  const word = `kestrel${token}`;
  const writer = newTestUser("writer");
  // A trusted writer: this spec is about discussion, not pre-moderation (e2e/moderation.spec.ts covers that).
  await trustUser(playwright, baseURL, await signUpByApi(page.request, baseURL, writer));
  await signInByApi(page, baseURL, writer.email, writer.password);
  await page.goto(LETTER);
  const publicId = await createNote(page.request, baseURL, {
    paragraph: "p9",
    ...(await passageOf(page, "p9", "Anglo-Russian Committee")),
    referenceType: "organisation",
    body: `The committee, ${word}.`,
    tags: [`tag-${token}`],
    visibility: "public",
  });
  const privateId = await createNote(page.request, baseURL, {
    paragraph: "p9",
    ...(await passageOf(page, "p9", "Pilsudski")),
    referenceType: "person",
    body: `Private thoughts, hidden${token}.`,
    visibility: "private",
  });

  // A second reader, in a browser context of their own, opens the permalink: the note and its (empty) thread open.
  const readerContext = await browser.newContext({ baseURL });
  const readerPage = await readerContext.newPage();
  const reader = newTestUser("replier");
  await trustUser(playwright, baseURL, await signUpByApi(readerPage.request, baseURL, reader));
  await signInByApi(readerPage, baseURL, reader.email, reader.password);
  await readerPage.goto(`${LETTER}?note=${publicId}#note-${publicId}`);
  const readerCard = readerPage.locator(`#note-${publicId}`);
  await expect(readerCard).toBeFocused();
  await expect(readerCard).toContainText(word);
  await readerCard.getByLabel("Your reply", { exact: true }).fill(`Compare ¶9 again, ${token}.`);
  await readerCard.getByRole("button", { name: "Submit reply" }).click();
  await expect(readerCard.getByRole("article", { name: `Reply by ${reader.displayName}` })).toContainText(`Compare ¶9 again, ${token}.`);
  // The writer's private note is nowhere for the second reader: not on the page, not through its permalink, not in search.
  await expect(readerPage.getByText(`hidden${token}`)).toHaveCount(0);
  await readerPage.goto(`${LETTER}?note=${privateId}#note-${privateId}`);
  await expect(readerPage.locator(`#note-${privateId}`)).toHaveCount(0);
  await expect(readerPage.getByText("not there, or not visible to you")).toBeVisible();
  await readerPage.goto(`${LETTER}/search?q=hidden${token}`);
  await expect(readerPage.locator(".search-count")).toHaveText("No notes match this search.");
  await expect(readerPage.getByText(`hidden${token}`)).toHaveCount(0);

  // The writer sees the reply and edits the note.
  await page.goto(`${LETTER}?note=${publicId}#note-${publicId}`);
  const card = page.locator(`#note-${publicId}`);
  await expect(card.getByRole("article", { name: `Reply by ${reader.displayName}` })).toBeVisible();
  await card.getByRole("button", { name: "Edit this note" }).click();
  await card.getByRole("textbox", { name: "Edit your note" }).fill(`The Anglo-Russian Committee, ${word}: see ¶9.`);
  // Saving reloads the page at the note (its card is rendered on the server).
  await Promise.all([page.waitForEvent("load"), card.getByRole("button", { name: "Save", exact: true }).click()]);
  await expect(page.locator(`#note-${publicId}`)).toContainText("see ¶9.");

  // Meanwhile (another tab) the note changes again; the form shows the newer text and reapplies the draft over it.
  await page.locator(`#note-${publicId}`).getByRole("button", { name: "Edit this note" }).click();
  await page.locator(`#note-${publicId}`).getByRole("textbox", { name: "Edit your note" }).fill(`The Anglo-Russian Committee (1925), ${word}: see ¶9.`);
  const elsewhere = await page.request.patch(`/api/notes/${publicId}`, {
    headers: { ...originHeaders(baseURL), "If-Match": '"2"' },
    data: { body: `Changed in another tab, ${word}.` },
  });
  expect(elsewhere.status()).toBe(200);
  await page.locator(`#note-${publicId}`).getByRole("button", { name: "Save", exact: true }).click();
  const conflict = page.locator(`#note-${publicId}`).locator(".note-conflict");
  await expect(conflict).toContainText(`Changed in another tab, ${word}.`);
  await Promise.all([page.waitForEvent("load"), page.locator(`#note-${publicId}`).getByRole("button", { name: "Apply my change to the new version" }).click()]);
  await expect(page.locator(`#note-${publicId}`)).toContainText("(1925)");
  await page.locator(`#note-${publicId}`).getByRole("button", { name: "History of this note" }).click();
  await expect(page.locator(`#note-${publicId}`).locator("ins").first()).toBeVisible();

  // The filters find it: by tag (a plain GET form), and only it.
  await page.goto(LETTER);
  await page.locator("details.notes-filter > summary").click();
  await page.getByLabel("Tag", { exact: true }).selectOption(`tag-${token}`);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`tag=tag-${token}`));
  await expect(page.locator(".note-card")).toHaveCount(1);
  await expect(page.locator(`#note-${publicId}`)).toBeVisible();

  // Search finds the note and the reply, with the match marked, and leads back to the note.
  await page.goto(`${LETTER}/search`);
  await page.getByLabel("Search the notes").fill(word);
  await page.getByLabel("Search the notes").press("Enter");
  await expect(page.locator("mark", { hasText: word }).first()).toBeVisible();
  await page.goto(`${LETTER}/search?q=${token}`);
  await expect(page.getByText(`Compare ¶9 again, ${token}.`, { exact: false })).toBeVisible();
  await page.goto(`${LETTER}/search?q=${word}`);
  await page.locator(`a[href*="note=${publicId}"]`).first().click();
  await expect(page.locator(`#note-${publicId}`)).toBeFocused();
  await readerContext.close();
});
