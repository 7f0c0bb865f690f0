import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, newTestUser, signInByApi, signUpByApi } from "./support/accounts";
import { createNote, passageOf } from "./support/notes";

const LETTER = "/letters/reply-to-stalin";

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
