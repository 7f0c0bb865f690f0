import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newTestUser, originHeaders, signInByApi, signUpByApi, trustUser, type TestUser } from "./support/accounts";
import { visit } from "./support/navigation";
import { createNote, passageOf } from "./support/notes";

const LETTER = "/letters/reply-to-stalin";

async function person(browser: Browser, baseURL: string | undefined, prefix: string): Promise<{ page: Page; user: TestUser; id: string }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const user = newTestUser(prefix);
  const id = await signUpByApi(page.request, baseURL, user);
  await signInByApi(page, baseURL, user.email, user.password);
  return { page, user, id };
}

test("an 'after posting first' assignment: peers' notes appear after one's own, grades and feedback reach only their student, the gradebook has every row", async ({
  browser,
  baseURL,
  playwright,
}) => {
  const token = randomBytes(4).toString("hex");
  const teacher = await person(browser, baseURL, "teacher");
  await trustUser(playwright, baseURL, teacher.id);

  // The teacher creates a class and a join code (the class's own UI is covered by the accounts specs).
  const created = await teacher.page.request.post("/api/groups", { headers: originHeaders(baseURL), data: { kind: "class", name: `Seminar ${token}`, term: "Winter" } });
  expect(created.status()).toBe(201);
  const classId = (await created.json()).id as string;
  const invite = await teacher.page.request.post(`/api/groups/${classId}/invites`, { headers: originHeaders(baseURL), data: { expiresInDays: 14 } });
  const code = (await invite.json()).code as string;

  // …and the assignment, through its form: ¶9, due in a week, classmates' notes only after one's own first note.
  await teacher.page.goto(`/groups/${classId}/assignments`);
  const form = teacher.page.locator("form").filter({ has: teacher.page.getByLabel("Title") });
  await form.getByLabel("Title", { exact: true }).fill(`The International's record ${token}`);
  await form.getByLabel("Instructions (Markdown)").fill("Annotate **one** reference in paragraph 9.");
  await form.getByLabel("From", { exact: true }).fill("p9");
  await form.getByLabel("To", { exact: true }).fill("p9");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Opens", { exact: true }).fill(`${day(-1)}T09:00`);
  await form.getByLabel("Due", { exact: true }).fill(`${day(7)}T23:59`);
  await form.getByLabel("Time zone").fill("Europe/London");
  await form.getByLabel("At least this many notes").fill("1");
  await form.getByLabel("After posting their own first note on the same paragraph").check();
  await form.getByLabel("Maximum points (optional)").fill("10");
  await form.getByLabel("Rubric (optional)").fill("6: Accuracy\n4: Citations");
  await form.getByRole("button", { name: "Save as draft" }).click();
  await teacher.page.waitForURL(/\/assignments\/[0-9a-f-]+$/);
  const assignmentId = teacher.page.url().split("/").pop()!;
  await teacher.page.getByRole("button", { name: "Publish to the class" }).click();
  await expect(teacher.page.getByRole("button", { name: /^Close/ })).toBeVisible();

  // Two students join; B writes first.
  const studentA = await person(browser, baseURL, "student-a");
  const studentB = await person(browser, baseURL, "student-b");
  for (const student of [studentA, studentB]) {
    const joined = await student.page.request.post("/api/groups/join", { headers: originHeaders(baseURL), data: { code } });
    expect(joined.ok(), await joined.text()).toBe(true);
  }
  await studentB.page.goto(LETTER);
  await createNote(studentB.page.request, baseURL, {
    paragraph: "p9",
    ...(await passageOf(studentB.page, "p9", "Anglo-Russian Committee")),
    referenceType: "organisation",
    body: `B's committee note ${token}.`,
    visibility: "group",
    groupId: classId,
    assignmentId,
  });

  // A sees no classmate's note on ¶9 before writing one there, then sees B's.
  await visit(studentA.page, `${LETTER}?assignment=${assignmentId}#p9`);
  await expect(studentA.page.getByText(`B's committee note ${token}.`)).toHaveCount(0);
  const aNoteId = await createNote(studentA.page.request, baseURL, {
    paragraph: "p9",
    ...(await passageOf(studentA.page, "p9", "Pilsudski")),
    referenceType: "person",
    body: `A's note on Pilsudski ${token}.`,
    visibility: "group",
    groupId: classId,
    assignmentId,
  });
  await visit(studentA.page, `${LETTER}?assignment=${assignmentId}#p9`);
  await expect(studentA.page.locator("#notes-p9").getByText(`B's committee note ${token}.`)).toBeAttached();
  // ¶9 is crowded in the demo data: the margin may fold B's note into "N more", which lists it in the notes panel.
  if (!(await studentA.page.locator("#notes-p9").getByText(`B's committee note ${token}.`).isVisible())) {
    await studentA.page.locator("#notes-p9 [data-notes-more]").click();
    await expect(studentA.page.locator("#notes-panel").getByText(`B's committee note ${token}.`)).toBeVisible();
  }

  // The teacher gives A private feedback on the note, grades A, and releases grades.
  await visit(teacher.page, `${LETTER}?note=${aNoteId}#note-${aNoteId}`);
  const card = teacher.page.locator(`#note-${aNoteId}`);
  await card.getByLabel("Private feedback to the student").fill(`Good: cite the paragraph ${token}.`);
  await card.getByRole("button", { name: "Send feedback" }).click();
  await expect(card).toContainText(`Good: cite the paragraph ${token}.`);
  await teacher.page.goto(`/assignments/${assignmentId}/students`);
  await teacher.page.getByText(`${studentA.user.displayName}: not graded`).click(); // each grade form folds away
  const gradeA = teacher.page.getByRole("form", { name: `Grade for ${studentA.user.displayName}` });
  await gradeA.getByLabel("Accuracy (out of 6)").fill("5");
  await gradeA.getByLabel("Citations (out of 4)").fill("3"); // the points add up: 8
  await gradeA.getByLabel("Comment").fill(`Clear and cited ${token}.`);
  await gradeA.getByRole("button", { name: "Save grade" }).click();
  await expect(gradeA.getByRole("status").first()).not.toBeEmpty();
  teacher.page.once("dialog", (dialog) => void dialog.accept());
  await teacher.page.getByRole("button", { name: "Release grades" }).click();
  await expect(teacher.page.getByText(/Grades were released/)).toBeVisible();

  // A sees the grade and the feedback; B sees neither.
  await visit(studentA.page, `/assignments/${assignmentId}`);
  await expect(studentA.page.getByRole("region", { name: "Your grade" })).toContainText("8");
  await expect(studentA.page.getByRole("region", { name: "Your grade" })).toContainText(`Clear and cited ${token}.`);
  await visit(studentA.page, `${LETTER}?note=${aNoteId}#note-${aNoteId}`);
  await expect(studentA.page.locator(`#note-${aNoteId}`)).toContainText(`Good: cite the paragraph ${token}.`);
  await visit(studentB.page, `/assignments/${assignmentId}`);
  await expect(studentB.page.getByText(`Clear and cited ${token}.`)).toHaveCount(0);
  await visit(studentB.page, `${LETTER}?note=${aNoteId}#note-${aNoteId}`);
  await expect(studentB.page.getByText(`Good: cite the paragraph ${token}.`)).toHaveCount(0);
  expect((await studentB.page.request.get(`/api/assignments/${assignmentId}/export/gradebook.csv`)).status()).toBe(404);

  // The teacher's gradebook has a row for each student.
  const gradebook = await teacher.page.request.get(`/api/assignments/${assignmentId}/export/gradebook.csv`);
  expect(gradebook.status()).toBe(200);
  const csv = await gradebook.text();
  expect(csv).toContain(studentA.user.displayName);
  expect(csv).toContain(studentB.user.displayName);
});
