import fs from "node:fs";
import crypto from "node:crypto";
import { createUser, expect, openTestDb, signIn, test } from "./fixtures";
import { answerWithKeyboard, loadQuiz } from "./quiz-helpers";

const QUIZ = loadQuiz("sanctions-quiz");
const GUEST_KEY = "civics-lab:guest:v1";

/** Every table/column (via sqlite_master) whose text contains `needle`. */
function rowsMentioning(needle: string): string[] {
  const db = openTestDb();
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[];
    const hits: string[] = [];
    for (const { name } of tables) {
      for (const column of db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]) {
        const { n } = db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE instr(CAST("${column.name}" AS TEXT), ?) > 0`).get(needle) as { n: number };
        if (n > 0) hits.push(`${name}.${column.name}`);
      }
    }
    return hits;
  } finally {
    db.close();
  }
}

function attemptsOf(username: string): number {
  const db = openTestDb();
  try {
    return (db.prepare("SELECT count(*) AS n FROM attempts a JOIN users u ON u.id = a.user_id WHERE u.username = ?").get(username) as { n: number }).n;
  } finally {
    db.close();
  }
}

test("Done means: a guest reads and quizzes, signs up, finds the history, reviews a due card, exports and deletes, leaving no trace", async ({ page }) => {
  // A guest reads a lesson (progress kept in the browser) and takes its quiz.
  await page.goto("/lessons/sanctions");
  for (let step = 0; step < 20; step += 1) {
    await page.mouse.wheel(0, 350);
    await page.waitForTimeout(150);
  }
  await expect.poll(() => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem("civics-lab:guest-reading:v1") ?? "{}") as Record<string, unknown>).length), { timeout: 15_000 }).toBeGreaterThan(0);

  await page.goto(`/quizzes/${QUIZ.id}`);
  const [missed, known] = QUIZ.questions;
  await answerWithKeyboard(page, missed!, { pickWrong: true, scope: `fieldset:has(#g-${missed!.id}-prompt)` });
  await answerWithKeyboard(page, known!, { scope: `fieldset:has(#g-${known!.id}-prompt)` });
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
  const guestHistory = await page.evaluate((key) => localStorage.getItem(key), GUEST_KEY);

  // Signing up merges the browser's history into the new account, once.
  const username = `ada-${crypto.randomBytes(3).toString("hex")}`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Ada Reader");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("a quiet river at dawn");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("guest-merge-message")).toContainText("1 quiz and 1 lesson");
  expect(attemptsOf(username)).toBe(1);

  // The same browser history sent again (another tab, a restored backup) adds nothing.
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [GUEST_KEY, guestHistory]);
  const secondMerge = page.waitForResponse((r) => r.url().endsWith("/api/guest-merge"));
  await page.reload();
  expect(await (await secondMerge).json()).toMatchObject({ merged: false });
  expect(attemptsOf(username)).toBe(1);

  await page.goto("/progress");
  await expect(page.getByRole("link", { name: QUIZ.title })).toBeVisible();
  // Topic mastery over time: today's snapshot in the table behind the chart.
  await page.getByText("Show the numbers").click();
  const trendRows = page.getByTestId("mastery-trend-table").locator("tbody tr");
  await expect(trendRows).toHaveCount(1);
  await expect(trendRows.locator("time")).toHaveAttribute("datetime", new Date().toISOString().slice(0, 10));
  await expect(trendRows.locator("td").first()).toHaveText(/^\d+% · (Attempted|Familiar|Proficient|Mastered)$/);
  // The home page says what to do next: the missed question makes a topic worth practising.
  await page.goto("/");
  const practise = page.getByTestId("next-steps").getByRole("link", { name: /^Practise / });
  await expect(practise).toHaveAttribute("href", /^\/quizzes\//);

  // The missed question is due for review tomorrow; move it to now.
  const db = openTestDb();
  db.prepare("UPDATE review_cards SET due = ? WHERE question_id = ? AND user_id = (SELECT id FROM users WHERE username = ?)").run(Date.now() - 1000, missed!.id, username);
  db.close();
  await page.goto("/review");
  await expect(page.getByTestId("review-due-count")).toHaveText("1 due");
  await answerWithKeyboard(page, missed!, { scope: "[aria-label='Review card']" });
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("heading", { name: "Feedback" })).toBeFocused();
  await expect(page.locator("section[aria-labelledby='review-feedback-heading']")).toContainText("Right");
  await expect(page.getByTestId("next-due")).toContainText("comes back");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { name: "All caught up" })).toBeVisible();
  await expect(page.getByTestId("review-due-count")).toHaveCount(0);

  // Export: one JSON file with the merged attempt and the review.
  await page.goto("/account");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^civics-lab-${username}-`));
  const exported = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as { account: { id: string; username: string }; attempts: unknown[]; reviewLogs: unknown[]; readingProgress: unknown[] };
  expect(exported.account.username).toBe(username);
  expect(exported.attempts).toHaveLength(1);
  expect(exported.reviewLogs).toHaveLength(1);
  expect(exported.readingProgress).toHaveLength(1);
  expect(JSON.stringify(exported)).not.toContain("password");

  // Delete: afterwards no row anywhere mentions the account.
  await page.getByLabel("Your password").fill("a quiet river at dawn");
  await page.getByLabel('Type "DELETE" to confirm').fill("DELETE");
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page).toHaveURL(/reason=account-deleted/);
  expect(rowsMentioning(exported.account.id)).toEqual([]);
  expect(rowsMentioning(username)).toEqual([]);
});

test("a teacher downloads and deletes the data of a student in their class", async ({ page }) => {
  const teacher = await createUser("teacher");
  const student = await createUser("student", { displayName: "Robin Student" });
  const leaving = await createUser("student", { displayName: "Sam Leaving" });
  const classId = crypto.randomUUID();
  const db = openTestDb();
  const now = Date.now();
  db.prepare("INSERT INTO classes (id, teacher_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)").run(classId, teacher.id, "Period 2", now, now);
  for (const member of [student, leaving]) db.prepare("INSERT INTO class_members (class_id, student_id, created_at) VALUES (?, ?, ?)").run(classId, member.id, now);
  db.close();

  await signIn(page, teacher, `/classes/${classId}/students`);
  // Removing from the class takes the row away; the roster says what happened, and the account stays.
  await page.getByRole("button", { name: "Remove from class Sam Leaving" }).click();
  await expect(page.getByTestId("roster-notice")).toHaveText("Sam Leaving was removed from Period 2. Their account and work are kept.");
  await expect(page.getByTestId("roster-notice")).toBeFocused();
  await expect(page.getByRole("heading", { name: "Roster (1)" })).toBeVisible();
  expect(rowsMentioning(leaving.id)).toContain("users.id");

  await page.locator("summary", { hasText: "Data" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Robin Student's data (JSON)" }).click();
  const exported = JSON.parse(fs.readFileSync(await (await downloading).path(), "utf8")) as { account: { id: string } };
  expect(exported.account.id).toBe(student.id);

  // Another teacher gets not found for the same student.
  const other = await createUser("teacher");
  const response = await page.request.get(`/classes/${classId}/students/${student.id}/export`);
  expect(response.status()).toBe(200);
  await page.context().clearCookies();
  await signIn(page, other);
  expect((await page.request.get(`/classes/${classId}/students/${student.id}/export`)).status()).toBe(404);

  await page.context().clearCookies();
  await signIn(page, teacher, `/classes/${classId}/students`);
  await page.locator("summary", { hasText: "Data" }).click();
  await page.getByLabel('Type "DELETE" to confirm').fill("DELETE");
  await page.getByRole("button", { name: "Delete account of Robin Student" }).click();
  await expect(page.getByTestId("roster-notice")).toHaveText("Deleted Robin Student's account and all their data, in every class.");
  await expect(page.getByText("No students yet")).toBeVisible();
  expect(rowsMentioning(student.id)).toEqual([]);
  expect(rowsMentioning(student.username)).toEqual([]);
});

test("the no-third-party fixture notices a request to a foreign host", async ({ page, foreignRequests }) => {
  await page.goto("/privacy");
  // A navigation, because the app's Content-Security-Policy stops fetches to other hosts before they are sent.
  await page.goto("http://example.invalid/").catch(() => undefined);
  await expect.poll(() => foreignRequests.length).toBe(1);
  expect(foreignRequests[0]).toContain("example.invalid");
  // Emptied so this test passes: the fixture's own check would fail it otherwise, which is the point proven above.
  foreignRequests.length = 0;
});
