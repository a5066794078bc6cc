import type { Browser, Page } from "@playwright/test";
import { createUser, expect, signIn, test } from "./fixtures";
import { answerWithKeyboard, loadQuiz } from "./quiz-helpers";

const QUIZ = loadQuiz("sanctions-quiz");

async function joinAndTakeQuiz(browser: Browser, code: string, name: string, username: string, wrongSingles: number): Promise<void> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel("Class code")).toHaveValue(code);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a username").fill(username);
  await page.getByLabel("Choose a password").fill("maple river summit");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("heading", { name: "My assignments" })).toBeVisible();
  await expect(page.getByText("You joined the class")).toBeVisible();
  await page.getByRole("link", { name: "Take the quiz" }).click();
  await expect(page.getByRole("heading", { name: /Assigned in Period 3/ })).toBeVisible();
  await page.getByRole("button", { name: "Start the test" }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  let wrongLeft = wrongSingles;
  for (const question of QUIZ.questions) {
    const pickWrong = question.type === "single" && wrongLeft > 0 && question.choices!.some((c) => c.feedback);
    if (pickWrong) wrongLeft -= 1;
    await answerWithKeyboard(page, question, { pickWrong });
  }
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("score")).toBeVisible();
  await context.close();
}

test("a teacher runs a class: create, students join and take the assigned quiz, grid, item analysis, CSV", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const teacher = await createUser("teacher");
  await signIn(page, teacher, "/classes");
  await page.getByLabel("New class name").fill("Period 3");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Period 3" })).toBeVisible();
  const classUrl = page.url();
  const code = (await page.getByLabel(/^Class code /).textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);

  await page.getByRole("link", { name: "Assign a lesson" }).click();
  await page.getByLabel("Lesson", { exact: true }).selectOption({ label: "UN sanctions on North Korea: from Resolution 1718 to 2397 (2006-2017)" });
  // Quiz only, so finishing the quiz finishes the assignment.
  await page.getByRole("checkbox", { name: "Reading" }).uncheck();
  await page.getByLabel("Quiz mode").selectOption("test");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("Assignment created")).toBeVisible();

  const suffix = Date.now().toString(36);
  await joinAndTakeQuiz(browser, code, "Ada Lovelace", `ada${suffix}`, 0);
  await joinAndTakeQuiz(browser, code, "Bo Kim", `bo${suffix}`, 3);

  await page.goto(classUrl);
  const grid = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: /Student/ }) });
  const adaRow = grid.getByRole("row", { name: /Ada Lovelace/ });
  const boRow = grid.getByRole("row", { name: /Bo Kim/ });
  await expect(adaRow).toContainText("100 %");
  await expect(adaRow).toContainText("Strong");
  const boScore = Math.round(((QUIZ.questions.length - 3) / QUIZ.questions.length) * 100);
  await expect(boRow).toContainText(`${boScore} %`);

  // Sorting by average puts Bo (lower) first, then Ada when descending.
  await page.getByRole("button", { name: "Sort by Average" }).click();
  await expect(grid.getByRole("row").nth(1)).toContainText("Bo Kim");
  await page.getByRole("button", { name: "Sort by Average" }).click();
  await expect(grid.getByRole("row").nth(1)).toContainText("Ada Lovelace");

  await page.getByRole("link", { name: "Item analysis" }).click();
  await page.getByRole("link", { name: "Sanctions" }).first().click();
  await expect(page.getByText("2 students submitted")).toBeVisible();
  await expect(page.getByText("Most missed").first()).toBeVisible();
  await expect(page.getByText("Evidence (paragraph").first()).toBeVisible();

  const csv = await (await page.request.get(`${classUrl}/export/gradebook`)).text();
  const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^Student,SIS Login ID,Section,/);
  expect(lines[1]).toMatch(/^Points Possible,,,100$/);
  const adaLine = lines.find((l) => l.startsWith("Ada Lovelace,"))!;
  const boLine = lines.find((l) => l.startsWith("Bo Kim,"))!;
  expect(adaLine.split(",").at(-1)).toBe("100");
  expect(Number(boLine.split(",").at(-1))).toBeCloseTo(((QUIZ.questions.length - 3) / QUIZ.questions.length) * 100, 0);
  expect(boLine).toContain(`bo${suffix}`);
});

test("another teacher gets 404 for someone else's class pages and exports", async ({ page, browser }) => {
  const owner = await createUser("teacher");
  await signIn(page, owner, "/classes");
  await page.getByLabel("New class name").fill("Private class");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Private class" })).toBeVisible();
  const classPath = new URL(page.url()).pathname;

  const intruder = await createUser("teacher");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, intruder);
  for (const path of [classPath, `${classPath}/students`, `${classPath}/settings`, `${classPath}/analysis`, `${classPath}/assignments/new`]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  expect((await other.request.get(`${classPath}/export/gradebook`)).status()).toBe(404);
  await context.close();
});
