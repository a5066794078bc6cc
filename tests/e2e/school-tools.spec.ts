/**
 * School tools end to end: LMS downloads from the quiz page, print views
 * rendered to PDF by Chromium on A4 and Letter (page count, nothing wider
 * than the page), a Word handout uploaded through the import form, and
 * screenshots of the export panel and print views for docs/screenshots.
 */
import { PDFDocument } from "pdf-lib";
import type { Page } from "@playwright/test";
import { handoutDocx, HANDOUT_TITLE } from "../helpers/documents";
import { createUser, expect, signIn, test } from "./fixtures";

const QUIZ = "sanctions-quiz";
const SHOTS = "docs/screenshots";

async function renderPdf(page: Page, url: string): Promise<{ pages: number; width: number; height: number }> {
  await page.goto(url);
  await page.emulateMedia({ media: "print", colorScheme: "light" });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const doc = await PDFDocument.load(pdf);
  const { width, height } = doc.getPage(0).getSize();
  return { pages: doc.getPageCount(), width: Math.round(width), height: Math.round(height) };
}

/** Under print media at the printable width of A4 (210 mm − 2 × 15 mm margins ≈ 680 px), nothing sticks out of the sheet. */
async function expectNoOverflow(page: Page, url: string) {
  await page.setViewportSize({ width: 680, height: 1000 });
  await page.goto(url);
  await page.emulateMedia({ media: "print", colorScheme: "light" });
  const problems = await page.evaluate(() => {
    const sheet = document.querySelector("[data-paper-sheet]")!;
    const bounds = sheet.getBoundingClientRect();
    const out: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}`);
    for (const el of sheet.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > bounds.right + 1 || r.left < bounds.left - 1) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible") out.push(`${el.tagName} scrolls`);
    }
    const header = document.querySelector("header[data-site-header]");
    if (header && getComputedStyle(header).display !== "none") out.push("site header prints");
    return out;
  });
  expect(problems).toEqual([]);
}

test.describe("school tools", () => {
  test("a teacher downloads LMS files, prints the quiz, key and lesson on A4 and Letter, and uploads a Word handout", async ({ page }) => {
    test.setTimeout(180_000);
    const teacher = await createUser("teacher");
    await signIn(page, teacher);
    await page.goto(`/quizzes/${QUIZ}`);
    const panel = page.getByRole("region", { name: /Use this quiz in your LMS/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(/ordering question.*left out/i).first()).toBeVisible();
    const classroom = panel.getByRole("link", { name: /Share to Google Classroom/ });
    const href = new URL((await classroom.getAttribute("href"))!);
    expect(href.origin + href.pathname).toBe("https://classroom.google.com/share");
    expect(href.searchParams.get("url")).toMatch(new RegExp(`/quizzes/${QUIZ}$`));

    for (const [format, type] of [["imscc", "application/zip"], ["moodle", "application/xml"], ["gift", "text/plain"]] as const) {
      const response = await page.request.get(`/quizzes/${QUIZ}/export/${format}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain(type);
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=/);
    }
    expect((await page.request.get(`/quizzes/${QUIZ}/export/imscc`).then((r) => r.body())).subarray(0, 2).toString()).toBe("PK");

    for (const path of [`/quizzes/${QUIZ}/print`, `/quizzes/${QUIZ}/print/key`, "/lessons/sanctions/print"]) {
      const a4 = await renderPdf(page, `${path}?paper=a4`);
      const letter = await renderPdf(page, `${path}?paper=letter`);
      expect([a4.width, a4.height]).toEqual([595, 842]);
      expect([letter.width, letter.height]).toEqual([612, 792]);
      // Enough pages to hold it, not one per question: 1–8 pages, and the two sizes within a page of each other.
      for (const pdf of [a4, letter]) expect(pdf.pages).toBeGreaterThanOrEqual(1);
      for (const pdf of [a4, letter]) expect(pdf.pages).toBeLessThanOrEqual(8);
      expect(Math.abs(a4.pages - letter.pages)).toBeLessThanOrEqual(1);
      await expectNoOverflow(page, `${path}?paper=a4`);
    }
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The answer key is the teacher's: it quotes evidence sentences.
    await page.goto(`/quizzes/${QUIZ}/print/key`);
    await expect(page.locator("blockquote").first()).toContainText("¶");

    // A Word handout goes through the upload straight to the review page.
    await page.goto("/import");
    await expect(page.getByLabel("Import from a link")).toBeVisible();
    await page.getByLabel("Or upload a file").setInputFiles({ name: "handout.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(await handoutDocx()) });
    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(HANDOUT_TITLE);
  });

  test("students don't see the teacher tools and can't open the key or the exports", async ({ page }) => {
    const student = await createUser("student");
    await signIn(page, student);
    await page.goto(`/quizzes/${QUIZ}`);
    await expect(page.getByRole("region", { name: /Use this quiz in your LMS/ })).toHaveCount(0);
    expect((await page.request.get(`/quizzes/${QUIZ}/export/gift`)).status()).toBe(403);
    await page.goto(`/quizzes/${QUIZ}/print/key`);
    await expect(page).toHaveURL(/\/$/);
    // The student copy is fine: it has no answers.
    await page.goto(`/quizzes/${QUIZ}/print`);
    await expect(page.locator("[data-paper-sheet]")).toBeVisible();
  });

  test("screenshots: export panel and print views, desktop and phone, light and dark", async ({ page }) => {
    test.setTimeout(120_000);
    const teacher = await createUser("teacher");
    await signIn(page, teacher);
    for (const [width, scheme, suffix] of [[1280, "light", ""], [1280, "dark", "-dark"], [360, "light", "-mobile"], [360, "dark", "-mobile-dark"]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ media: "screen", colorScheme: scheme });
      await page.goto(`/quizzes/${QUIZ}`);
      await page.getByRole("region", { name: /Use this quiz in your LMS/ }).screenshot({ path: `${SHOTS}/quiz-export-panel${suffix}.png` });
      await page.goto(`/quizzes/${QUIZ}/print`);
      await page.screenshot({ path: `${SHOTS}/print-student-copy${suffix}.png` });
      if (width === 1280) {
        await page.goto(`/quizzes/${QUIZ}/print/key`);
        await page.screenshot({ path: `${SHOTS}/print-answer-key${suffix}.png` });
        await page.goto("/lessons/sanctions/print");
        await page.screenshot({ path: `${SHOTS}/print-lesson${suffix}.png` });
        await page.goto("/import");
        await page.screenshot({ path: `${SHOTS}/import-sources${suffix}.png` });
      }
    }
  });
});
