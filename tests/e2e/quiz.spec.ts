import { createUser, expect, openTestDb, signIn, test } from "./fixtures";
import { answerWithKeyboard, loadQuiz } from "./quiz-helpers";

const QUIZ = loadQuiz("sanctions-quiz");

test.describe("taking quizzes", () => {
  test("every question type answered with the keyboard only; results; an evidence link", async ({ page }) => {
    expect(new Set(QUIZ.questions.map((q) => q.type)).size).toBe(8);
    const user = await createUser("learner");
    await signIn(page, user, `/quizzes/${QUIZ.id}`);
    await expect(page.getByRole("heading", { level: 1, name: QUIZ.title })).toBeVisible();
    await page.getByRole("button", { name: "Start test" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/quizzes/${QUIZ.id}/attempts/[0-9a-f-]+$`));

    // Tab order reaches the first question's controls from the page.
    await page.locator("body").focus();
    const wrongOnPurpose = QUIZ.questions.find((q) => q.type === "single" && q.choices!.some((c) => c.feedback))!;
    for (const question of QUIZ.questions) await answerWithKeyboard(page, question, { pickWrong: question === wrongOnPurpose });
    await expect(page.getByText(`${QUIZ.questions.length} of ${QUIZ.questions.length} answered`)).toBeVisible();

    await page.getByRole("button", { name: "Submit answers" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/results$/);
    const total = QUIZ.questions.length;
    await expect(page.getByTestId("score")).toHaveText(`${Math.round(((total - 1) / total) * 100)}%`);
    const wrongCard = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: wrongOnPurpose.prompt }) });
    await expect(wrongCard.locator("[data-outcome=incorrect]")).toHaveText(/Wrong/);
    await expect(wrongCard.getByText(wrongOnPurpose.choices!.find((c) => c.feedback)!.feedback!)).toBeVisible();
    await expect(wrongCard.getByText(wrongOnPurpose.explanation)).toBeVisible();

    // "See it in the text" opens the lesson at the reader's level, at the evidence paragraph.
    const link = wrongCard.getByRole("link", { name: /See it in the text/ });
    await expect(link).toHaveAttribute("href", `/lessons/${QUIZ.lesson}?level=2#${wrongOnPurpose.evidence}`);
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/lessons/${QUIZ.lesson}\\?level=2#${wrongOnPurpose.evidence}$`));
    // The reader is built in a parallel branch: once it exists, the paragraph must be there and visible.
    const paragraph = page.locator(`[id="${wrongOnPurpose.evidence}"]`);
    if ((await paragraph.count()) > 0) await expect(paragraph).toBeInViewport();
  });

  test("answers autosave and a reload resumes the attempt", async ({ page }) => {
    const user = await createUser("student");
    await signIn(page, user, `/quizzes/${QUIZ.id}`);
    await page.getByRole("button", { name: "Start test" }).click();
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
    const attemptUrl = page.url();
    const numeric = QUIZ.questions.find((q) => q.type === "numeric")!;
    const cloze = QUIZ.questions.find((q) => q.type === "cloze")!;
    const ordering = QUIZ.questions.find((q) => q.type === "ordering")!;
    await answerWithKeyboard(page, numeric);
    await answerWithKeyboard(page, cloze);
    await answerWithKeyboard(page, ordering);
    await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();

    await page.reload();
    await expect(page.locator(`#q-${numeric.id}`).getByRole("textbox")).toHaveValue(String(numeric.answer));
    await expect(page.locator(`#q-${cloze.id}`).getByLabel("Blank 1 of", { exact: false })).not.toHaveValue("");
    const expectedOrder = (ordering.answer as string[]).map((id) => ordering.items!.find((i) => i.id === id)!.text);
    const shownOrder = await page.locator(`#q-${ordering.id} ol > li`).allInnerTexts();
    expect(shownOrder.map((text, i) => text.includes(expectedOrder[i]!))).toEqual(expectedOrder.map(() => true));

    // Going back to the quiz page offers to resume the same attempt.
    await page.goto(`/quizzes/${QUIZ.id}`);
    await page.getByRole("button", { name: "Resume test" }).click();
    await expect(page).toHaveURL(attemptUrl);
  });

  test("practice mode: check, feedback, retry; the first checked answer counts", async ({ page }) => {
    const user = await createUser("learner");
    await signIn(page, user, `/quizzes/${QUIZ.id}`);
    await page.getByRole("button", { name: "Start practice" }).click();
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
    const tf = QUIZ.questions.find((q) => q.type === "true_false")!;
    const card = page.locator(`#q-${tf.id}`);
    await expect(card.getByRole("button", { name: "Check answer" })).toBeDisabled();
    await card.locator(`input[value="${String(!tf.answer)}"]`).check();
    await card.getByRole("button", { name: "Check answer" }).click();
    await expect(card.locator("[data-outcome=incorrect]")).toHaveText(/Wrong/);
    await expect(card.getByText(tf.explanation)).toBeVisible();
    await card.locator(`input[value="${String(tf.answer)}"]`).check();
    await card.getByRole("button", { name: "Check again" }).click();
    await expect(card.locator("[data-outcome=correct]")).toHaveText(/Right/);
    await expect(card.getByText("Your first checked answer (0%) is the one that counts.")).toBeVisible();
    // Other questions reveal nothing before they are checked.
    const other = QUIZ.questions.find((q) => q.type === "single")!;
    await expect(page.getByText(other.explanation)).toHaveCount(0);

    await page.reload();
    await expect(page.locator(`#q-${tf.id}`).getByText(tf.explanation)).toBeVisible();
  });

  test("a guest takes a quiz: answers kept in the browser, graded on the server, history stored", async ({ page }) => {
    const quiz = loadQuiz("thaad-quiz");
    await page.goto(`/quizzes/${quiz.id}`);
    await expect(page.getByText("You're taking this quiz as a guest")).toBeVisible();
    const [first, second] = quiz.questions;
    await answerWithKeyboard(page, first!);
    await answerWithKeyboard(page, second!);
    await page.reload();
    await expect(page.getByText(`2 of ${quiz.questions.length} answered`)).toBeVisible();

    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not answered yet" })).toBeVisible();
    await page.getByRole("button", { name: "Submit anyway" }).click();
    await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
    await expect(page.getByTestId("score")).toHaveText(`${Math.round((2 / quiz.questions.length) * 100)}%`);
    await expect(page.getByText(quiz.questions[2]!.explanation)).toBeVisible();

    const stored = JSON.parse(await page.evaluate(() => window.localStorage.getItem("civics-lab:guest:v1") ?? "null")) as {
      attempts: { responses: unknown[] }[];
    };
    expect(stored).toMatchObject({ version: 1, mergeKey: expect.any(String), drafts: {} });
    expect(stored.attempts).toHaveLength(1);
    expect(stored.attempts[0]).toMatchObject({ quizId: quiz.id, score: 2, maxScore: quiz.questions.length });
    expect(stored.attempts[0]?.responses[0]).toMatchObject({ questionId: expect.any(String), versionId: expect.any(Number), credit: expect.any(Number), outcome: expect.any(String), answeredAt: expect.any(String) });
    await expect(page.getByRole("heading", { name: "Your earlier tries in this browser" })).toBeVisible();
  });

  test("20 simultaneous submissions over HTTP grade the attempt once", async ({ page }) => {
    const user = await createUser("learner");
    await signIn(page, user, `/quizzes/${QUIZ.id}`);
    await page.getByRole("button", { name: "Start test" }).click();
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
    const attemptId = page.url().split("/").pop()!;
    const bodies = await page.evaluate(async (id) => {
      const responses = await Promise.all(Array.from({ length: 20 }, () => fetch(`/api/attempts/${id}/submit`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })));
      return Promise.all(responses.map(async (r) => `${r.status} ${await r.text()}`));
    }, attemptId);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toMatch(/^200 /);
    const db = openTestDb();
    try {
      const rows = db.prepare("select status from attempts where user_id = ?").all(user.id) as { status: string }[];
      expect(rows).toEqual([{ status: "submitted" }]);
      const count = db.prepare("select count(*) as n from responses where attempt_id = ?").get(attemptId) as { n: number };
      expect(count.n).toBe(QUIZ.questions.length);
    } finally {
      db.close();
    }
  });

  test("progress shows mastery from the submitted attempt, as a chart and a table", async ({ page }) => {
    const user = await createUser("learner");
    await signIn(page, user, `/quizzes/${QUIZ.id}`);
    await page.getByRole("button", { name: "Start test" }).click();
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
    for (const question of QUIZ.questions) await answerWithKeyboard(page, question);
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByTestId("score")).toHaveText("100%");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" }).click();
    await expect(page.getByRole("heading", { name: "Your progress" })).toBeVisible();
    const topics = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Topic" }) });
    const sanctionsTopicCount = QUIZ.questions.filter((q) => (q as unknown as { topic: string }).topic === "sanctions").length;
    const row = topics.getByRole("row", { name: /UN sanctions/ });
    await expect(row).toContainText("100%");
    await expect(row).toContainText(sanctionsTopicCount >= 5 ? "Mastered" : "Proficient");
    await expect(topics.getByRole("row", { name: /THAAD/i })).toContainText("Not started");
    await expect(page.getByTestId("mastery-chart").first()).toBeVisible();
    await expect(page.getByRole("link", { name: QUIZ.title })).toBeVisible();
  });
});
