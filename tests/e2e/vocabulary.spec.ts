/**
 * Issue 21 "momentum for learners": vocabulary practice from the glossary
 * terms of the lessons read, for a guest (reading progress in this browser)
 * and a signed-in learner (reading progress on the server), by keyboard.
 */
import type { Page } from "@playwright/test";
import { createUser, expect, expectNoSeriousAxe, openTestDb, signIn, test } from "./fixtures";

/** The curriculum glossary, definition → term (the practice shows a definition and asks for its word). */
function glossary(): Map<string, string> {
  const db = openTestDb();
  try {
    const rows = db.prepare("select term, definition from glossary_terms").all() as { term: string; definition: string }[];
    return new Map(rows.map((row) => [row.definition.replace(/\s+/g, " ").trim(), row.term]));
  } finally {
    db.close();
  }
}

function lessonVocabularyCount(lessonId: string): number {
  const db = openTestDb();
  try {
    const { meta } = db.prepare("select meta from lessons where id = ?").get(lessonId) as { meta: string };
    return (JSON.parse(meta) as { vocabulary: string[] }).vocabulary.length;
  } finally {
    db.close();
  }
}

/** Plays one whole round by keyboard: the right word for every card but the first. Returns how many cards the round had. */
async function playRound(page: Page, terms: Map<string, string>): Promise<number> {
  const position = page.getByTestId("vocab-position");
  const total = Number((await position.textContent())!.match(/of (\d+)/)![1]);
  for (let i = 0; i < total; i += 1) {
    await expect(position).toContainText(`Word ${i + 1} of ${total}`);
    const definition = (await page.getByTestId("vocab-definition").textContent())!.replace(/\s+/g, " ").trim();
    const answer = terms.get(definition);
    expect(answer, definition).toBeTruthy();
    // Exact values: "sanctions" is also inside "secondary sanctions".
    const options = await page.locator("form[aria-label='Vocabulary card'] input[type=radio]").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const rightIndex = options.findIndex((text) => text === answer);
    expect(rightIndex).toBeGreaterThanOrEqual(0);
    const pick = i === 0 ? (rightIndex + 1) % options.length : rightIndex;
    // A number key picks; Enter checks; the Next button then has focus, so Enter goes on.
    await page.keyboard.press(String(pick + 1));
    await expect(page.locator("form[aria-label='Vocabulary card'] input[type=radio]").nth(pick)).toBeChecked();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: i === 0 ? "Not quite" : "Right." })).toBeVisible();
    if (i === 0) await expect(page.getByRole("status")).toContainText(`the word is “${answer}”`);
    await expect(page.getByRole("button", { name: /Next word|See how you did/ })).toBeFocused();
    await page.keyboard.press("Enter");
  }
  return total;
}

test("a guest practises the key words of the lesson they read in this browser, by keyboard", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/vocabulary");
  await expect(page.getByRole("heading", { name: "No words yet" })).toBeVisible();
  // What the reader leaves behind after reading the sanctions lesson (lib/reading/guest-progress.ts).
  await page.evaluate(() => {
    localStorage.setItem("civics-lab:guest-reading:v1", JSON.stringify({ sanctions: { level: 2, sectionsRead: [], lastAnchor: "p1", completedAt: null, updatedAt: Date.now() } }));
  });
  await page.reload();
  const words = lessonVocabularyCount("sanctions");
  await expect(page.getByRole("heading", { name: `${words} words from 1 lesson you've read` })).toBeVisible();
  await expectNoSeriousAxe(page, "vocabulary start");
  await page.getByRole("button", { name: /^Practise 10 words$/ }).click();
  await expect(page.getByTestId("vocab-definition")).toBeVisible();
  await expectNoSeriousAxe(page, "vocabulary card");
  const terms = glossary();
  const total = await playRound(page, terms);
  await expect(page.getByTestId("vocab-score")).toHaveText(`${total - 1} of ${total} right`);
  await expect(page.getByTestId("vocab-score")).toBeFocused();
  await expectNoSeriousAxe(page, "vocabulary result");
  // The missed word comes back on its own.
  await page.getByRole("button", { name: "Practise the 1 missed word" }).click();
  await expect(page.getByTestId("vocab-position")).toContainText("Word 1 of 1");

  await page.setViewportSize({ width: 360, height: 760 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("a signed-in learner's words come from the lessons they read on their account", async ({ page }) => {
  test.setTimeout(120_000);
  const learner = await createUser("learner");
  await signIn(page, learner, "/vocabulary");
  await expect(page.getByRole("heading", { name: "No words yet" })).toBeVisible();
  const db = openTestDb();
  try {
    db.prepare("insert into reading_progress (user_id, lesson_id, level, sections_read, last_anchor, completed_at, updated_at) values (?, 'thaad', 2, '[]', null, null, ?)").run(learner.id, Date.now());
  } finally {
    db.close();
  }
  await page.reload();
  const words = lessonVocabularyCount("thaad");
  await expect(page.getByRole("heading", { name: `${words} words from 1 lesson you've read` })).toBeVisible();
  await page.getByText("Study the list first").click();
  await expect(page.locator("details dl > div")).toHaveCount(words);
  await page.getByRole("button", { name: /^Practise \d+ words?$/ }).click();
  await playRound(page, glossary());
});
