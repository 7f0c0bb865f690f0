import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signInByApi } from "./support/accounts";
import { visit } from "./support/navigation";

// The letter reads continuously whatever the notes (issue #12): margin cards never push the text, notes can be
// hidden, a notes panel reads alongside, and a phone folds notes to one line under their paragraph.

test.describe.configure({ timeout: 120_000 });

const LETTER = "/letters/reply-to-stalin";

/** The space between each pair of consecutive blocks of the letter's text, in px. */
async function gapsBetweenParagraphs(page: Page): Promise<{ between: string; gap: number }[]> {
  return page.evaluate(() => {
    const texts = [...document.querySelectorAll<HTMLElement>(".edition-text .block-text")];
    return texts.slice(1).map((text, index) => ({
      between: `${texts[index]!.id || texts[index]!.className} → ${text.id || text.className}`,
      gap: Math.round(text.getBoundingClientRect().top - texts[index]!.getBoundingClientRect().bottom),
    }));
  });
}

async function lineHeight(page: Page): Promise<number> {
  return page.locator("#p1").evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
}

/** No gap between paragraphs exceeds the bare letter's gap there by more than a line. */
async function expectTextUnbroken(page: Page, bare: { between: string; gap: number }[], what: string) {
  const line = await lineHeight(page);
  const now = await gapsBetweenParagraphs(page);
  expect(now.length, what).toBe(bare.length);
  const torn = now.filter((pair, index) => pair.gap > bare[index]!.gap + line).map((pair) => `${pair.between}: ${pair.gap}px`);
  expect(torn, `${what}: gaps larger than the bare text's by more than a line (${line}px)`).toEqual([]);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`);
}

for (const who of ["signed out", "signed in"] as const) {
  test(`at 1440 px, ${who}, the notes never push the text apart, with a thread open too`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    if (who === "signed in") await signInByApi(page, baseURL, "researcher@demo.marginalia", DEMO_PASSWORD);
    await visit(page, `${LETTER}?notes=off`);
    await expect(page.locator(".block-notes").first()).toBeHidden();
    const bare = await gapsBetweenParagraphs(page);

    await visit(page, `${LETTER}?notes=on`);
    await expect(page.locator(".edition")).toHaveClass(/margin-laid-out/);
    await expect(page.locator('.block[data-anchor="p1"] .note-card').first()).toBeVisible();
    await expectTextUnbroken(page, bare, "all notes shown");

    // Cards never overlap one another in the margin.
    const boxes = await page.locator(".block-notes .note-card:visible").evaluateAll((cards) =>
      cards.map((card) => card.getBoundingClientRect()).map((box) => [Math.round(box.top), Math.round(box.bottom)]),
    );
    for (let index = 1; index < boxes.length; index += 1) expect(boxes[index]![0], `card ${index}`).toBeGreaterThanOrEqual(boxes[index - 1]![1]);
    // The demo's ¶9 has more notes than fit beside it: the rest fold into "N more".
    const more = page.locator('.block[data-anchor="p9"] [data-notes-more]');
    await expect(more).toBeVisible();
    await expect(more).toHaveAttribute("data-count", /^\d+ more$/);

    // Open the first thread with replies: it grows within the margin, never into the text.
    const thread = page.locator(".block-notes .note-card:visible").getByRole("button", { name: /\d+ repl/ }).first();
    await thread.click();
    await expect(thread).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator(".block-notes .note-replies").first()).toBeVisible();
    await expectTextUnbroken(page, bare, "a thread open");
  });
}

test("?notes=off and the switch show the bare letter and remember the choice", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await visit(page, `${LETTER}?notes=off`);
  const toggle = page.getByRole("switch", { name: "Show notes" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(page.locator(".block-notes").first()).toBeHidden();
  await expect(page.locator(".notes-count").first()).toBeHidden();
  expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith("marginalia-note")).length)).toBe(0);
  // Paragraph numbers, permalinks and citations stay.
  await expect(page.getByRole("link", { name: "Link to paragraph 1", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cite paragraph 1", exact: true })).toBeAttached();

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.locator('.block[data-anchor="p1"] .note-card').first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get("notes")).toBeNull();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has("marginalia-note-1"))).toBe(true);

  await toggle.click();
  expect(new URL(page.url()).searchParams.get("notes")).toBe("off");
  // Remembered: the plain address opens the bare letter, before any note is painted.
  await visit(page, LETTER);
  await expect(page.getByRole("switch", { name: "Show notes" })).toHaveAttribute("aria-checked", "false");
  await expect(page.locator(".block-notes").first()).toBeHidden();
  await page.getByRole("switch", { name: "Show notes" }).click();
  await visit(page, LETTER);
  await expect(page.locator('.block[data-anchor="p1"] .note-card').first()).toBeVisible();
});

test("the notes panel opens and closes by keyboard, lists the notes, follows the text and passes axe", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await visit(page, LETTER);
  await expect(page.locator(".edition")).toHaveClass(/margin-laid-out/);
  expect(await seriousViolations(page), "panel closed").toEqual([]);

  const opener = page.getByRole("button", { name: /Notes panel/ });
  await opener.focus();
  await page.keyboard.press("Alt+Shift+N");
  const panel = page.getByRole("complementary", { name: "Notes" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Notes" })).toBeFocused();
  await expect(opener).toHaveAttribute("aria-expanded", "true");
  await expect(panel.locator(".note-card").first()).toBeVisible();
  // Reading order: the first listed note is on the first annotated paragraph.
  await expect(panel.locator(".note-card").first()).toHaveAttribute("data-paragraph", "p1");
  // With the panel open, the margin steps aside and the text still reads continuously.
  await expect(page.locator(".block-notes").first()).toBeHidden();
  expect(await seriousViolations(page), "panel open").toEqual([]);

  // It follows the letter: scrolled to ¶20, the notes of the paragraphs in view come first in view.
  // (Not while the reader works in the panel: focus and the pointer leave it first.)
  await page.mouse.move(10, 450);
  await page.locator("#p20").evaluate((element) => {
    (document.activeElement as HTMLElement | null)?.blur();
    element.scrollIntoView({ block: "start" });
  });
  await expect
    .poll(async () =>
      panel.locator(".note-card").evaluateAll((cards) => {
        const list = cards[0]!.closest("ol")!.getBoundingClientRect();
        const first = cards.find((card) => card.getBoundingClientRect().bottom > list.top + 4);
        return Number(first?.getAttribute("data-paragraph")?.replace("p", "") ?? 0);
      }),
    )
    .toBeGreaterThanOrEqual(12);

  // Escape closes it and gives focus back.
  await panel.getByRole("heading", { name: "Notes" }).focus();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.locator('.block[data-anchor="p1"] .note-card').first()).toBeVisible();

  // "N more" opens the panel on that paragraph's notes.
  const besideP9 = await page.locator('.block[data-anchor="p9"] .note-card:visible').count();
  await page.locator('.block[data-anchor="p9"] [data-notes-more]').click();
  await expect(panel.getByRole("heading", { name: "Notes on paragraph 9" })).toBeFocused();
  await expect.poll(() => panel.locator(".note-card").count()).toBeGreaterThan(besideP9);
  await expect(panel.locator('.note-card:not([data-paragraph="p9"])')).toHaveCount(0);
  await page.keyboard.press("Alt+Shift+N");
  await expect(panel).toBeHidden();
  await expect(page.locator('.block[data-anchor="p9"] [data-notes-more]')).toBeFocused();
});

for (const who of ["signed out", "signed in"] as const) {
  test(`at 390 px, ${who}, notes fold to one line and a permalink's paragraph is fully below the header`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    if (who === "signed in") await signInByApi(page, baseURL, "researcher@demo.marginalia", DEMO_PASSWORD);
    await visit(page, `${LETTER}#p9`);
    await expect(page.locator("#p9")).toBeFocused();
    const header = await page.locator(".site-header").boundingBox();
    const paragraph = await page.locator("#p9").boundingBox();
    expect(paragraph!.y).toBeGreaterThanOrEqual(header!.y + header!.height);

    const toggle = page.locator("#notes-p9").getByRole("button", { name: /^\d+ notes?: .* on paragraph 9$/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator("#notes-p9 .note-card").first()).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("#notes-p9 .note-card").first()).toBeVisible();

    // A note's permalink opens its paragraph's notes, below the header.
    const noteId = await page.locator("#notes-p3 .note-card").first().getAttribute("data-note-id");
    await visit(page, `${LETTER}?note=${noteId}#note-${noteId}`);
    const note = page.locator(`#note-${noteId}`);
    await expect(note).toBeFocused();
    await expect(note).toBeVisible();
    const header2 = await page.locator(".site-header").boundingBox();
    expect((await note.boundingBox())!.y).toBeGreaterThanOrEqual(header2!.y + header2!.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), "phone, panel closed").toEqual([]);
    await page.getByRole("button", { name: /Notes panel/ }).click();
    await expect(page.getByRole("complementary", { name: "Notes" })).toBeVisible();
    expect(await seriousViolations(page), "phone, panel open").toEqual([]);
  });
}
