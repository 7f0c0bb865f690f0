import type { Page } from "@playwright/test";

/** A fresh load of a URL: going to the very same URL with a #hash again would only scroll, not reload. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto("about:blank");
  await page.goto(url);
}
