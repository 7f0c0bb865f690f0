import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const SLUG = "reply-to-stalin";
const LETTER = `/letters/${SLUG}`;

test("the colophon's TEI link downloads the edition as a TEI file", async ({ page }) => {
  await page.goto(LETTER);
  const link = page.locator("#colophon").getByRole("link", { name: "TEI P5" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`${SLUG}.tei.xml`);
  const xml = readFileSync((await download.path())!, "utf8");
  expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
  expect(xml).toContain('<TEI xmlns="http://www.tei-c.org/ns/1.0"');
  expect(xml).toContain('<p xml:id="p12" n="12">');
  expect(xml).toContain("<listAnnotation>");
});

test("the page's citation tags say what the Cite dialog says, and a note is cited by keyboard in three formats", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(LETTER);
  const meta = (name: string) => page.locator(`meta[name="${name}"]`).getAttribute("content");
  expect(await meta("citation_title")).toBe("Reply to Stalin");
  expect(await meta("citation_language")).toBe("en");
  expect(await meta("citation_public_url")).toBe(`${baseURL}${LETTER}`);
  const author = (await meta("citation_author"))!;
  expect(await meta("DC.creator")).toBe(author);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ name: "Reply to Stalin", author: { name: author }, inLanguage: "en" });

  // A demo note's card: Cite, by keyboard.
  const card = page.locator("article.note-card:visible").first();
  const noteId = (await card.getAttribute("id"))!.replace(/^note-/, "");
  const cite = card.getByRole("button", { name: "Cite this note" });
  await cite.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const permalink = `${baseURL}${LETTER}?note=${noteId}#note-${noteId}`;
  const chicago = await dialog.getByLabel("Chicago").inputValue();
  expect(chicago).toContain(`of ${author}, “Reply to Stalin”.” Marginalia,`);
  expect(chicago).toContain(permalink);
  expect(await dialog.getByLabel("BibTeX").inputValue()).toContain(`url = {${permalink}}`);
  const [csl] = JSON.parse(await dialog.getByLabel("CSL-JSON").inputValue());
  expect(csl).toMatchObject({ id: `note-${noteId}`, type: "post", URL: permalink });
  await dialog.getByRole("button", { name: "Copy CSL-JSON" }).click();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))[0].URL).toBe(permalink);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(cite).toBeFocused();

  // The note's permalink page carries the note's own tags (it is public), matching the dialog.
  await page.goto(`${LETTER}?note=${noteId}`);
  expect(await meta("citation_title")).toBe(csl.title);
  expect(await meta("citation_author")).toBe(csl.author[0].literal);
  expect(await meta("citation_public_url")).toBe(permalink);
});
