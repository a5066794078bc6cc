/**
 * Security end to end, against the production build: headers and the nonce
 * CSP on every HTML page, injected scripts blocked, forged server-action
 * Origins refused, and the XSS corpus (tests/fixtures/xss-payloads.txt)
 * pushed through article import, names and quiz answers with nothing ever
 * running. See docs/SECURITY.md.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createUser, expect, openTestDb, signIn, test } from "./fixtures";
import { loadQuizzes } from "./quiz-helpers";

const PAYLOADS = fs
  .readFileSync(path.resolve("tests/fixtures/xss-payloads.txt"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => line.replace(/\\n/g, "\n"));
const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

/** Installs the probes before any page script: dialogs, window.__xss and CSP violations are all recorded. */
async function armProbes(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => w.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`));
  });
  return { dialogs };
}

/** Nothing ran and nothing tried to: no dialog, no probe, no CSP violation, and no live handler or script URL in the DOM. */
async function expectNoExecution(page: Page, dialogs: string[], where: string) {
  await page.waitForLoadState("load");
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __cspViolations: string[] };
    const handlerAttributes = [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`));
    const scriptUrls = [...document.querySelectorAll("[href],[src],[action],[formaction],[data]")]
      .map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? el.getAttribute("formaction") ?? el.getAttribute("data") ?? "")
      // React renders this placeholder action on server-action forms; it only throws if the form is submitted without JavaScript.
      .filter((url) => /^\s*(javascript|vbscript|data:text\/html)/i.test(url) && !url.startsWith("javascript:throw new Error('A React form was unexpectedly submitted."));
    const scriptsWithoutNonce = [...document.querySelectorAll("script")].filter((s) => !s.nonce && !s.src).length;
    return { xss: w.__xss ?? null, violations: w.__cspViolations, handlerAttributes, scriptUrls, scriptsWithoutNonce, injectedElements: document.querySelectorAll("iframe, object, embed, svg script, math, marquee, xss").length };
  });
  expect(dialogs, `${where}: dialogs`).toEqual([]);
  expect(state, where).toEqual({ xss: null, violations: [], handlerAttributes: [], scriptUrls: [], scriptsWithoutNonce: 0, injectedElements: 0 });
}

const PUBLIC_PAGES = ["/", "/about", "/privacy", "/sign-in", "/sign-up", "/join", "/quizzes", "/quizzes/sanctions-quiz"];
const TEACHER_PAGES = ["/classes", "/import", "/account", "/progress", "/assignments"];

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc, where).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(scriptSrc, where).toContain("'strict-dynamic'");
  expect(scriptSrc, where).not.toContain("unsafe-inline");
  expect(scriptSrc, where).not.toContain("unsafe-eval");
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "default-src 'self'"]) expect(csp, where).toContain(directive);
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-powered-by"], where).toBeUndefined();
}

test.describe("security headers and the nonce CSP", () => {
  test("every HTML page sends the headers, a fresh nonce per response, and every script carries it", async ({ page }) => {
    const teacher = await createUser("teacher");
    const nonces = new Set<string>();
    const check = async (url: string) => {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const headers = response.headers();
      expectSecurityHeaders(headers, url);
      const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1]!;
      expect(nonces.has(nonce), `${url}: nonce reused`).toBe(false);
      nonces.add(nonce);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length, url).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes, `${url}: a script without the nonce`).toContain(`nonce="${nonce}"`);
    };
    for (const url of PUBLIC_PAGES) await check(url);
    await signIn(page, teacher);
    for (const url of TEACHER_PAGES) await check(url);
    await check("/");
  });

  test("pages hydrate with zero CSP violations; an injected inline script or handler is blocked", async ({ page }) => {
    const { dialogs } = await armProbes(page);
    for (const url of PUBLIC_PAGES) {
      await page.goto(url);
      await expectNoExecution(page, dialogs, url);
    }
    // Hydrated: the sign-in form's client island validates without a reload.
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Enter your username or email/)).toBeVisible();

    // A stored XSS arrives inside the server's HTML: rewrite /about's HTML to carry an inline script and an inline handler.
    await page.route("**/about", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("</main>", `<script>window.__xss = "inline script"</script><img src="x" onerror="window.__xss = 'handler'"></main>`);
      await route.fulfill({ response, body: html });
    });
    await page.goto("/about");
    await page.waitForTimeout(500);
    const blocked = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown; __cspViolations: string[] };
      return { xss: w.__xss ?? null, violations: w.__cspViolations.length };
    });
    expect(blocked.xss).toBeNull();
    expect(blocked.violations).toBeGreaterThanOrEqual(2);
  });

  test("the app can't be framed and HTTPS responses carry HSTS", async ({ request }) => {
    const plain = await request.get("/");
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    const proxied = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
    expect(proxied.headers()["strict-transport-security"]).toMatch(/max-age=\d{8,}/);
  });
});

test.describe("server actions refuse a forged Origin", () => {
  test("a sign-up replayed with another site's Origin creates nothing; the same request from the app works", async ({ page, baseURL }) => {
    const username = `csrf-${Date.now().toString(36)}`;
    await page.goto("/sign-up");
    let captured: { headers: Record<string, string>; body: Buffer } | undefined;
    await page.route("**/sign-up", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      captured = { headers: route.request().headers(), body: route.request().postDataBuffer()! };
      await route.abort();
    });
    await page.getByText("A self-learner").click();
    await page.getByLabel("Your name").fill("Forged Origin");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill("a much longer passphrase 42");
    await page.getByRole("button", { name: /create account/i }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    const replay = (origin: string) =>
      fetch(`${baseURL}/sign-up`, { method: "POST", headers: { ...captured!.headers, origin, host: new URL(baseURL!).host }, body: new Uint8Array(captured!.body), redirect: "manual" });
    const count = () => {
      const db = openTestDb();
      try {
        return (db.prepare("select count(*) as n from users where username = ?").get(username) as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const forged = await replay("https://evil.example");
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(count()).toBe(0);
    await replay(new URL(baseURL!).origin);
    expect(count()).toBe(1);
  });
});

test.describe("XSS corpus: no payload ever runs", () => {
  // FIXME: pasted "text" full of tags is sniffed as HTML and the import answers "We couldn't find an article in that page",
  // so the corpus never reaches the review page. Needs payloads spread so extraction still finds the article (docs/SECURITY.md).
  test.fixme(`${PAYLOADS.length} payloads through article import (text and HTML) → review → publish → lesson`, async ({ page }) => {
    test.setTimeout(240_000);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(200);
    const { dialogs } = await armProbes(page);
    const teacher = await createUser("teacher");
    await signIn(page, teacher, "/import");
    const paragraphs = article.split(/\n\s*\n/);
    // A NUL byte makes the import refuse the whole text as binary (its own test); every other payload goes in.
    const importable = PAYLOADS.filter((p) => !p.includes("\u0000"));
    const perParagraph = Math.ceil(importable.length / paragraphs.length);
    const asText = paragraphs.map((p, i) => `${p} ${importable.slice(i * perParagraph, (i + 1) * perParagraph).join(" ")}`).join("\n\n");
    const asHtml = `<html><head><title>${PAYLOADS[0]}</title></head><body><article><h1>UN Security Council tightens sanctions</h1>${paragraphs
      .map((p, i) => `<p>${p}</p>${importable.slice(i * perParagraph, (i + 1) * perParagraph).join("\n")}`)
      .join("\n")}</article></body></html>`;

    for (const [label, content] of [["text", asText], ["HTML", asHtml]] as const) {
      await page.goto("/import");
      await page.getByLabel("Article", { exact: true }).fill(content);
      await page.getByLabel("Title").fill(`Sanctions ${label} " onmouseover="alert(1)`);
      await page.getByLabel("Source or outlet").fill("javascript:alert(1)");
      await page.getByRole("button", { name: "Draft lesson and quiz" }).click();
      await expect(page.getByRole("heading", { name: /^Review:/ })).toBeVisible({ timeout: 60_000 });
      await expectNoExecution(page, dialogs, `review (${label})`);
      await page.getByRole("button", { name: "Publish lesson and quiz" }).click();
      await expect(page.getByText("Published as a private lesson and quiz.")).toBeVisible({ timeout: 30_000 });
      await expectNoExecution(page, dialogs, `review after publish (${label})`);
    }
    const db = openTestDb();
    const lessons = db.prepare("select slug from lessons where owner_id = ?").all(teacher.id) as { slug: string }[];
    db.close();
    expect(lessons).toHaveLength(2);
    for (const { slug } of lessons) {
      await page.goto(`/lessons/${slug}`);
      await expectNoExecution(page, dialogs, `lesson ${slug}`);
    }
    await page.goto("/");
    await expectNoExecution(page, dialogs, "catalog with imported lessons");
  });

  test("names: angle brackets are refused with a message; every other payload is stored and shown as text", async ({ page }) => {
    test.setTimeout(180_000);
    const { dialogs } = await armProbes(page);
    const teacher = await createUser("teacher", { displayName: `" onmouseover="alert(1) javascript:alert(1)` });
    await signIn(page, teacher, "/classes");
    await expectNoExecution(page, dialogs, "teacher name in the header");

    await page.getByLabel("New class name").fill("<script>alert(1)</script>");
    await page.getByRole("button", { name: /create class/i }).click();
    await expect(page.getByText("Class names can't contain angle brackets or control characters.")).toBeVisible();
    await page.getByLabel("New class name").fill(`Period 1 " autofocus onfocus="alert(1)`);
    await page.getByRole("button", { name: /create class/i }).click();
    await expect(page).toHaveURL(/\/classes\/[0-9a-f-]{36}$/);
    const classUrl = new URL(page.url()).pathname;

    const accepted = PAYLOADS.filter((p) => !/[<>\u0000-\u001f\u007f]/.test(p) && p.trim().length > 0 && p.length <= 60);
    expect(accepted.length).toBeGreaterThan(40);
    await page.goto(`${classUrl}/students`);
    await page.getByLabel(/names/i).fill("<img src=x onerror=alert(1)>");
    await page.getByRole("button", { name: /add students/i }).click();
    await expect(page.getByText("Names can't contain angle brackets or control characters.")).toBeVisible();
    for (let start = 0; start < accepted.length; start += 60) {
      await page.getByLabel(/names/i).fill(accepted.slice(start, start + 60).join("\n"));
      await page.getByRole("button", { name: /add students/i }).click();
      await expect(page.getByText(/^Added \d+ students?/)).toBeVisible();
      await expectNoExecution(page, dialogs, "sign-in sheet");
      await page.reload();
    }
    await expectNoExecution(page, dialogs, "roster");
    for (const sub of ["", "/analysis", "/settings", "/assignments/new"]) {
      await page.goto(`${classUrl}${sub}`);
      await expectNoExecution(page, dialogs, `class page ${sub || "/"}`);
    }
    const csv = await page.request.get(`${classUrl}/export/gradebook`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment/);
  });

  test("quiz answers: every payload as a short or cloze answer → results page", async ({ page }) => {
    test.setTimeout(240_000);
    const { dialogs } = await armProbes(page);
    const learner = await createUser("learner");
    await signIn(page, learner);
    // The quiz with the most free-text slots takes the corpus in the fewest attempts.
    const slots = (quiz: ReturnType<typeof loadQuizzes>[number]): { id: string; blank?: string }[] =>
      quiz.questions.flatMap((q) => (q.type === "short_answer" ? [{ id: q.id }] : q.type === "cloze" ? Object.keys(q.answer as Record<string, string[]>).map((blank) => ({ id: q.id, blank })) : []));
    const quiz = loadQuizzes().sort((a, b) => slots(b).length - slots(a).length)[0]!;
    const quizSlots = slots(quiz);
    expect(quizSlots.length).toBeGreaterThan(0);

    // Questions cap answer length (40 characters for these); every payload that fits is one answer.
    const answersTexts = PAYLOADS.filter((p) => p.length <= 40);
    expect(answersTexts.length).toBeGreaterThanOrEqual(100);
    let sent = 0;
    while (sent < answersTexts.length) {
      await page.goto(`/quizzes/${quiz.id}`);
      await page.getByRole("button", { name: "Start test" }).click();
      await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
      const attemptUrl = new URL(page.url()).pathname;
      const attemptId = attemptUrl.split("/").pop()!;
      const answers: Record<string, unknown> = {};
      for (const slot of quizSlots) {
        const text = answersTexts[sent++] ?? "";
        const blank = slot.blank;
        if (blank !== undefined) {
          const existing = (answers[slot.id] as { blanks: Record<string, string> } | undefined)?.blanks ?? {};
          answers[slot.id] = { type: "cloze", blanks: { ...existing, [blank]: text } };
        } else answers[slot.id] = { type: "short_answer", text };
      }
      const draft = await page.request.put(`/api/attempts/${attemptId}/draft`, { data: { answers }, headers: { origin: new URL(page.url()).origin } });
      expect(draft.status(), await draft.text()).toBe(200);
      await page.reload();
      await expectNoExecution(page, dialogs, "attempt page with saved draft answers");
      const submitted = await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers }, headers: { origin: new URL(page.url()).origin } });
      expect(submitted.status(), await submitted.text()).toBe(200);
      await page.goto(`${attemptUrl}/results`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoExecution(page, dialogs, "results page");
    }
    await page.goto("/progress");
    await expectNoExecution(page, dialogs, "progress page");
  });
});

test.describe("sessions end everywhere when they should", () => {
  test("a teacher's password reset ends the student's sessions", async ({ page, browser }) => {
    const teacher = await createUser("teacher");
    const student = await createUser("student", { displayName: "Reset Me" });
    const classId = crypto.randomUUID();
    const db = openTestDb();
    try {
      const now = Date.now();
      db.prepare("insert into classes (id, teacher_id, name, join_code, created_at, updated_at) values (?, ?, 'Reset class', null, ?, ?)").run(classId, teacher.id, now, now);
      db.prepare("insert into class_members (class_id, student_id, created_at) values (?, ?, ?)").run(classId, student.id, now);
    } finally {
      db.close();
    }
    const studentContext = await browser.newContext();
    const studentPage = await studentContext.newPage();
    await signIn(studentPage, student);
    await studentPage.goto("/assignments");
    await expect(studentPage).toHaveURL(/\/assignments$/);

    await signIn(page, teacher, `/classes/${classId}/students`);
    await page.getByRole("button", { name: "Reset password for Reset Me" }).click();
    await expect(page.getByRole("status").filter({ hasText: "New password:" })).toBeVisible();

    await studentPage.goto("/assignments");
    await expect(studentPage).toHaveURL(/\/sign-in/);
    await studentContext.close();
  });

  test("deleting an account ends its sessions on every device", async ({ page, browser }) => {
    const learner = await createUser("learner");
    await signIn(page, learner);
    const other = await browser.newContext();
    await other.addCookies(await page.context().cookies());
    const stolen = await other.newPage();
    await stolen.goto("/account");
    await expect(stolen.getByRole("heading", { name: "Account", exact: true })).toBeVisible();

    await page.goto("/account");
    await page.getByLabel("Your password").fill(learner.password);
    await page.getByLabel('Type "DELETE" to confirm').fill("DELETE");
    await page.getByRole("button", { name: "Delete my account and data" }).click();
    await expect(page).toHaveURL(/reason=account-deleted/);

    await stolen.goto("/account");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await other.close();
  });
});
