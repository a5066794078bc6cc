/**
 * The key wall, checked from the outside: for every question of every quiz,
 * nothing the browser receives before submission (page HTML, React Server
 * Component payloads, JSON) contains an explanation, per-choice feedback, an
 * accepted short/cloze answer that the question doesn't show anyway, or a
 * serialized answer key. The lesson text is public and sits beside the quiz on
 * wide screens, so a word a student can read in a lesson is not a secret.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page, Response } from "@playwright/test";
import { createUser, expect, signIn, test } from "./fixtures";
import { loadQuizzes, type ContentQuestion, type ContentQuiz } from "./quiz-helpers";

/** Every lesson's text at every level, lowercased: public reading, shown beside the quiz. */
const LESSON_TEXT = fs
  .readdirSync(path.resolve("content/lessons"))
  .flatMap((slug) => {
    const dir = path.resolve("content/lessons", slug);
    return fs.readdirSync(dir).filter((name) => /^level-\d\.md$/.test(name)).map((name) => fs.readFileSync(path.join(dir, name), "utf8"));
  })
  .join("\n")
  .toLowerCase();

/** Everything the quiz and the lessons show publicly, lowercased: a secret that appears here is not a secret. */
function publicText(quiz: ContentQuiz): string {
  return LESSON_TEXT + "\n" + quiz.questions
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

/** One assertion per body (thousands of separate expects would flood the trace), listing every leak found. */
function assertNoSecrets(body: string, where: string, quiz: ContentQuiz) {
  const leaks = KEY_SHAPES.filter((shape) => shape.test(body)).map((shape) => `serialized key field ${shape}`);
  const lower = withoutClassNames(body).toLowerCase();
  for (const secret of secretsOf(quiz)) {
    if (variants(secret.text).some((variant) => lower.includes(variant.toLowerCase()))) leaks.push(secret.label);
  }
  expect(leaks, `${where} leaks`).toEqual([]);
}

/**
 * Notes every HTML, RSC or JSON response the page loads. Bodies are fetched
 * again afterwards with the same request headers: asking the browser for the
 * bodies of streamed responses (RSC prefetches) can stall Playwright.
 */
function recordResponses(page: Page): { stop: () => { url: string; headers: Record<string, string> }[] } {
  const recorded: { url: string; headers: Record<string, string> }[] = [];
  const listener = (response: Response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/text\/html|text\/x-component|application\/json|text\/plain/.test(type)) return;
    const sent = response.request().headers();
    const headers = Object.fromEntries(Object.entries(sent).filter(([name]) => name === "rsc" || name.startsWith("next-router")));
    recorded.push({ url: response.url(), headers });
  };
  page.on("response", listener);
  return {
    stop: () => {
      page.off("response", listener);
      return recorded;
    },
  };
}

/**
 * Only the quiz's own responses count: prefetches of other pages (the lesson the
 * quiz links to) legitimately contain the words that answer its questions — the
 * evidence is in the text by design.
 */
function isQuizResponse(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.startsWith("/quizzes/") || pathname.startsWith("/api/");
}

async function assertRecordedClean(page: Page, recorded: { url: string; headers: Record<string, string> }[], label: string, quiz: ContentQuiz) {
  const own = recorded.filter(({ url }) => isQuizResponse(url));
  expect(own.length, "quiz responses recorded").toBeGreaterThan(0);
  for (const { url, headers } of own) assertNoSecrets(await fetchText(page, url, headers), `${label} ${url}`, quiz);
}

/** Fetches a path with the page's cookies. */
async function fetchText(page: Page, path: string, headers: Record<string, string>): Promise<string> {
  return (await page.request.get(path, { headers })).text();
}

/** Class names such as "btn-primary" are page chrome, not content: drop them before looking for short words. */
function withoutClassNames(body: string): string {
  return body.replace(/class(?:Name)?(?:=|\\?"\s*:\s*)\\?"[^"\\]*\\?"/g, "");
}

const quizzes = loadQuizzes();

test.describe("answer keys never reach the browser before submission", () => {
  test("the secrets list is meaningful", () => {
    const total = quizzes.reduce((sum, quiz) => sum + secretsOf(quiz).length, 0);
    expect(total).toBeGreaterThan(quizzes.reduce((sum, quiz) => sum + quiz.questions.length, 0));
  });

  for (const quiz of quizzes) {
    test(`${quiz.id}: guest page HTML, RSC payload and loaded responses`, async ({ page }) => {
      const recorder = recordResponses(page);
      await page.goto(`/quizzes/${quiz.id}`);
      await expect(page.getByRole("heading", { level: 1, name: quiz.title })).toBeVisible();
      await expect(page.locator("fieldset").first()).toBeVisible();
      await assertRecordedClean(page, recorder.stop(), "guest", quiz);

      const html = await fetchText(page, `/quizzes/${quiz.id}`, {});
      // The questions travel inside the page (as RSC data for the guest taker), so the scan is looking at them.
      expect(html).toContain(quiz.questions.at(-1)!.id);
      assertNoSecrets(html, "guest HTML", quiz);
      const rsc = await fetchText(page, `/quizzes/${quiz.id}`, { RSC: "1" });
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
        await assertRecordedClean(page, recorder.stop(), mode, quiz);
        const attemptPath = new URL(page.url()).pathname;
        const html = await fetchText(page, attemptPath, {});
        expect(html).toContain(quiz.questions.at(-1)!.id);
        assertNoSecrets(html, `${mode} attempt HTML`, quiz);
        const rsc = await fetchText(page, attemptPath, { RSC: "1" });
        assertNoSecrets(rsc, `${mode} attempt RSC payload`, quiz);
      }
    });
  }
});
