/**
 * The key wall, checked from the outside: for every question of every quiz,
 * nothing the browser receives before submission (page HTML, React Server
 * Component payloads, JSON) contains an explanation, per-choice feedback, an
 * accepted short/cloze answer that the question doesn't show anyway, or a
 * serialized answer key.
 */
import type { Page, Response } from "@playwright/test";
import { createUser, expect, signIn, test } from "./fixtures";
import { loadQuizzes, type ContentQuestion, type ContentQuiz } from "./quiz-helpers";

/** Everything the quiz shows publicly, lowercased: a secret that appears here is not a secret. */
function publicText(quiz: ContentQuiz): string {
  return quiz.questions
    .flatMap((q) => [q.prompt, q.text ?? "", ...(q.choices ?? []).map((c) => c.text), ...(q.items ?? []).map((i) => i.text), ...(q.left ?? []).map((i) => i.text), ...(q.right ?? []).map((i) => i.text)])
    .join("\n")
    .toLowerCase();
}

/** JSON-escaped too: RSC payloads carry strings inside JSON. */
function variants(text: string): string[] {
  const escaped = JSON.stringify(text).slice(1, -1);
  return [...new Set([text, escaped, JSON.stringify(escaped).slice(1, -1)])];
}

function secretsOf(quiz: ContentQuiz): { label: string; text: string }[] {
  const shown = publicText(quiz);
  const secrets: { label: string; text: string }[] = [];
  const add = (question: ContentQuestion, label: string, text: string) => secrets.push({ label: `${question.id} ${label}`, text });
  for (const question of quiz.questions) {
    add(question, "explanation", question.explanation);
    for (const choice of question.choices ?? []) if (choice.feedback) add(question, `feedback ${choice.id}`, choice.feedback);
    if (question.feedbackTrue) add(question, "feedbackTrue", question.feedbackTrue);
    if (question.feedbackFalse) add(question, "feedbackFalse", question.feedbackFalse);
    const accepted = question.type === "short_answer" ? (question.answer as string[]) : question.type === "cloze" ? Object.values(question.answer as Record<string, string[]>).flat() : [];
    for (const answer of accepted.map(String)) {
      // Short accepted answers such as "193" or "veto" can appear in any page chrome; only distinctive ones are meaningful to scan for.
      if (answer.length >= 4 && !shown.includes(answer.toLowerCase())) add(question, `accepted answer "${answer}"`, answer);
    }
  }
  return secrets;
}

/** A serialized key or key field, in plain or escaped JSON. */
const KEY_SHAPES = [/\\*"answer\\*"\s*:/, /\\*"keyData\\*"/, /\\*"explanation\\*"/, /\\*"feedback\\*"/, /\\*"tolerance\\*"/, /key_data/];

function assertNoSecrets(body: string, where: string, quiz: ContentQuiz) {
  for (const shape of KEY_SHAPES) expect(shape.test(body), `${where} contains ${shape}`).toBe(false);
  const lower = body.toLowerCase();
  for (const secret of secretsOf(quiz)) {
    for (const variant of variants(secret.text)) expect(lower.includes(variant.toLowerCase()), `${where} leaks ${secret.label}`).toBe(false);
  }
}

/** Collects the text of every response the page loads from the app. */
function recordResponses(page: Page): { bodies: { url: string; body: Promise<string> }[] } {
  const recorded: { url: string; body: Promise<string> }[] = [];
  page.on("response", (response: Response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/text\/html|text\/x-component|application\/json|text\/plain/.test(type)) recorded.push({ url: response.url(), body: response.text().catch(() => "") });
  });
  return { bodies: recorded };
}

const quizzes = loadQuizzes();

test.describe("answer keys never reach the browser before submission", () => {
  test("the secrets list is meaningful", () => {
    const total = quizzes.reduce((sum, quiz) => sum + secretsOf(quiz).length, 0);
    expect(total).toBeGreaterThan(quizzes.reduce((sum, quiz) => sum + quiz.questions.length, 0));
  });

  for (const quiz of quizzes) {
    test(`${quiz.id}: guest page HTML, RSC payload and loaded responses`, async ({ page, request }) => {
      const recorder = recordResponses(page);
      await page.goto(`/quizzes/${quiz.id}`);
      await expect(page.getByRole("heading", { level: 1, name: quiz.title })).toBeVisible();
      await expect(page.locator("fieldset").first()).toBeVisible();
      for (const { url, body } of recorder.bodies) assertNoSecrets(await body, url, quiz);

      const html = await (await request.get(`/quizzes/${quiz.id}`)).text();
      // The questions travel inside the page (as RSC data for the guest taker), so the scan is looking at them.
      expect(html).toContain(quiz.questions.at(-1)!.id);
      assertNoSecrets(html, "guest HTML", quiz);
      const rsc = await (await request.get(`/quizzes/${quiz.id}`, { headers: { RSC: "1" } })).text();
      assertNoSecrets(rsc, "guest RSC payload", quiz);
    });

    test(`${quiz.id}: signed-in test and practice attempt pages`, async ({ page }) => {
      const user = await createUser("learner");
      await signIn(page, user, `/quizzes/${quiz.id}`);
      for (const mode of ["test", "practice"] as const) {
        await page.goto(`/quizzes/${quiz.id}`);
        const recorder = recordResponses(page);
        await page.getByRole("button", { name: mode === "test" ? "Start test" : "Start practice" }).click();
        await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
        await expect(page.locator("fieldset").first()).toBeVisible();
        for (const { url, body } of recorder.bodies) assertNoSecrets(await body, `${mode}: ${url}`, quiz);
        const attemptPath = new URL(page.url()).pathname;
        const html = await (await page.request.get(attemptPath)).text();
        expect(html).toContain(quiz.questions.at(-1)!.id);
        assertNoSecrets(html, `${mode} attempt HTML`, quiz);
        const rsc = await (await page.request.get(attemptPath, { headers: { RSC: "1" } })).text();
        assertNoSecrets(rsc, `${mode} attempt RSC payload`, quiz);
      }
    });
  }
});
