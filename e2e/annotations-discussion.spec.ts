import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, newTestUser, originHeaders, signInByApi, signUpByApi } from "./support/accounts";

const LETTER = "/letters/reply-to-stalin";
const NOTES = "/api/documents/reply-to-stalin/notes";

/** The passage's selectors in code points of the stored text (the letter is all in the BMP: code units will do). */
async function passageOf(page: Page, paragraph: string, phrase: string) {
  const text = (await page.locator(`#${paragraph}`).textContent())!.trim();
  const start = text.indexOf(phrase);
  expect(start, `“${phrase}” in ${paragraph}`).toBeGreaterThanOrEqual(0);
  return {
    quote: { exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + phrase.length, start + phrase.length + 32) },
    position: { start, end: start + phrase.length },
  };
}

async function createNote(request: APIRequestContext, baseURL: string | undefined, data: Record<string, unknown>): Promise<string> {
  const response = await request.post(NOTES, { headers: originHeaders(baseURL), data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

test("a second reader replies, the writer edits (and reapplies a change over a newer version), filters and search find the note, the private note stays private", async ({
  page,
  browser,
  baseURL,
}) => {
  const token = randomBytes(4).toString("hex");
  const word = `kestrel${token}`;
  const writer = newTestUser("writer");
  await signUpByApi(page.request, baseURL, writer);
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
  await signUpByApi(readerPage.request, baseURL, reader);
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
  await expect(readerPage.getByRole("status")).toContainText(/no notes|0 notes|nothing/i);
  await expect(readerPage.getByText(`hidden${token}`)).toHaveCount(0);

  // The writer sees the reply and edits the note.
  await page.goto(`${LETTER}?note=${publicId}#note-${publicId}`);
  const card = page.locator(`#note-${publicId}`);
  await expect(card.getByRole("article", { name: `Reply by ${reader.displayName}` })).toBeVisible();
  await card.getByRole("button", { name: "Edit this note" }).click();
  await card.getByLabel("Edit your note").fill(`The Anglo-Russian Committee, ${word}: see ¶9.`);
  await card.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.locator(`#note-${publicId}`)).toContainText("see ¶9.");

  // Meanwhile (another tab) the note changes again; the form shows the newer text and reapplies the draft over it.
  await page.locator(`#note-${publicId}`).getByRole("button", { name: "Edit this note" }).click();
  await page.locator(`#note-${publicId}`).getByLabel("Edit your note").fill(`The Anglo-Russian Committee (1925), ${word}: see ¶9.`);
  const elsewhere = await page.request.patch(`/api/notes/${publicId}`, {
    headers: { ...originHeaders(baseURL), "If-Match": '"2"' },
    data: { body: `Changed in another tab, ${word}.` },
  });
  expect(elsewhere.status()).toBe(200);
  await page.locator(`#note-${publicId}`).getByRole("button", { name: "Save", exact: true }).click();
  const conflict = page.locator(`#note-${publicId}`).locator(".note-conflict");
  await expect(conflict).toContainText(`Changed in another tab, ${word}.`);
  await conflict.page().getByRole("button", { name: "Apply my change to the new version" }).click();
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

test("an admin's correction of a paragraph moves the notes whose words survive and lists the others apart", async ({ page, browser, baseURL }) => {
  const token = randomBytes(4).toString("hex");
  const writer = newTestUser("orphan");
  await signUpByApi(page.request, baseURL, writer);
  await signInByApi(page, baseURL, writer.email, writer.password);
  await page.goto(LETTER);
  const keptId = await createNote(page.request, baseURL, {
    paragraph: "p22",
    ...(await passageOf(page, "p22", "political activity of the Opposition")),
    referenceType: "organisation",
    body: `Kept ${token}.`,
    visibility: "public",
  });
  const orphanId = await createNote(page.request, baseURL, {
    paragraph: "p22",
    ...(await passageOf(page, "p22", "offer no obstacle at all")),
    referenceType: "other",
    body: `Orphaned ${token}.`,
    visibility: "public",
  });

  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signInByApi(admin, baseURL, "admin@demo.marginalia", DEMO_PASSWORD);
  await admin.goto(`${LETTER}#p22`);
  await admin.getByRole("button", { name: "Correct the text of paragraph 22" }).click();
  const dialog = admin.getByRole("dialog", { name: "Correct the text of paragraph 22" });
  const corrected = dialog.getByLabel("Corrected text");
  await expect(corrected).toHaveValue(/offer no obstacle at all/);
  const text = await corrected.inputValue();
  await corrected.fill(text.replace("offer no obstacle at all", "place no hindrance whatever"));
  await dialog.getByLabel("Reason (required)").fill(`Test correction ${token}`);
  await dialog.getByRole("button", { name: "Record correction" }).click();
  await expect(dialog.locator("#correction-summary")).toContainText("1 orphaned");
  await adminContext.close();

  await page.goto(LETTER);
  await expect(page.locator("#p22")).toContainText("place no hindrance whatever");
  const orphans = page.locator("#orphaned-notes");
  await expect(orphans.getByRole("heading", { name: "Notes that lost their passage" })).toBeVisible();
  await expect(orphans.locator(`#note-${orphanId}`)).toContainText(`Orphaned ${token}.`);
  await expect(page.locator('.block[data-anchor="p22"] .block-notes')).not.toContainText(`Orphaned ${token}.`);
  await expect(page.locator('.block[data-anchor="p22"] .block-notes').locator(`#note-${keptId}`)).toContainText(`Kept ${token}.`);
  await page.goto(`${LETTER}/corrections`);
  await expect(page.getByText(`Test correction ${token}`)).toBeVisible();
});
