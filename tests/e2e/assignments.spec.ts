/**
 * Issue 19 end to end: a teacher in Los Angeles assigns a test (a past due
 * date is refused without losing the form), a student starts it from the
 * lesson page's "Take the quiz", the all-null probe of the grading route is
 * refused, and the teacher's grid shows the score with its band; Remove asks
 * first and can be undone.
 */
import type { Page } from "@playwright/test";
import crypto from "node:crypto";
import { createUser, expect, openTestDb, signIn, test } from "./fixtures";
import { answerWithKeyboard, loadQuiz } from "./quiz-helpers";

const QUIZ = loadQuiz("sanctions-quiz");
const LESSON_TITLE = "UN sanctions on North Korea: from Resolution 1718 to 2397 (2006-2017)";

test.use({ timezoneId: "America/Los_Angeles" });

function addToClass(classId: string, studentId: string) {
  const db = openTestDb();
  try {
    db.prepare("insert into class_members (class_id, student_id, created_at) values (?, ?, ?)").run(classId, studentId, Date.now());
  } finally {
    db.close();
  }
}

function publicVersions(): { questionId: string; versionId: number }[] {
  const db = openTestDb();
  try {
    return db.prepare("select id as questionId, current_version_id as versionId from questions where quiz_id = 'sanctions-quiz' and retired = 0").all() as { questionId: string; versionId: number }[];
  } finally {
    db.close();
  }
}

async function probe(page: Page) {
  const origin = new URL(page.url()).origin;
  return page.request.post("/api/quizzes/sanctions-quiz/grade", {
    headers: { origin, "content-type": "application/json" },
    data: { answers: publicVersions().map((v) => ({ ...v, answer: null })) },
  });
}

test("a test stays a test from any entry point, and the grid tells the truth", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const teacher = await createUser("teacher");
  await signIn(page, teacher, "/classes");
  await page.getByLabel("New class name").fill("Period 4");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Period 4" })).toBeVisible();
  const classUrl = page.url();
  const classId = new URL(classUrl).pathname.split("/")[2]!;

  // A past due date is refused with the field error, and nothing typed is lost.
  await page.getByRole("link", { name: "Assign a lesson" }).click();
  await page.getByLabel("Lesson", { exact: true }).selectOption({ label: LESSON_TITLE });
  await page.getByRole("checkbox", { name: "Reading" }).uncheck();
  await expect(page.getByText("This is a curriculum quiz, which anyone can practise.")).toBeVisible();
  await page.getByLabel("Attempts allowed (optional)").fill("1");
  await page.getByLabel("Instructions for students (optional)").fill("One sitting, no notes.");
  await page.getByLabel("Due (optional)").fill("2020-03-02T15:00");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("This due date has already passed.")).toBeVisible();
  await expect(page.getByLabel("Lesson", { exact: true })).toHaveValue("sanctions");
  await expect(page.getByLabel("Instructions for students (optional)")).toHaveValue("One sitting, no notes.");
  await expect(page.getByLabel("Attempts allowed (optional)")).toHaveValue("1");
  await page.getByLabel("Due (optional)").fill("2036-12-05T15:00");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("Assignment created")).toBeVisible();
  // 3:00 PM where the teacher is, labelled.
  await expect(page.getByText("Due Fri, Dec 5, 3:00 PM PST").first()).toBeVisible();

  // The student starts it from the lesson page, not from My assignments.
  const student = await createUser("student", { displayName: "Ada Lovelace" });
  addToClass(classId, student.id);
  const context = await browser.newContext({ timezoneId: "America/New_York" });
  const studentPage = await context.newPage();
  await signIn(studentPage, student, "/lessons/sanctions");
  await studentPage.getByRole("link", { name: "Take the quiz" }).click();
  await expect(studentPage.getByRole("heading", { name: "Assigned in Period 4" })).toBeVisible();
  await expect(studentPage.getByText("One sitting, no notes.")).toBeVisible();
  // The student sees the due time in their own zone.
  await expect(studentPage.getByText("Due Fri, Dec 5, 6:00 PM EST.")).toBeVisible();
  await expect(studentPage.getByRole("button", { name: "Start practice" })).toHaveCount(0);

  // Before and during the test, the all-null probe learns nothing.
  let response = await probe(studentPage);
  expect(response.status()).toBe(409);
  expect(await response.text()).not.toContain("correctLines");
  await studentPage.getByRole("button", { name: "Start the test" }).click();
  await expect(studentPage).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  response = await probe(studentPage);
  expect(response.status()).toBe(409);

  // The grid already shows the work in progress.
  await page.goto(classUrl);
  const grid = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: /Student/ }) });
  await expect(grid.getByRole("row", { name: /Ada Lovelace/ })).toContainText("In progress");

  for (const question of QUIZ.questions) await answerWithKeyboard(studentPage, question);
  await studentPage.getByRole("button", { name: "Submit answers" }).click();
  await expect(studentPage.getByTestId("score")).toBeVisible();
  // Submitted: public practice is open to them again.
  expect((await probe(studentPage)).status()).toBe(200);
  await context.close();

  await page.reload();
  const adaRow = grid.getByRole("row", { name: /Ada Lovelace/ });
  await expect(adaRow).toContainText("100 %");
  await expect(adaRow).toContainText("Strong");
  await expect(page.getByText("1/1 submitted").first()).toBeVisible();

  // Remove asks, then offers Undo.
  await page.getByRole("button", { name: /^Remove assignment/ }).click();
  await page.getByRole("button", { name: /^Yes, remove/ }).click();
  await expect(page.getByText(/Removed "UN sanctions/)).toBeVisible();
  await expect(page.getByText("No assignments yet.")).toBeVisible();
  await page.getByRole("button", { name: /^Undo/ }).click();
  await expect(grid.getByRole("row", { name: /Ada Lovelace/ })).toContainText("100 %");
});

test("Reset password asks first and can be undone: the old password works again, the one-time one doesn't", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const teacher = await createUser("teacher");
  const ada = await createUser("student", { displayName: "Ada Lovelace" });
  const classId = crypto.randomUUID();
  const db = openTestDb();
  try {
    db.prepare("insert into classes (id, teacher_id, name, join_code, created_at, updated_at) values (?, ?, ?, null, ?, ?)").run(classId, teacher.id, "Period 6", Date.now(), Date.now());
  } finally {
    db.close();
  }
  addToClass(classId, ada.id);
  await signIn(page, teacher, `/classes/${classId}/students`);
  const row = page.getByRole("row", { name: /Ada Lovelace/ });
  await row.getByRole("button", { name: /^Reset password/ }).click();
  await expect(row.getByRole("group", { name: /Confirm password reset/ })).toContainText("undo for 5 minutes");
  await row.getByRole("button", { name: /^Yes, reset/ }).click();
  await expect(row.getByText("New password:")).toBeVisible();
  const oneTime = (await row.locator(".font-mono.font-semibold").textContent())!.trim();
  // The offer survives a reload (it comes from the server).
  await page.reload();
  await row.getByRole("button", { name: /^Undo reset/ }).click();
  await expect(row.getByRole("status").filter({ hasText: "Reset undone" })).toContainText("old password works again");
  await expect(row.getByRole("button", { name: /^Undo reset/ })).toHaveCount(0);

  const context = await browser.newContext();
  const student = await context.newPage();
  await student.goto("/sign-in");
  await student.getByLabel("Username or email").fill(ada.username);
  await student.getByLabel("Password").fill(oneTime);
  await student.getByRole("button", { name: "Sign in" }).click();
  await expect(student.getByRole("alert").first()).toBeVisible();
  await expect(student.getByRole("button", { name: /account menu/i })).toHaveCount(0);
  await signIn(student, ada, "/assignments");
  await expect(student.getByRole("heading", { name: "My assignments" })).toBeVisible();
  await context.close();

  await page.goto(`/classes/${classId}/activity`);
  await expect(page.getByRole("row").filter({ hasText: "Undid a password reset" })).toContainText("Ada Lovelace");
  await page.goto(`/classes/${classId}/students`);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 360, height: 760 });
  await page.screenshot({ path: "test-results/roster-mobile-dark.png", fullPage: true });
});

test("the assignment form offers only the reading levels the lesson is written at", async ({ page }) => {
  const teacher = await createUser("teacher");
  const classId = crypto.randomUUID();
  const db = openTestDb();
  try {
    db.prepare("insert into classes (id, teacher_id, name, join_code, created_at, updated_at) values (?, ?, ?, null, ?, ?)").run(classId, teacher.id, "Period 7", Date.now(), Date.now());
  } finally {
    db.close();
  }
  await signIn(page, teacher, `/classes/${classId}/assignments/new?lesson=sanctions`);
  // The sanctions lesson is written at level 2 only: nothing to choose.
  await expect(page.getByTestId("one-level")).toContainText("Level 2 (grades 9–10) only");
  await expect(page.getByLabel("Reading level")).toHaveCount(0);
  await page.getByLabel("Lesson", { exact: true }).selectOption("who-is-responsible");
  const levels = page.getByLabel("Reading level");
  await expect(levels.locator("option")).toHaveText(["Each student's own level", "Level 1 (grades 6–7)", "Level 2 (grades 9–10)", "Level 3 (grades 11–12)"]);
});
