import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createUser, expect, openTestDb, signIn, test } from "./fixtures";

const LESSON = "/lessons/who-is-responsible";
const TITLE = /Who is responsible\? China, the U\.S\. and North Korea/;

const anchorsOnPage = (page: Page) => page.locator("[data-paragraph]").evaluateAll((elements) => elements.map((element) => element.id));

/** Scrolls down in steps, the way a reader does, until the paragraph is in the upper part of the screen. */
async function readDownTo(page: Page, anchor: string) {
  for (let step = 0; step < 60; step += 1) {
    const top = await page.locator(`#${anchor}`).evaluate((element) => element.getBoundingClientRect().top);
    if (top < 200) return;
    await page.mouse.wheel(0, 350);
    await page.waitForTimeout(120);
  }
  throw new Error(`never reached ${anchor}`);
}

test.describe("reading a lesson", () => {
  test("at two levels: same anchors, different text, level remembered", async ({ page }) => {
    await page.goto(LESSON);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    const levels = page.getByRole("navigation", { name: "Reading level" });
    await expect(levels.getByRole("link", { name: /Level 2/ })).toHaveAttribute("aria-current", "page");
    await expect(levels.getByRole("link", { name: /Level 1/ })).toContainText("grades 6–7");
    const levelTwoText = await page.locator("#p1").innerText();
    const levelTwoAnchors = await anchorsOnPage(page);

    await levels.getByRole("link", { name: /Level 1/ }).click();
    await expect(page).toHaveURL(/\?level=1$/);
    await expect(levels.getByRole("link", { name: /Level 1/ })).toHaveAttribute("aria-current", "page");
    await expect(page.locator("#p1")).not.toHaveText(levelTwoText);
    await expect(page.locator("#p1")).toContainText("Liu Jieyi");
    expect(await anchorsOnPage(page)).toEqual(levelTwoAnchors);

    // A guest's choice is remembered in this browser (a reading-level cookie): the next visit is served at that level, no switch after load.
    await page.goto(LESSON);
    await expect(levels.getByRole("link", { name: /Level 1/ })).toHaveAttribute("aria-current", "page");
    await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
  });

  test("a level the lesson doesn't have falls back to the nearest one", async ({ page }) => {
    await page.goto("/lessons/sanctions?level=3");
    await expect(page.getByRole("status").filter({ hasText: "doesn't have the level you asked for" })).toContainText("Level 2");
  });

  test("unknown lessons get the not-found page", async ({ page }) => {
    await page.goto("/lessons/no-such-lesson");
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    // Only the page, not the HTTP status (200): app/loading.tsx puts every page
    // behind a Suspense boundary, so the response is streaming before notFound().
  });

  test("a glossary term opens by keyboard and closes with Escape", async ({ page }) => {
    await page.goto(LESSON);
    const term = page.locator("#p1").getByRole("button", { name: "primary responsibility" });
    // Tab from the paragraph before it, as a keyboard user would.
    await page.locator("#p1").focus();
    await page.keyboard.press("Tab");
    await expect(term).toBeFocused();
    await page.keyboard.press("Enter");
    const definition = page.getByRole("dialog", { name: "Definition: primary responsibility" });
    await expect(definition).toBeVisible();
    await expect(definition).toContainText("The main duty for getting something done");
    await page.keyboard.press("Escape");
    await expect(definition).toBeHidden();
    await expect(term).toBeFocused();
  });

  test("a deep link scrolls to, focuses and highlights the paragraph", async ({ page }) => {
    await page.goto(`${LESSON}?level=1#p7`);
    const paragraph = page.locator("#p7");
    await expect(paragraph).toBeInViewport();
    await expect(paragraph).toBeFocused();
    await expect(paragraph).toHaveAttribute("data-highlight", "");
    await expect(page.getByRole("navigation", { name: "Reading level" }).getByRole("link", { name: /Level 1/ })).toHaveAttribute("aria-current", "page");
    const background = await paragraph.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
  });

  test("check your understanding gives feedback and points back to the evidence", async ({ page }) => {
    await page.goto(LESSON);
    const check = page.getByRole("complementary").filter({ hasText: "who holds \"the primary responsibility\"" });
    await check.getByRole("button", { name: "Check answer" }).click();
    await check.getByLabel("China, because it is North Korea's biggest trading partner").check();
    await check.getByRole("button", { name: "Check answer" }).click();
    await expect(check).toContainText("Not quite");
    await check.getByRole("link", { name: "Reread paragraph 1" }).click();
    await expect(page.locator("#p1")).toBeFocused();
    await expect(page.locator("#p1")).toHaveAttribute("data-highlight", "");
    await check.getByLabel("The United States and North Korea").check();
    await check.getByRole("button", { name: "Check answer" }).click();
    await expect(check).toContainText("Correct!");
    await expect(check).toContainText("start moving in the right direction");
  });

  test("the timeline works with arrow keys and reads as a full list", async ({ page }) => {
    await page.goto(LESSON);
    const timeline = page.getByRole("region", { name: "Timeline" });
    const events = timeline.getByRole("listitem");
    const first = events.nth(0).getByRole("button");
    await expect(first).toHaveAttribute("aria-expanded", "true");
    await first.focus();
    await page.keyboard.press("ArrowDown");
    const second = events.nth(1).getByRole("button");
    await expect(second).toBeFocused();
    await expect(second).toHaveAttribute("aria-expanded", "true");
    await expect(first).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("End");
    await expect(events.last().getByRole("button")).toBeFocused();
    await timeline.getByRole("button", { name: "Show all details" }).click();
    await expect(timeline.getByText("North Korea's first nuclear test", { exact: false }).first()).toBeVisible();
    await expect(timeline.locator("ol > li p:visible")).not.toHaveCount(0);
  });
});

test.describe("progress", () => {
  test("a signed-in reader's progress is saved and resumed from the catalog", async ({ page }) => {
    const reader = await createUser("student");
    await signIn(page, reader);
    await page.goto(LESSON);
    await readDownTo(page, "p9");
    // How far past p9 the reading area reaches depends on the screen, so "at least two".
    await expect(page.getByRole("region", { name: "Your progress" })).toContainText(/[2-4] of 5 sections read/, { timeout: 15_000 });

    const db = openTestDb();
    let sectionsRead: string[];
    try {
      const row = db.prepare("select level, sections_read, last_anchor from reading_progress where user_id = ?").get(reader.id) as { level: number; sections_read: string; last_anchor: string };
      expect(row.level).toBe(2);
      sectionsRead = JSON.parse(row.sections_read) as string[];
      expect(sectionsRead.slice(0, 2)).toEqual(["s-the-news", "s-us-pressure"]);
      expect(row.last_anchor).toMatch(/^p\d+$/);
    } finally {
      db.close();
    }

    await page.goto("/");
    const resume = page.getByRole("region", { name: "Continue where you left off" });
    await expect(resume).toContainText(TITLE);
    await expect(resume).toContainText(`${sectionsRead.length} of 5 sections read`);
    await resume.getByRole("link", { name: /Continue reading/ }).click();
    await expect(page).toHaveURL(/who-is-responsible\?level=2#p\d+$/);
    const anchor = new URL(page.url()).hash.slice(1);
    await expect(page.locator(`#${anchor}`)).toBeInViewport();
    await expect(page.locator(`#${anchor}`)).toHaveAttribute("data-highlight", "");
  });

  test("a guest's progress stays in the browser and is resumed from the catalog", async ({ page }) => {
    await page.goto(LESSON);
    await readDownTo(page, "p9");
    await expect(page.getByRole("region", { name: "Your progress" })).toContainText(/[2-4] of 5 sections read/, { timeout: 15_000 });
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("civics-lab:guest-reading:v1") ?? "{}") as Record<string, { sectionsRead: string[]; lastAnchor: string }>);
    expect(stored["who-is-responsible"]?.sectionsRead.slice(0, 2)).toEqual(["s-the-news", "s-us-pressure"]);
    expect(stored["who-is-responsible"]?.lastAnchor).toMatch(/^p\d+$/);

    await page.goto("/");
    const resume = page.getByRole("region", { name: "Continue where you left off" });
    await expect(resume).toContainText(TITLE);
    await resume.getByRole("link", { name: /Continue reading/ }).click();
    await expect(page).toHaveURL(/who-is-responsible\?level=2#p\d+$/);

    // Reopening the lesson offers the same place.
    await page.goto(LESSON);
    await page.getByRole("link", { name: /Continue where you left off/ }).click();
    await expect(page.locator("[data-highlight]")).toBeInViewport();
  });
});

test.describe("accessibility", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`catalog and lesson have no serious or critical axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      for (const path of ["/", LESSON, `${LESSON}?level=1#p7`]) {
        await page.goto(path);
        await expect(page.locator("h1")).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
        expect(serious.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      }
      // With a definition open and check feedback showing.
      await page.locator("#p1").getByRole("button", { name: "primary responsibility" }).click();
      await expect(page.getByRole("dialog", { name: /Definition/ })).toBeVisible();
      const withPopover = await new AxeBuilder({ page }).analyze();
      expect(withPopover.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
      await page.keyboard.press("Escape");
      const check = page.getByRole("complementary").filter({ hasText: "Check your understanding" }).first();
      await check.getByRole("radio").first().check();
      await check.getByRole("button", { name: "Check answer" }).click();
      await expect(check).toContainText("Not quite");
      const withFeedback = await new AxeBuilder({ page }).analyze();
      expect(withFeedback.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    });
  }
});
