import fs from "node:fs";
import path from "node:path";
import { createUser, expect, openTestDb, signIn, test } from "./fixtures";

const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

test.describe("article import", () => {
  test("a teacher pastes an article, edits it, publishes, assigns it, and a student takes it", async ({ page, browser }) => {
    test.setTimeout(300_000);
    const teacher = await createUser("teacher");
    await signIn(page, teacher, "/import");
    await page.getByRole("link", { name: "Import article" }).first().click();
    await expect(page.getByRole("heading", { name: "Import an article" })).toBeVisible();

    await page.getByLabel("Article", { exact: true }).fill(article);
    await page.getByLabel("Publication date").fill("2023-03-21");
    await page.getByLabel("Source or outlet").fill("Civics Wire");
    await page.getByRole("button", { name: "Draft lesson and quiz" }).click();
    // The analysis runs in a worker; the form shows its stages meanwhile.
    await expect(page.getByTestId("import-progress")).toBeVisible();

    await expect(page.getByRole("heading", { name: /^Review: UN Security Council tightens sanctions/ })).toBeVisible({ timeout: 30_000 });
    const draftId = page.url().split("/").pop()!;

    // A kept-out candidate of the same skill, as import-core's pipeline adds them (draft.alternates).
    {
      const db = openTestDb();
      try {
        const row = db.prepare("select draft from import_drafts where id = ?").get(draftId) as { draft: string };
        const stored = JSON.parse(row.draft) as { questions: { type: string; prompt?: string; skills: string[] }[]; alternates?: unknown[] };
        const model = stored.questions.find((q) => q.type === "single")!;
        stored.alternates = [{ ...model, id: "alt1", prompt: "Which figure does the article give for the frozen assets?" }];
        db.prepare("update import_drafts set draft = ? where id = ?").run(JSON.stringify(stored), draftId);
      } finally {
        db.close();
      }
      await page.reload();
    }
    const questions = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Question \d+/ }) });
    const before = await questions.count();
    expect(before).toBeGreaterThanOrEqual(10);

    // Each question shows its skill; the list filters by skill.
    const filter = page.getByLabel("Show skill");
    const skillOption = (await filter.locator("option").nth(1).getAttribute("value"))!;
    await filter.selectOption(skillOption);
    const filtered = await questions.count();
    expect(filtered).toBeLessThanOrEqual(before);
    expect(filtered).toBeGreaterThan(0);
    for (const skill of await page.getByTestId("review-question").evaluateAll((items) => items.map((i) => i.getAttribute("data-skill")))) expect(skill).toBe(skillOption);
    await filter.selectOption("all");
    await expect(questions).toHaveCount(before);

    // One click swaps a question for a kept-out candidate of the same skill.
    const withAlternate = questions.filter({ has: page.getByText(/^Other .* questions \(1\)$/) }).first();
    await withAlternate.getByText(/^Other .* questions/).click();
    await withAlternate.getByRole("button", { name: /^Replace question \d+ with/ }).click();
    await expect(page.locator("textarea").filter({ hasText: "Which figure does the article give for the frozen assets?" })).toHaveCount(1);
    await expect(questions).toHaveCount(before);
    await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");

    // Leaving with unsaved edits asks first; dismissing stays on the page.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("link", { name: "← All imports" }).click();
    await expect(page).toHaveURL(new RegExp(`/import/${draftId}$`));

    // Moving into a question highlights its evidence sentence in the article.
    const first = questions.first();
    await first.getByLabel("Question", { exact: true }).or(first.getByLabel(/Sentence with the blank/)).first().focus();
    const evidence = await first.locator("p.field-hint").innerText();
    const highlighted = page.locator('[data-evidence="active"]');
    await expect(highlighted).toHaveCount(1);
    expect(evidence).toContain((await highlighted.innerText()).replace(/^Evidence:\s*/, "").slice(0, 40));

    // A question the server refuses gets the message beside it, not only at the bottom of the page.
    const single = questions.filter({ hasText: "Multiple choice" }).first();
    const prompt = single.getByLabel("Question", { exact: true });
    await prompt.fill("");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(single.getByRole("alert")).toContainText("Fix this question: prompt: must not be empty");
    await expect(page.getByRole("alert").filter({ hasText: /needs fixing before this can be saved/ })).toBeVisible();

    // Edit a multiple-choice question's prompt.
    await prompt.fill("According to the article, which number belongs in the blank?");

    // Delete the last question.
    await questions.last().getByRole("button", { name: /^Delete question/ }).click();
    await expect(questions).toHaveCount(before - 1);

    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved.")).toBeVisible();
    await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
    await page.reload();
    await expect(questions).toHaveCount(before - 1);
    await expect(page.getByLabel("Question", { exact: true }).first()).toBeVisible();
    await expect(page.locator("textarea").filter({ hasText: "According to the article, which number belongs in the blank?" })).toHaveCount(1);

    await page.getByRole("button", { name: "Publish lesson and quiz" }).click();
    await expect(page.getByText("Published as a private lesson and quiz (version 1).")).toBeVisible();

    const db = openTestDb();
    try {
      const lesson = db.prepare("select id, origin, owner_id as ownerId, quiz_id as quizId from lessons where owner_id = ?").get(teacher.id) as { id: string; origin: string; quizId: string };
      expect(lesson.origin).toBe("imported");
      const count = db.prepare("select count(*) as n from questions where quiz_id = ?").get(lesson.quizId) as { n: number };
      expect(count.n).toBe(before - 1);
    } finally {
      db.close();
    }

    await page.getByRole("link", { name: "Lessons" }).first().click();
    await expect(page.getByRole("heading", { name: /UN Security Council tightens sanctions on Nordavia/ })).toBeVisible();

    // Assign the published lesson and quiz to a class; a student joins and takes it.
    await page.goto("/classes");
    await page.getByLabel("New class name").fill("Current events");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByRole("heading", { name: "Current events" })).toBeVisible();
    const code = (await page.getByLabel(/^Class code /).textContent())!.trim();
    await page.getByRole("link", { name: "Assign a lesson" }).click();
    const imported = await page.locator("#lessonId option", { hasText: "(your import)" }).getAttribute("value");
    await page.getByLabel("Lesson", { exact: true }).selectOption(imported);
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText("Assignment created")).toBeVisible();

    const studentContext = await browser.newContext();
    const student = await studentContext.newPage();
    await student.goto(`/join?code=${code}`);
    await student.getByLabel("Your name").fill("Imani Student");
    await student.getByLabel("Choose a username").fill(`imani${Date.now().toString(36)}`);
    await student.getByLabel("Choose a password").fill("maple river summit");
    await student.getByRole("button", { name: "Join class" }).click();
    await expect(student.getByRole("heading", { name: /UN Security Council tightens sanctions on Nordavia/ })).toBeVisible();
    await student.getByRole("link", { name: "Read" }).click();
    await expect(student.getByRole("heading", { level: 1, name: /UN Security Council tightens sanctions on Nordavia/ })).toBeVisible();
    // Filed as the teacher's article, with the draft's timeline and people, and Sources that say whose text it is.
    await expect(student.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Article from your teacher");
    // Each once: the written "Timeline" and "Key people" sections, and no "Who's who" panel repeating those people.
    await expect(student.getByRole("heading", { name: "Timeline" })).toHaveCount(1);
    await expect(student.getByRole("heading", { name: "Key people" })).toHaveCount(1);
    const people = await student.locator("section", { has: student.getByRole("heading", { name: "Key people" }) }).locator("strong").allTextContents();
    expect(people.length).toBeGreaterThan(0);
    const panel = student.locator("section", { has: student.getByRole("heading", { name: "Who's who" }) });
    const panelText = (await panel.count()) ? await panel.innerText() : "";
    for (const name of people) expect(panelText).not.toContain(name);
    const sources = student.locator("section", { has: student.getByRole("heading", { name: "Sources" }) });
    await expect(sources).toContainText("the article itself, word for word");
    await expect(sources).toContainText("Civics Wire");
    await expect(sources).not.toContainText("our own writing");
    await student.goBack();
    await student.getByRole("link", { name: "Take the quiz" }).click();
    await student.getByRole("button", { name: "Start the test" }).click();
    await expect(student).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
    await student.getByRole("button", { name: "Submit answers" }).click();
    await student.getByRole("button", { name: "Submit anyway" }).click();
    await expect(student.getByTestId("score")).toHaveText("0%");
    await studentContext.close();
  });

  test("bad input gets a clear message and nothing is stored", async ({ page }) => {
    const teacher = await createUser("teacher");
    await signIn(page, teacher, "/import");
    await page.getByLabel("Article", { exact: true }).fill("El consejo municipal aprobó ayer un nuevo presupuesto para las escuelas públicas de la ciudad. ".repeat(15));
    await page.getByRole("button", { name: "Draft lesson and quiz" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "doesn't look like English" })).toBeVisible();
    await expect(page.getByLabel("Article", { exact: true })).toHaveValue(/El consejo municipal/);
    const db = openTestDb();
    try {
      expect((db.prepare("select count(*) as n from import_drafts where owner_id = ?").get(teacher.id) as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });

  test("another teacher gets a 404 for someone else's draft, and students can't import", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const owner = await createUser("teacher");
    await signIn(page, owner, "/import");
    await page.getByLabel("Article", { exact: true }).fill(article);
    await page.getByRole("button", { name: "Draft lesson and quiz" }).click();
    await expect(page.getByRole("heading", { name: /^Review:/ })).toBeVisible({ timeout: 30_000 });
    const draftUrl = page.url();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const intruder = await createUser("teacher");
    await signIn(otherPage, intruder);
    // The root loading.tsx makes pages stream, so Next sends the not-found page with status 200; its content is what counts.
    await otherPage.goto(draftUrl);
    await expect(otherPage.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    await expect(otherPage.getByText("UN Security Council tightens sanctions")).toHaveCount(0);
    const download = await otherPage.request.get(`${draftUrl}/download`);
    expect(download.status()).toBe(404);
    await other.close();

    const studentContext = await browser.newContext();
    const studentPage = await studentContext.newPage();
    const student = await createUser("student");
    await signIn(studentPage, student);
    await expect(studentPage.getByRole("link", { name: "Import article" })).toHaveCount(0);
    await studentPage.goto("/import");
    await expect(studentPage).not.toHaveURL(/\/import$/);
    await studentContext.close();
  });
});
