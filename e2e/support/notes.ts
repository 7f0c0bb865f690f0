import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { originHeaders } from "./accounts";

const NOTES = "/api/documents/reply-to-stalin/notes";

/** The passage's selectors in code points of the stored text (the letter is all in the BMP: code units will do). */
export async function passageOf(page: Page, paragraph: string, phrase: string) {
  const text = (await page.locator(`#${paragraph}`).textContent())!.trim();
  const start = text.indexOf(phrase);
  expect(start, `“${phrase}” in ${paragraph}`).toBeGreaterThanOrEqual(0);
  return {
    quote: { exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + phrase.length, start + phrase.length + 32) },
    position: { start, end: start + phrase.length },
  };
}

export async function createNote(request: APIRequestContext, baseURL: string | undefined, data: Record<string, unknown>): Promise<string> {
  const response = await request.post(NOTES, { headers: originHeaders(baseURL), data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

