/**
 * Issue 19 end to end: a teacher in Los Angeles assigns a test (a past due
 * date is refused without losing the form), a student starts it from the
 * lesson page's "Take the quiz", the all-null probe of the grading route is
 * refused, and the teacher's grid shows the score with its band; Remove asks
 * first and can be undone.
 */
import type { Page } from "@playwright/test";
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
