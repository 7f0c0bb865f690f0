import { expect, test } from "@playwright/test";
import { newTestUser, originHeaders, signInByApi, signUpByApi } from "./support/accounts";

const NOTES = "/api/documents/reply-to-stalin/notes";

test("notes through the JSON API: visibility, ETag and If-Match", async ({ page, browser, baseURL }) => {
  const writer = newTestUser("writer");
  await signUpByApi(page.request, baseURL, writer);
  await signInByApi(page, baseURL, writer.email, writer.password);
  const headers = originHeaders(baseURL);

  const created = await page.request.post(NOTES, {
    headers,
    data: { paragraph: "p3", referenceType: "organisation", body: "**G.P.U.**: the political police.", visibility: "private" },
  });
  expect(created.status()).toBe(201);
  const note = await created.json();
  expect(created.headers().etag).toBe('"1"');
  expect(note.bodyHtml).toContain("<strong>G.P.U.</strong>");

  // A private note is invisible to everyone else, anonymous readers included.
  const reader = await browser.newContext({ baseURL });
  expect((await reader.request.get(`/api/notes/${note.id}`)).status()).toBe(404);
  const listed = await (await reader.request.get(`${NOTES}?paragraph=p3`)).json();
  expect(listed.notes.map((item: { id: string }) => item.id)).not.toContain(note.id);
  await reader.close();

  const edit = { body: "The OGPU, the political police.", tags: ["police"], sources: [], referenceType: "organisation" };
  const updated = await page.request.patch(`/api/notes/${note.id}`, { headers: { ...headers, "If-Match": '"1"' }, data: edit });
  expect(updated.status()).toBe(200);
  expect(updated.headers().etag).toBe('"2"');
  const stale = await page.request.patch(`/api/notes/${note.id}`, { headers: { ...headers, "If-Match": '"1"' }, data: { ...edit, body: "stale" } });
  expect(stale.status()).toBe(412);

  const badQuote = await page.request.post(NOTES, {
    headers,
    data: { paragraph: "p3", quote: { exact: "not in the letter" }, position: { start: 0, end: 17 }, referenceType: "other", body: "x", visibility: "public" },
  });
  expect(badQuote.status()).toBe(400);
  expect((await badQuote.json()).fields.quote).toBeTruthy();
  const tooLong = await page.request.post(NOTES, { headers, data: { paragraph: "p3", referenceType: "other", body: "x".repeat(50_001), visibility: "public" } });
  expect(tooLong.status()).toBe(400);
  const badCursor = await page.request.get(`${NOTES}?cursor=!!!`);
  expect(badCursor.status()).toBe(400);

  expect((await page.request.delete(`/api/notes/${note.id}`, { headers: { ...headers, "Content-Type": "application/json" } })).status()).toBe(204);
  expect((await page.request.get(`/api/notes/${note.id}`)).status()).toBe(404);
});
