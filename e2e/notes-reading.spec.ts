import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newTestUser, signInByApi, signUpByApi, trustUser } from "./support/accounts";

const LETTER = "/letters/reply-to-stalin";

/** Drags the mouse across `phrase` inside the paragraph, as a reader selects a passage. */
async function dragAcross(page: Page, paragraph: string, phrase: string) {
  const box = await page.locator(`#${paragraph}`).evaluate((element, phrase) => {
    const text = element.firstChild as Text;
    const start = text.data.indexOf(phrase);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + phrase.length);
    const rect = range.getBoundingClientRect();
    return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
  }, phrase);
  await page.mouse.move(box.left + 1, box.y);
  await page.mouse.down();
  await page.mouse.move((box.left + box.right) / 2, box.y, { steps: 5 });
  await page.mouse.move(box.right - 1, box.y, { steps: 5 });
  await page.mouse.up();
}

/**
 * Selects the first character of `phrase` in the focused paragraph, then the rest with Shift+ArrowRight. Chromium
 * extends a selection in read-only text from the keyboard, but does not start one from a bare caret unless caret
 * browsing (F7) is on.
 */
async function selectWithKeyboard(page: Page, paragraph: string, phrase: string) {
  await page.locator(`#${paragraph}`).evaluate((element, phrase) => {
    (element as HTMLElement).focus();
    const text = element.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf(phrase));
    range.setEnd(text, text.data.indexOf(phrase) + 1);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, phrase);
  for (let index = 1; index < phrase.length; index++) await page.keyboard.press("Shift+ArrowRight");
}

/** The composer loads after the page (signed-in readers only); it is ready once the margin has its Annotate buttons. */
async function composerReady(page: Page) {
  await expect(page.getByRole("button", { name: "Annotate paragraph 1", exact: true })).toBeVisible();
}

async function fillNote(page: Page, body: string, visibility: string) {
  const dialog = page.getByRole("dialog", { name: /Note on paragraph/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Reference type").selectOption("organisation");
  await dialog.getByLabel("Note", { exact: true }).fill(body);
  await dialog.getByLabel("Tags").fill("police, ultimatum");
  await dialog.getByLabel("Who may see it").selectOption(visibility);
  return dialog;
}

test("a reader annotates passages chosen with the mouse and the keyboard; others see only the public note", async ({ page, browser, baseURL, playwright }) => {
  const writer = newTestUser("annotator");
  // Trusted, so the public note is published at once (pre-moderation is e2e/moderation.spec.ts's subject).
  await trustUser(playwright, baseURL, await signUpByApi(page.request, baseURL, writer));
  await signInByApi(page, baseURL, writer.email, writer.password);
  await page.goto(LETTER);
  await expect(page.getByRole("link", { name: "Sign in to annotate" })).toHaveCount(0);
  await composerReady(page);

  // p1, with the mouse; a public note.
  await dragAcross(page, "p1", "ultimatum");
  await page.getByRole("button", { name: "Annotate the selected passage of paragraph 1" }).click();
  let dialog = await fillNote(page, "The **ultimatum** of the G.P.U.", "public");
  await expect(dialog.locator("q")).toHaveText("ultimatum");
  await dialog.getByRole("button", { name: "Save note" }).click();
  await page.waitForURL(/#note-/);
  const publicId = new URL(page.url()).hash.replace("#note-", "");
  const publicNote = page.locator(`#note-${publicId}`);
  await expect(publicNote).toBeFocused();
  await expect(page.locator('.block[data-anchor="p1"] .block-notes')).toContainText("The ultimatum of the G.P.U.");
  await expect(publicNote.locator("q")).toHaveText("ultimatum");
  await expect(publicNote.locator("strong")).toHaveText("ultimatum");
  await expect(publicNote).toContainText("Public");
  await expect(publicNote).toContainText(writer.displayName);

  // p3, with the keyboard: Shift+arrows, then Tab to the Annotate button; a private note.
  await composerReady(page);
  await selectWithKeyboard(page, "p3", "written answer");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Annotate the selected passage of paragraph 3" })).toBeFocused();
  await page.keyboard.press("Enter");
  dialog = await fillNote(page, "Trotsky insists on writing.", "private");
  await expect(dialog.locator("q")).toHaveText("written answer");
  await dialog.getByRole("button", { name: "Save note" }).click();
  await page.waitForURL((url) => url.hash !== `#note-${publicId}`);
  const privateId = new URL(page.url()).hash.replace("#note-", "");
  const privateNote = page.locator(`#note-${privateId}`);
  await expect(privateNote).toBeFocused();
  await expect(page.locator('.block[data-anchor="p3"] .block-notes')).toContainText("Trotsky insists on writing.");
  await expect(privateNote.locator("q")).toHaveText("written answer");
  await expect(privateNote).toContainText("Private");
  await expect(page.locator('.block[data-anchor="p3"] .paragraph-tools')).toContainText(/\d+ notes?/);

  // Notes shown beside the text: no serious accessibility problems, no sideways scrolling on a phone.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${LETTER}#note-${privateId}`);
  await expect(privateNote).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // Another reader (anonymous) sees the public note through its permalink, and not the private one.
  const reader = await browser.newContext({ baseURL });
  const anonymous = await reader.newPage();
  await anonymous.goto(`${LETTER}#note-${publicId}`);
  await expect(anonymous.locator(`#note-${publicId}`)).toBeFocused();
  await expect(anonymous.locator(`#note-${publicId}`)).toBeInViewport();
  await expect(anonymous.locator(`#note-${privateId}`)).toHaveCount(0);
  await expect(anonymous.getByText("Trotsky insists on writing.")).toHaveCount(0);
  await expect(anonymous.getByRole("link", { name: "Sign in to annotate" })).toBeVisible();
  await expect(anonymous.getByRole("button", { name: /Annotate/ })).toHaveCount(0);
  await reader.close();
});

test("a whole-paragraph note from the margin tools; Escape closes the dialog and gives focus back", async ({ page, baseURL }) => {
  const writer = newTestUser("paragraph-note");
  await signUpByApi(page.request, baseURL, writer);
  await signInByApi(page, baseURL, writer.email, writer.password);
  await page.goto(LETTER);
  const tool = page.getByRole("button", { name: "Annotate paragraph 2", exact: true });
  await tool.click();
  const dialog = page.getByRole("dialog", { name: "Note on paragraph 2" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(tool).toBeFocused();

  await tool.click();
  await dialog.getByRole("button", { name: "Save note" }).click();
  await expect(dialog.locator("#field-body-error")).toBeVisible(); // an empty body is refused beside its field
  await dialog.getByLabel("Note", { exact: true }).fill("A note on the whole paragraph.");
  await dialog.getByRole("button", { name: "Save note" }).click();
  await page.waitForURL(/#note-/);
  const note = page.locator(new URL(page.url()).hash);
  await expect(note).toBeFocused();
  await expect(note.locator("q")).toHaveCount(0);
  await expect(page.locator('.block[data-anchor="p2"] .block-notes')).toContainText("A note on the whole paragraph.");
});

test("a passage across a footnote mark is quoted and placed without the mark", async ({ page, baseURL }) => {
  const writer = newTestUser("footnote-note");
  await signUpByApi(page.request, baseURL, writer);
  await signInByApi(page, baseURL, writer.email, writer.password);
  await page.goto(LETTER);
  await expect(page.getByRole("button", { name: "Annotate paragraph 24" })).toBeVisible(); // the composer has loaded
  await page.locator("#p24").evaluate((element) => {
    const mark = element.querySelector("sup.footnote-mark")!;
    const before = mark.previousSibling as Text;
    const after = mark.nextSibling as Text;
    const range = document.createRange();
    range.setStart(before, before.data.lastIndexOf("Article 58"));
    range.setEnd(after, after.data.indexOf("perfidiously") + "perfidiously".length);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await expect(page.getByRole("button", { name: "Annotate the selected passage of paragraph 24" })).toBeVisible();
  await page.keyboard.press("Alt+Shift+A"); // the shortcut, from wherever focus is
  const dialog = await fillNote(page, "Article 58 of the Soviet penal code.", "public");
  await expect(dialog.locator("q")).toHaveText("Article 58 perfidiously");
  await dialog.getByRole("button", { name: "Save note" }).click(); // the server refuses a quote not at its position
  await page.waitForURL(/#note-/);
  const note = page.locator(new URL(page.url()).hash);
  await expect(note.locator("q")).toHaveText("Article 58 perfidiously");
  await expect(page.locator('.block[data-anchor="p24"] .block-notes')).toContainText("Article 58 of the Soviet penal code.");
});
