/**
 * The core teacher/student journey against a server running on PostgreSQL
 * (the "postgres" project of playwright.config.ts): a teacher signs up and creates a class, a
 * student joins with the code and takes the assigned quiz, the teacher's grid
 * shows the score. Everything goes through the UI, so nothing here seeds a
 * database directly.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { answerWithKeyboard, loadQuiz } from "../e2e/quiz-helpers";

const QUIZ = loadQuiz("sanctions-quiz");
const ARTICLE = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");
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

test("on PostgreSQL: a guest reads and quizzes, signs up (history merged), reviews, exports and deletes the account", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/lessons/sanctions");
  for (let step = 0; step < 20; step += 1) {
    await page.mouse.wheel(0, 350);
    await page.waitForTimeout(150);
  }
  await page.goto(`/quizzes/${QUIZ.id}`);
  const [missed, known] = QUIZ.questions;
  await answerWithKeyboard(page, missed!, { pickWrong: true, scope: `fieldset:has(#g-${missed!.id}-prompt)` });
  await answerWithKeyboard(page, known!, { scope: `fieldset:has(#g-${known!.id}-prompt)` });
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();

  const username = `pgreader${Date.now().toString(36)}`;
  await signUp(page, "learner", "Rey Reader", username);
  await expect(page.getByTestId("guest-merge-message")).toContainText("1 quiz");

  await page.goto("/progress");
  await expect(page.getByRole("link", { name: QUIZ.title })).toBeVisible();
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/account");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const exported = JSON.parse(fs.readFileSync(await (await downloading).path(), "utf8")) as { account: { username: string }; attempts: unknown[] };
  expect(exported.account.username).toBe(username);
  expect(exported.attempts).toHaveLength(1);

  await page.getByLabel("Your password").fill("a quiet river at dawn");
  await page.getByLabel('Type "DELETE" to confirm').fill("DELETE");
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page).toHaveURL(/reason=account-deleted/);
});

test("on PostgreSQL: a teacher imports an article, publishes it and assigns it; a student reads it and submits its quiz", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const suffix = Date.now().toString(36);
  await signUp(page, "teacher", "Imp Teacher", `pgimport${suffix}`);
  await page.goto("/import");
  await page.getByRole("link", { name: "Import article" }).first().click();
  await page.getByLabel("Article", { exact: true }).fill(ARTICLE);
  await page.getByLabel("Publication date").fill("2023-03-21");
  await page.getByLabel("Source or outlet").fill("Civics Wire");
  await page.getByRole("button", { name: "Draft lesson and quiz" }).click();
  await expect(page.getByRole("heading", { name: /^Review: UN Security Council tightens sanctions/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Publish lesson and quiz" }).click();
  await expect(page.getByText("Published as a private lesson and quiz (version 1).")).toBeVisible();

  await page.goto("/classes");
  await page.getByLabel("New class name").fill("Imports on PG");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Imports on PG" })).toBeVisible();
  const code = (await page.getByLabel(/^Class code /).textContent())!.trim();
  await page.getByRole("link", { name: "Assign a lesson" }).click();
  const imported = await page.locator("#lessonId option", { hasText: "(your import)" }).getAttribute("value");
  await page.getByLabel("Lesson", { exact: true }).selectOption(imported);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("Assignment created")).toBeVisible();

  const context = await browser.newContext();
  const student = await context.newPage();
  await student.goto(`/join?code=${code}`);
  await student.getByLabel("Your name").fill("Imani Student");
  await student.getByLabel("Choose a username").fill(`pgimani${suffix}`);
  await student.getByLabel("Choose a password").fill("maple river summit");
  await student.getByRole("button", { name: "Join class" }).click();
  await student.getByRole("link", { name: "Read" }).click();
  await expect(student.getByRole("heading", { level: 1, name: /UN Security Council tightens sanctions on Nordavia/ })).toBeVisible();
  await student.goBack();
  await student.getByRole("link", { name: "Take the quiz" }).click();
  await student.getByRole("button", { name: "Start the test" }).click();
  await expect(student).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  await student.getByRole("button", { name: "Submit answers" }).click();
  await student.getByRole("button", { name: "Submit anyway" }).click();
  await expect(student.getByTestId("score")).toHaveText("0%");
  await context.close();
});
