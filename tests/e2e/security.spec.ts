/**
 * Security end to end, against the production build: headers and the nonce
 * CSP on every HTML page (a script-hash CSP on the cached shared pages), injected scripts blocked, forged server-action
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
import { asImportedText, plantAsHtml, plantAsText, type HostDocument } from "./xss-articles";

const PAYLOADS = fs
  .readFileSync(path.resolve("tests/fixtures/xss-payloads.txt"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => line.replace(/\\n/g, "\n"));

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
  const state = await page.evaluate(async () => {
    const w = window as unknown as { __xss?: unknown; __cspViolations: string[] };
    const handlerAttributes = [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`));
    const scriptUrls = [...document.querySelectorAll("[href],[src],[action],[formaction],[data]")]
      .map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? el.getAttribute("formaction") ?? el.getAttribute("data") ?? "")
      // React renders this placeholder action on server-action forms; it only throws if the form is submitted without JavaScript.
      .filter((url) => /^\s*(javascript|vbscript|data:text\/html)/i.test(url) && !url.startsWith("javascript:throw new Error('A React form was unexpectedly submitted."));
    // A cached shared page's inline scripts have no nonce: each must be allowed by its hash in the page's policy instead.
    const policy = (await fetch(location.href, { method: "HEAD" })).headers.get("content-security-policy") ?? "";
    const sha256 = async (text: string) => btoa(String.fromCharCode(...new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))));
    let scriptsWithoutNonce = 0;
    for (const s of document.querySelectorAll("script")) if (!s.nonce && !s.src && !policy.includes(`'sha256-${await sha256(s.textContent ?? "")}'`)) scriptsWithoutNonce += 1;
    return { xss: w.__xss ?? null, violations: w.__cspViolations, handlerAttributes, scriptUrls, scriptsWithoutNonce, injectedElements: document.querySelectorAll("iframe, object, embed, svg script, math, marquee, xss").length };
  });
  expect(dialogs, `${where}: dialogs`).toEqual([]);
  expect(state, where).toEqual({ xss: null, violations: [], handlerAttributes: [], scriptUrls: [], scriptsWithoutNonce: 0, injectedElements: 0 });
}

/** Whitespace doesn't matter when looking for text on a page (sentences are split and joined with spaces). */
const squash = (text: string) => text.replace(/\s+/g, "");

/**
 * Pastes one article into the import form (with hostile metadata too), then checks the review page, publishes,
 * and checks the lesson, the quiz page, a started attempt and its results. Returns the stored draft and the
 * article as the review page rendered it.
 */
async function importPublishAndVisit(page: Page, dialogs: string[], document: HostDocument, label: string): Promise<{ draft: { format: string; paragraphs: string[] }; articleText: string }> {
  await page.goto("/import");
  await page.getByLabel("Article", { exact: true }).fill(document.content);
  await page.getByLabel("Title").fill(`${document.headline} " onmouseover="alert(1)`);
  await page.getByLabel("Source or outlet").fill("javascript:alert(1)");
  await page.getByLabel("Author").fill("<img src=x onerror=alert(1)>");
  await page.getByRole("button", { name: "Draft lesson and quiz" }).click();
  await expect(page.getByRole("heading", { name: /^Review:/ })).toBeVisible({ timeout: 60_000 });
  await expectNoExecution(page, dialogs, `review (${label})`);
  // The article's text as shown, paragraphs joined by spaces (the "p1", "p2" markers beside them are left out).
  const articleText = (
    await page.locator("section[aria-labelledby=article-heading] p[id^=article-p]").evaluateAll((paragraphs) =>
      paragraphs.map((p) => [...p.children].filter((child) => child.getAttribute("aria-hidden") !== "true").map((child) => child.textContent).join("")),
    )
  ).join(" ");
  const draftId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Publish lesson and quiz" }).click();
  await expect(page.getByText(/Published as a private lesson and quiz/).first()).toBeVisible({ timeout: 30_000 });
  await expectNoExecution(page, dialogs, `review after publish (${label})`);

  const db = openTestDb();
  let row: { draft: string; lessonId: string; quizId: string };
  try {
    row = db.prepare("select d.draft as draft, l.id as lessonId, l.quiz_id as quizId from import_drafts d join lessons l on l.id = d.published_lesson_id where d.id = ?").get(draftId) as typeof row;
  } finally {
    db.close();
  }
  await page.goto(`/lessons/${encodeURIComponent(row.lessonId)}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoExecution(page, dialogs, `lesson (${label})`);
  await page.goto(`/quizzes/${encodeURIComponent(row.quizId)}`);
  await expectNoExecution(page, dialogs, `quiz page (${label})`);
  await page.getByRole("button", { name: "Start test" }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  await expectNoExecution(page, dialogs, `quiz questions (${label})`);
  const attemptUrl = new URL(page.url()).pathname;
  const submitted = await page.request.post(`/api/attempts/${attemptUrl.split("/").pop()}/submit`, { data: { answers: {} }, headers: { origin: new URL(page.url()).origin } });
  expect(submitted.status(), await submitted.text()).toBe(200);
  await page.goto(`${attemptUrl}/results`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoExecution(page, dialogs, `quiz results with explanations and evidence (${label})`);
  return { draft: JSON.parse(row.draft) as { format: string; paragraphs: string[] }, articleText };
}

/** A NUL byte makes the importer refuse the whole paste as binary: each such payload goes into a copy of `content` and is refused. */
async function expectRefusedAsBinary(page: Page, dialogs: string[], content: string, payloads: string[]) {
  for (const payload of payloads) {
    await page.goto("/import");
    // After the headline's paragraph break, or after the opening of the first paragraph in a web page.
    await page.getByLabel("Article", { exact: true }).fill(content.includes("<p>") ? content.replace("<p>", `<p>${payload} `) : content.replace("\n\n", `\n\n${payload} `));
    await page.getByRole("button", { name: "Draft lesson and quiz" }).click();
    await expect(page.getByText("That doesn't look like text.")).toBeVisible({ timeout: 60_000 });
    await expectNoExecution(page, dialogs, "import refused as binary");
  }
}

const PUBLIC_PAGES = ["/", "/about", "/privacy", "/sign-in", "/sign-up", "/join", "/quizzes", "/quizzes/sanctions-quiz", "/lessons/who-is-responsible", "/lessons/who-is-responsible?level=3"];
/** Cached for every reader (docs/ARCHITECTURE.md "Cached pages"): a policy with the hashes of their inline scripts instead of a nonce. */
const SHARED_PAGES = new Set(["/", "/about", "/privacy", "/quizzes/sanctions-quiz", "/lessons/who-is-responsible", "/lessons/who-is-responsible?level=3"]);
const TEACHER_PAGES = ["/classes", "/import", "/account", "/progress", "/assignments"];

function expectSecurityHeaders(headers: Record<string, string>, where: string, shared = false) {
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  if (shared) {
    expect(scriptSrc, where).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/);
  } else {
    expect(scriptSrc, where).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptSrc, where).toContain("'strict-dynamic'");
  }
  expect(scriptSrc, where).not.toContain("unsafe-inline");
  expect(scriptSrc, where).not.toContain("unsafe-eval");
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "default-src 'self'"]) expect(csp, where).toContain(directive);
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-powered-by"], where).toBeUndefined();
}

test.describe("security headers and the nonce CSP", () => {
  test("every HTML page sends the headers, a fresh nonce per response, and every script carries it; a cached page allows exactly its own inline scripts by hash", async ({ page }) => {
    const teacher = await createUser("teacher");
    const nonces = new Set<string>();
    const check = async (url: string, shared = SHARED_PAGES.has(url)) => {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const headers = response.headers();
      if (shared) {
        expectSecurityHeaders(headers, url, true);
        const html = await response.text();
        const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]!)).map((m) => m[2]!);
        expect(inline.length, url).toBeGreaterThan(0);
        const allowed = [...headers["content-security-policy"]!.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]!);
        expect(new Set(allowed), `${url}: exactly the page's inline scripts`).toEqual(new Set(inline.map((text) => crypto.createHash("sha256").update(text).digest("base64"))));
        for (const attributes of [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!)) expect(attributes, url).not.toContain("nonce=");
        return;
      }
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
    // A teacher's home is their own day (proxy.ts rewrites it to /today, rendered per request): a nonce, not the cached page.
    await check("/", false);
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
  // The corpus rides inside ordinary articles (tests/e2e/xss-articles.ts): a few payloads per paragraph as pasted text,
  // one per paragraph in saved web pages. Every import goes through review, publish, the lesson, the quiz and its results.
  test(`${PAYLOADS.length} payloads through article import as pasted text → review → publish → lesson and quiz`, async ({ page }) => {
    test.setTimeout(300_000);
    const { dialogs } = await armProbes(page);
    const teacher = await createUser("teacher");
    await signIn(page, teacher, "/import");
    const corpus = PAYLOADS.map((payload, index) => ({ payload, index }));
    // A NUL byte makes the importer refuse the whole paste as binary; that one is shown refused, in an article of its own.
    const withNul = corpus.filter((c) => c.payload.includes("\u0000"));
    const { documents, planted } = plantAsText(corpus.filter((c) => !c.payload.includes("\u0000")));
    expect(documents.length).toBeGreaterThan(1);

    const shown = new Set<number>();
    for (const [d, document] of documents.entries()) {
      const { draft, articleText } = await importPublishAndVisit(page, dialogs, document, `text ${d + 1}`);
      expect(draft.format, "read as pasted text, not sniffed as HTML or Markdown").toBe("text");
      // Each payload reached the review page as text: its characters, in order, in the article as rendered.
      for (const entry of planted.filter((p) => p.document === d)) if (squash(articleText).includes(squash(asImportedText(entry.payload)))) shown.add(entry.index);
    }
    const dropped = planted.filter((p) => !shown.has(p.index)).map((p) => p.payload);
    // The one exception: the middle line of a fenced code block is a short line without punctuation, which the
    // importer drops as page furniture ("Watch live", "Advertisement"); its other lines are shown.
    expect(dropped).toEqual(["```html\n<script>alert(1)</script>\n```"]);

    await expectRefusedAsBinary(page, dialogs, documents[0]!.content, withNul.map((c) => c.payload));
    expect(planted.length + withNul.length, "every payload of the corpus was imported").toBe(PAYLOADS.length);
    expect(shown.size).toBe(PAYLOADS.length - withNul.length - dropped.length);

    await page.goto("/");
    await expectNoExecution(page, dialogs, "catalog with imported lessons");
  });

  test(`${PAYLOADS.length} payloads through article import as saved web pages (HTML) → review → publish → lesson and quiz`, async ({ page }) => {
    test.setTimeout(600_000);
    const { dialogs } = await armProbes(page);
    const teacher = await createUser("teacher");
    await signIn(page, teacher, "/import");
    const corpus = PAYLOADS.map((payload, index) => ({ payload, index }));
    const withNul = corpus.filter((c) => c.payload.includes("\u0000"));
    const { documents, planted } = plantAsHtml(corpus.filter((c) => !c.payload.includes("\u0000")));
    expect(new Set(planted.map((p) => p.index)).size, "every payload is planted once").toBe(planted.length);

    const parsed = new Set<number>();
    for (const [d, document] of documents.entries()) {
      const { draft, articleText } = await importPublishAndVisit(page, dialogs, document, `HTML ${d + 1}`);
      expect(draft.format).toBe("html");
      // A payload was parsed as live markup (not swallowed by an earlier one) when the sentence before it survived.
      for (const entry of planted.filter((p) => p.document === d)) {
        expect(squash(articleText), `payload ${entry.index} ${JSON.stringify(entry.payload)}: the sentence before it is missing`).toContain(squash(entry.before));
        parsed.add(entry.index);
      }
    }
    await expectRefusedAsBinary(page, dialogs, documents[0]!.content, withNul.map((c) => c.payload));
    expect(parsed.size + withNul.length, "every payload of the corpus was imported").toBe(PAYLOADS.length);
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

test.describe("rate limits over HTTP", () => {
  const GRADE = "/api/quizzes/sanctions-quiz/grade";
  const counter = (key: string) => {
    const db = openTestDb();
    try {
      return (db.prepare("select failures as count, locked_until as lockedUntil from login_throttles where key = ?").get(key) as { count: number; lockedUntil: number | null } | undefined) ?? null;
    } finally {
      db.close();
    }
  };

  test("a client can't choose the address it is counted under: its X-Forwarded-For is replaced by the connection's", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    // Start this address's window now, at a known count, so where the 10-minute window happens to fall can't matter.
    const db = openTestDb();
    db.prepare("insert into login_throttles (key, failures, window_start, locked_until) values ('grade:ip:127.0.0.1', 7, ?, null) on conflict (key) do update set failures = 7, window_start = excluded.window_start, locked_until = null").run(Date.now());
    db.close();
    try {
      // An empty submission is refused (400), but only after it was counted: floods of bad requests count too.
      const response = await request.post(GRADE, { data: { answers: [] }, headers: { origin, "x-forwarded-for": "203.0.113.77" } });
      expect(response.status()).toBe(400);
      expect(counter("grade:ip:203.0.113.77")).toBeNull();
      expect(counter("grade:ip:127.0.0.1")?.count).toBe(8);
    } finally {
      const cleanup = openTestDb();
      cleanup.prepare("delete from login_throttles where key = 'grade:ip:127.0.0.1'").run();
      cleanup.close();
    }
  });

  test("guest grading past its limit: 429 with Retry-After, and the guest sees why and keeps their answers", async ({ page, request, baseURL }) => {
    // Lock this machine's address for five minutes (the real limit is 600 gradings; reaching it here would take a while).
    const db = openTestDb();
    const lockedUntil = Date.now() + 5 * 60_000;
    db.prepare("insert into login_throttles (key, failures, window_start, locked_until) values ('grade:ip:127.0.0.1', 600, ?, ?) on conflict (key) do update set failures = 600, window_start = excluded.window_start, locked_until = excluded.locked_until").run(Date.now(), lockedUntil);
    db.close();
    try {
      const refused = await request.post(GRADE, { data: { answers: [] }, headers: { origin: new URL(baseURL!).origin } });
      expect(refused.status()).toBe(429);
      expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(290);
      expect(Number(refused.headers()["retry-after"])).toBeLessThanOrEqual(300);
      expect((await refused.json()).error).toEqual({ code: "rate_limited", message: expect.stringContaining("Please try again in 5 minutes") });

      await page.goto("/quizzes/sanctions-quiz");
      await page.getByRole("button", { name: "Submit answers" }).click();
      await page.getByRole("button", { name: "Submit anyway" }).click();
      await expect(page.getByText(/Too many quizzes were graded from your network in the last few minutes\. Please try again in 5 minutes/)).toBeVisible();
      await expect(page.getByRole("heading", { name: "Your results" })).toHaveCount(0);
    } finally {
      const cleanup = openTestDb();
      cleanup.prepare("delete from login_throttles where key = 'grade:ip:127.0.0.1'").run();
      cleanup.close();
    }
    await page.getByRole("button", { name: "Submit anyway" }).click();
    await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
  });
});

test.describe("second pass: redirects, malformed and cross-site requests (issue #20)", () => {
  test("sign-in never redirects off-site, whatever the callbackUrl, and odd reasons are just ignored", async ({ page, request }) => {
    for (const reason of ["__proto__", "toString", "constructor", "valueOf", "hasOwnProperty"]) {
      const response = await request.get(`/sign-in?reason=${reason}`);
      expect(response.status(), reason).toBe(200);
    }
    expect((await request.get("/sign-in?callbackUrl=/%0a/evil.example")).status()).toBe(200);
    const user = await createUser("learner");
    await signIn(page, user);
    for (const target of ["/%5Cevil.example", "/%09/evil.example", "/%0a/evil.example", "//evil.example", "https://evil.example/", "/\\evil.example"]) {
      const response = await page.request.get(`/sign-in?callbackUrl=${target}`, { maxRedirects: 0 });
      expect(response.status(), target).toBe(307);
      expect(response.headers()["location"], target).toBe("/");
    }
    const inside = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent("/progress?x=1")}`, { maxRedirects: 0 });
    expect(inside.headers()["location"]).toBe("/progress?x=1");
  });

  test("malformed paths get 400, not 500", async ({ request, baseURL }) => {
    for (const path of ["/lessons/%", "/lessons/%E0%A4%A", "/quizzes/%"]) expect((await request.get(path)).status(), path).toBe(400);
    const grade = await request.post("/api/quizzes/%/grade", { data: { answers: [] }, headers: { origin: new URL(baseURL!).origin } });
    expect(grade.status()).toBe(400);
  });

  test("server-action POSTs: cross-site refused (403), Origin not a URL 400, broken bodies 400, a huge chunked body 411, never a 500", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const teacher = await createUser("teacher");
    await signIn(page, teacher, "/classes");
    // Capture a real createClassAction request, then replay variants of it.
    let captured: { headers: Record<string, string>; body: Buffer } | undefined;
    await page.route("**/classes", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      captured = { headers: route.request().headers(), body: route.request().postDataBuffer()! };
      await route.abort();
    });
    await page.getByLabel("New class name").fill("Cross-site class");
    await page.getByRole("button", { name: /create class/i }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const send = (headers: Record<string, string | undefined>, body: BodyInit = new Uint8Array(captured!.body)) => {
      const merged: Record<string, string> = { ...captured!.headers, cookie };
      for (const [key, value] of Object.entries(headers)) {
        if (value === undefined) delete merged[key];
        else merged[key] = value;
      }
      delete merged["content-length"];
      return fetch(`${baseURL}/classes`, { method: "POST", headers: merged, body, redirect: "manual", duplex: "half" } as RequestInit);
    };
    const classCount = () => {
      const db = openTestDb();
      try {
        return (db.prepare("select count(*) as n from classes where teacher_id = ?").get(teacher.id) as { n: number }).n;
      } finally {
        db.close();
      }
    };
    expect((await send({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await send({ "sec-fetch-site": "cross-site", origin: undefined })).status).toBe(403);
    expect((await send({ origin: "not a url" })).status).toBe(400);
    expect((await send({ origin: "https://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403);
    expect((await send({ "content-type": "text/plain;charset=UTF-8" }, "this is not json")).status).toBe(400);
    expect((await send({ "content-type": "text/plain;charset=UTF-8" }, "[".repeat(20_000) + "]".repeat(20_000))).status).toBe(400);
    expect((await send({ "content-type": "multipart/form-data; boundary=zz" }, '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]')).status).toBe(400);
    const tenMegabytes = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new Uint8Array(1024 * 1024).fill(91));
        controller.close();
      },
    });
    const chunked = await send({ "content-type": "text/plain;charset=UTF-8" }, tenMegabytes);
    expect([411, 413]).toContain(chunked.status);
    expect(classCount()).toBe(0);
    // The same request from the app itself works.
    expect((await send({ origin })).status).toBeLessThan(400);
    expect(classCount()).toBe(1);
  });

  test("route handlers: a spoofed X-Forwarded-Host with a matching forged Origin is refused (no TRUST_PROXY)", async ({ request }) => {
    const response = await request.post("/api/quizzes/sanctions-quiz/grade", { data: { answers: [] }, headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example" } });
    expect(response.status()).toBe(403);
  });

  test("an imported article's Markdown link renders as text in the student's lesson", async ({ page }) => {
    test.setTimeout(120_000);
    const teacher = await createUser("teacher");
    await signIn(page, teacher, "/import");
    const story = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8").trim();
    await page.getByLabel("Article", { exact: true }).fill(`${story}\n\nRead [the city plan](https://evil.example/phish) before the next hearing, the clerk said.\n`);
    await page.getByRole("button", { name: "Draft lesson and quiz" }).click();
    await expect(page.getByRole("button", { name: "Publish lesson and quiz" })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Publish lesson and quiz" }).click();
    await expect(page.getByText(/Published as a private lesson and quiz/).first()).toBeVisible();
    const db = openTestDb();
    const lesson = db.prepare("select id from lessons where owner_id = ?").get(teacher.id) as { id: string };
    db.close();
    await page.goto(`/lessons/${lesson.id}`);
    // A paste with Markdown in it is read as Markdown, whose link targets the importer drops; read as plain text, the
    // link node renders as its own characters (tests/unit/security-second-pass.test.ts). Either way: the words, no link.
    await expect(page.locator("article, main").getByText("the city plan", { exact: false }).first()).toBeVisible();
    await expect(page.locator('a[href*="evil.example"]')).toHaveCount(0);
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
    // The roster asks first (issue #19): nothing is reset until the teacher confirms.
    await page.getByRole("button", { name: "Yes, reset Reset Me's password" }).click();
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
