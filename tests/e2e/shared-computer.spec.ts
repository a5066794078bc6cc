/**
 * One browser tab, two students (a classroom computer): what the shared pages' islands learned
 * about the first student must never be shown to the next one. The header, continue card and
 * next steps come from GET /api/me (app/ui/use-viewer.ts), and signing out and signing in are
 * client-side navigations (server actions that redirect), so the tab's script lives on between
 * the two students.
 */
import { createUser, expect, openTestDb, test, type E2EUser } from "./fixtures";

const SLUG = "who-is-responsible";

function seedProgress(user: E2EUser) {
  const db = openTestDb();
  try {
    db.prepare("insert into reading_progress (user_id, lesson_id, level, sections_read, last_anchor, updated_at) values (?, ?, 2, ?, ?, ?)").run(user.id, SLUG, JSON.stringify(["s-the-news"]), "p5", Date.now());
  } finally {
    db.close();
  }
}

test("after one student signs out, the next one in the same tab sees only their own name and progress", async ({ page }) => {
  const ann = await createUser("learner", { displayName: "Ann Firstseat" });
  const ben = await createUser("learner", { displayName: "Ben Nextseat" });
  seedProgress(ann);
  const menu = page.getByRole("button", { name: /account menu/i });
  const continueCard = page.getByRole("heading", { name: "Continue where you left off" });

  await page.goto("/sign-in");
  await page.getByLabel("Username or email").fill(ann.username);
  await page.getByLabel("Password").fill(ann.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(menu).toContainText("Ann Firstseat");
  await expect(continueCard).toBeVisible();

  await menu.click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  // The next student signs in on the page the first one left, without reloading it.
  await page.getByLabel("Username or email").fill(ben.username);
  await page.getByLabel("Password").fill(ben.password);
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/me")) asked.push(new URL(request.url()).pathname + new URL(request.url()).search);
  });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(menu).toContainText("Ben Nextseat");
  // Ben's own answer was asked for, not the one kept from Ann's visit to the same page.
  expect(asked).toContain("/api/me?catalog=1");
  await expect(page.getByText("Ann Firstseat")).toHaveCount(0);
  await expect(continueCard).toHaveCount(0);
});
