import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parseSource } from "../lib/documents/parse-source";

const LETTER = "/letters/reply-to-stalin";
const source = parseSource(readFileSync("content/reply-to-stalin.txt", "utf8"));
const anchored = source.blocks.filter((block) => block.anchorId);

/** The visible text of a block without its footnote marks, as the source stores it. */
async function blockText(page: Page, anchorId: string) {
  return page.locator(`#${anchorId}`).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("sup, .footnote-label, .footnote-back").forEach((node) => node.remove());
    return copy.textContent!.trim();
  });
}

test.describe("the reading page", () => {
  test("shows every paragraph in order, to the character", async ({ page }) => {
    await page.goto(LETTER);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reply to Stalin");
    const anchors = await page.locator(".block[data-anchor]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-anchor")));
    expect(anchors).toEqual(anchored.map((block) => block.anchorId));
    for (const block of anchored) expect(await blockText(page, block.anchorId!)).toBe(block.text);
    await expect(page.locator("blockquote#p25")).toBeVisible();
    await expect(page.locator(".paragraph-number")).toHaveCount(27);
    await expect(page.locator("hr.section-break")).toHaveCount(1);
  });

  test("leads from / to the letter", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`${LETTER}$`));
  });

  test("opening #p20 scrolls to paragraph 20 and focuses it", async ({ page }) => {
    await page.goto(`${LETTER}#p20`);
    const paragraph = page.locator("#p20");
    await expect(paragraph).toBeFocused();
    await expect(paragraph).toBeInViewport();
    await expect(paragraph).toContainText("Two of my closest co-workers");
  });

  test("links the footnote and its mark both ways", async ({ page }) => {
    await page.goto(LETTER);
    await page.getByRole("link", { name: "Footnote 1", exact: true }).click();
    await expect(page).toHaveURL(/#fn1$/);
    await expect(page.locator("#fn1")).toBeFocused();
    await page.getByRole("link", { name: /Back to the mark of footnote 1/ }).click();
    await expect(page).toHaveURL(/#fnref1$/);
    await expect(page.locator("#fnref1")).toBeInViewport();
  });

  test("copies a paragraph's permalink", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(LETTER);
    await page.getByRole("button", { name: "Copy link to paragraph 12" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Link to paragraph 12 copied" })).toHaveCount(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${LETTER}#p12`);
  });

  test("cites a paragraph in Chicago style and BibTeX, by keyboard", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(LETTER);
    const cite = page.getByRole("button", { name: "Cite paragraph 12" });
    await cite.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Cite paragraph 12" });
    await expect(dialog).toBeVisible();
    const chicago = await dialog.getByLabel("Chicago").inputValue();
    expect(chicago).toContain("Trotsky, L. D. “Reply to Stalin.” Letter, Alma-Ata, December 16, 1928.");
    expect(chicago).toContain("Para. 12.");
    expect(chicago).toContain(`${baseURL}${LETTER}#p12.`);
    const bibtex = await dialog.getByLabel("BibTeX").inputValue();
    expect(bibtex).toMatch(/^@misc\{trotsky1928reply-12,/);
    expect(bibtex).toContain(`url = {${baseURL}${LETTER}#p12}`);
    await dialog.getByRole("button", { name: "Copy Chicago" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(chicago);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(cite).toBeFocused();
  });

  test("shows the colophon and the GFDL attribution", async ({ page }) => {
    await page.goto(LETTER);
    const colophon = page.locator("#colophon");
    await expect(colophon).toContainText("By The Militant.");
    await expect(colophon).toContainText("Einde O’Callaghan for the Trotsky Internet Archive.");
    await expect(colophon).toContainText("GNU Free Documentation License");
    await expect(page.getByRole("contentinfo").last()).toContainText("Leon Trotsky Internet Archive");
  });

  test("has no serious or critical axe violations", async ({ page }) => {
    await page.goto(LETTER);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
  });

  test("has no horizontal scroll at 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(LETTER);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("sends a nonce-based Content-Security-Policy and breaks no script with it", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(LETTER);
    const policy = response!.headers()["content-security-policy"];
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-inline");
    // The client component works: it focuses a paragraph when the fragment changes.
    await page.evaluate(() => (window.location.hash = "#p3"));
    await expect(page.locator("#p3")).toBeFocused();
    expect(violations).toEqual([]);
  });

  test("keyboard users can skip to the text", async ({ page }) => {
    await page.goto(LETTER);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to the text" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("answers 404 for a letter that does not exist", async ({ page }) => {
    const response = await page.goto("/letters/no-such-letter");
    expect(response!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  });
});

test("GET /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  expect(response.headers()["cache-control"]).toContain("no-store");
});
