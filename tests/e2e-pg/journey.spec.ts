/**
 * The core teacher/student journey against a server running on PostgreSQL
 * (playwright.pg.config.ts): a teacher signs up and creates a class, a
 * student joins with the code and takes the assigned quiz, the teacher's grid
 * shows the score. Everything goes through the UI, so nothing here seeds a
 * database directly.
 */
import { expect, test, type Page } from "@playwright/test";
import { answerWithKeyboard, loadQuiz } from "../e2e/quiz-helpers";

const QUIZ = loadQuiz("sanctions-quiz");
const LESSON_TITLE = "UN sanctions on North Korea: from Resolution 1718 to 2397 (2006-2017)";

async function signUp(page: Page, role: "teacher" | "learner", name: string, username: string) {
  await page.goto("/sign-up");
  await page.locator(`input[name=role][value=${role}]`).check();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("a quiet river at dawn");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: /account menu/i })).toContainText(name);
}

test("on PostgreSQL: teacher signs up, creates a class and assigns a quiz; a student joins and submits; the grid shows it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36);
  await signUp(page, "teacher", "Pat Teacher", `pgteacher${suffix}`);
  await page.goto("/classes");
  await page.getByLabel("New class name").fill("Period 7");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Period 7" })).toBeVisible();
  const classUrl = page.url();
  const code = (await page.getByLabel(/^Class code /).textContent())!.trim();
  await page.getByRole("link", { name: "Assign a lesson" }).click();
  await page.getByLabel("Lesson", { exact: true }).selectOption({ label: LESSON_TITLE });
  await page.getByRole("checkbox", { name: "Reading" }).uncheck();
  await page.getByLabel("Quiz mode").selectOption("test");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("Assignment created")).toBeVisible();

  const context = await browser.newContext();
  const student = await context.newPage();
  await student.goto(`/join?code=${code}`);
  await student.getByLabel("Your name").fill("Ada Lovelace");
  await student.getByLabel("Choose a username").fill(`pgstudent${suffix}`);
  await student.getByLabel("Choose a password").fill("maple river summit");
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("heading", { name: "My assignments" })).toBeVisible();
  await student.getByRole("link", { name: "Take the quiz" }).click();
  await student.getByRole("button", { name: "Start the test" }).click();
  await expect(student).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  for (const question of QUIZ.questions) await answerWithKeyboard(student, question);
  await student.getByRole("button", { name: "Submit answers" }).click();
  await expect(student.getByTestId("score")).toBeVisible();
  const score = (await student.getByTestId("score").textContent())!.trim();
  await context.close();

  await page.goto(classUrl);
  const grid = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: /Student/ }) });
  const row = grid.getByRole("row", { name: /Ada Lovelace/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText("100");
  console.log(`[pg journey] student's score: ${score}; grid row: ${(await row.textContent())?.replace(/\s+/g, " ")}`);
});
