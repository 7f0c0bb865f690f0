import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, newTestUser, originHeaders, signInByApi, signUpByApi, trustUser } from "./support/accounts";
import { visit } from "./support/navigation";
import { createNote } from "./support/notes";

// What a card offers is what the server allows (NoteView.actions, from the policy): a group note's card, a locked
// thread and a hidden reply, as a group member and as an outsider see them — in the page and in the JSON API.

const LETTER = "/letters/reply-to-stalin";

async function reader(browser: Browser, baseURL: string | undefined, prefix: string) {
  const user = newTestUser(prefix);
  const page = await (await browser.newContext({ baseURL })).newPage();
  const id = await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  return { user, page, id };
}

async function decide(request: APIRequestContext, baseURL: string | undefined, noteId: string, action: string, reason?: string) {
  const current = await request.get(`/api/notes/${noteId}`);
  const { moderationRevision } = await current.json();
  const response = await request.post(`/api/notes/${noteId}/decisions`, {
    headers: originHeaders(baseURL),
    data: { action, basedOn: moderationRevision, ...(reason ? { reason } : {}) },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function actionsOf(page: Page, noteId: string) {
  const response = await page.request.get(`/api/notes/${noteId}`);
  return response.ok() ? (await response.json()).actions : response.status();
}

test("a group note, a locked thread and a hidden reply show a member and an outsider exactly the actions the server allows", async ({
  browser,
  baseURL,
  playwright,
}) => {
  const owner = await reader(browser, baseURL, "owner");
  const member = await reader(browser, baseURL, "member");
  const outsider = await reader(browser, baseURL, "outsider");
  for (const who of [owner, member]) await trustUser(playwright, baseURL, who.id);

  // The owner's research group, joined by the member with an invite code.
  const created = await owner.page.request.post("/api/groups", { headers: originHeaders(baseURL), data: { kind: "research", name: `Seminar ${owner.user.displayName}` } });
  expect(created.status()).toBe(201);
  const groupId = (await created.json()).id as string;
  const invite = await owner.page.request.post(`/api/groups/${groupId}/invites`, { headers: originHeaders(baseURL), data: { expiresInDays: 7 } });
  const joined = await member.page.request.post("/api/groups/join", { headers: originHeaders(baseURL), data: { code: (await invite.json()).code } });
  expect(joined.status(), await joined.text()).toBe(200);

  const token = owner.id.slice(0, 8);
  const groupNote = await createNote(owner.page.request, baseURL, { paragraph: "p14", referenceType: "event", visibility: "group", groupId, body: `Group note ${token}.` });
  const lockedNote = await createNote(owner.page.request, baseURL, { paragraph: "p15", referenceType: "event", visibility: "public", body: `Locked thread ${token}.` });
  const reply = await member.page.request.post(`/api/notes/${lockedNote}/replies`, { headers: originHeaders(baseURL), data: { body: `Member's reply ${token}.` } });
  expect(reply.status()).toBe(201);
  const replyId = (await reply.json()).id as string;

  // The demo reviewer hides the member's reply and locks the thread.
  const reviewer = await playwright.request.newContext({ baseURL });
  const signedIn = await reviewer.post("/api/auth/callback/credentials", {
    headers: originHeaders(baseURL),
    form: { email: "reviewer@demo.marginalia", password: DEMO_PASSWORD, csrfToken: (await (await reviewer.get("/api/auth/csrf")).json()).csrfToken, json: "true" },
  });
  expect(signedIn.status()).toBe(200);
  await decide(reviewer, baseURL, replyId, "hide", "Hidden for the end-to-end test of actions.");
  await decide(reviewer, baseURL, lockedNote, "lock");
  await reviewer.dispose();

  // The API says what each may do.
  expect(await actionsOf(member.page, groupNote)).toEqual({ mayReply: true, mayFlag: true, mayEdit: false, mayDelete: false, mayModerate: false });
  expect(await actionsOf(outsider.page, groupNote)).toBe(404);
  expect(await actionsOf(member.page, lockedNote)).toEqual({ mayReply: false, mayFlag: true, mayEdit: false, mayDelete: false, mayModerate: false });
  expect(await actionsOf(outsider.page, lockedNote)).toEqual({ mayReply: false, mayFlag: true, mayEdit: false, mayDelete: false, mayModerate: false });
  expect(await actionsOf(member.page, replyId)).toEqual({ mayReply: false, mayFlag: false, mayEdit: true, mayDelete: true, mayModerate: false });
  expect(await actionsOf(outsider.page, replyId)).toBe(404);

  // The member's page: the group note offers Flag and Reply, no Edit, Delete or moderation.
  await visit(member.page, `${LETTER}?note=${groupNote}#note-${groupNote}`);
  const groupCard = member.page.locator(`#note-${groupNote}`);
  await expect(groupCard.getByRole("button", { name: /^Flag/ })).toBeVisible();
  await expect(groupCard.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(groupCard.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(groupCard.getByRole("button", { name: "Hide" })).toHaveCount(0);
  await expect(groupCard.getByRole("form", { name: "Reply to this note" })).toBeVisible();

  // The locked thread: the member sees its own hidden reply (with Edit and Delete, no Flag) and no reply form.
  await visit(member.page, `${LETTER}?note=${lockedNote}#note-${lockedNote}`);
  const lockedCard = member.page.locator(`#note-${lockedNote}`);
  await expect(lockedCard.getByRole("button", { name: /^Flag/ }).first()).toBeVisible();
  const hiddenReply = lockedCard.locator(`#note-${replyId}`);
  await expect(hiddenReply).toContainText(`Member's reply ${token}.`);
  await expect(hiddenReply.getByRole("button", { name: /^Edit/ })).toBeVisible();
  await expect(hiddenReply.getByRole("button", { name: /^Flag/ })).toHaveCount(0);
  await expect(hiddenReply.getByRole("button", { name: /^Reply/ })).toHaveCount(0);
  await expect(lockedCard.getByRole("form", { name: /^Reply to/ })).toHaveCount(0);

  // The outsider: no group note at all; the locked thread without the hidden reply and without a reply form.
  await visit(outsider.page, `${LETTER}?note=${groupNote}#note-${groupNote}`);
  await expect(outsider.page.locator(`#note-${groupNote}`)).toHaveCount(0);
  await expect(outsider.page.getByRole("status").filter({ hasText: "not there, or not visible to you" })).toBeVisible();
  await visit(outsider.page, `${LETTER}?note=${lockedNote}#note-${lockedNote}`);
  const outsiderLocked = outsider.page.locator(`#note-${lockedNote}`);
  await expect(outsiderLocked.getByRole("button", { name: /^Flag/ })).toBeVisible();
  await expect(outsiderLocked.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(outsiderLocked.locator(`#note-${replyId}`)).toHaveCount(0);
  await expect(outsiderLocked.getByRole("form", { name: /^Reply to/ })).toHaveCount(0);

  for (const who of [owner, member, outsider]) await who.page.context().close();
});
