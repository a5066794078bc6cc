/**
 * Shared pages (docs/ARCHITECTURE.md "Cached pages"): a lesson is rendered once and served
 * from the cache to everyone, so the cached bytes must hold nothing personal, and each reader's
 * own parts (header, progress, saved level) must come from their own GET /api/me.
 */
import type { Browser, BrowserContext } from "@playwright/test";
import { createUser, expect, openTestDb, signIn, test, type E2EUser } from "./fixtures";

const SLUG = "who-is-responsible";
const LESSON = `/lessons/${SLUG}`;
const QUIZ = "/quizzes/who-is-responsible-quiz";

function seedProgress(user: E2EUser, sectionsRead: string[], lastAnchor: string) {
  const db = openTestDb();
  try {
    db.prepare("insert into reading_progress (user_id, lesson_id, level, sections_read, last_anchor, updated_at) values (?, ?, 2, ?, ?, ?)").run(user.id, SLUG, JSON.stringify(sectionsRead), lastAnchor, Date.now());
  } finally {
    db.close();
  }
}

async function signedInContext(browser: Browser, user: E2EUser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(await context.newPage(), user);
  return context;
}

test.describe("a cached lesson, read by two students and a guest", () => {
  test("everyone gets the same cached bytes, with nothing personal in them, and each sees only their own progress and name", async ({ browser, page }) => {
    const ada = await createUser("student", { displayName: "Ada Cachetest" });
    const bo = await createUser("learner", { displayName: "Bo Cachetest" });
    seedProgress(ada, ["s-the-news"], "p5");
    seedProgress(bo, ["s-the-news", "s-us-pressure"], "p9");
    const adaContext = await signedInContext(browser, ada);
    const boContext = await signedInContext(browser, bo);

    // The guest first, so the page is rendered (or already cached) without any session; then both students.
    const guestHtml = await (await page.request.get(LESSON)).text();
    const adaResponse = await adaContext.request.get(LESSON);
    const boResponse = await boContext.request.get(LESSON);
    expect(adaResponse.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(boResponse.headers()["x-nextjs-cache"]).toBe("HIT");
    const [adaHtml, boHtml] = [await adaResponse.text(), await boResponse.text()];
    expect(adaHtml).toBe(guestHtml);
    expect(boHtml).toBe(guestHtml);
    for (const personal of [ada.username, bo.username, "Cachetest", "Sign out", "1 of 5 sections read", "2 of 5 sections read", "Continue where you left off"]) expect(guestHtml, personal).not.toContain(personal);

    // Each one's own parts, from their own request.
    const cases: [BrowserContext, string | null, RegExp][] = [
      [adaContext, "Ada Cachetest", /1 of 5 sections read/],
      [boContext, "Bo Cachetest", /2 of 5 sections read/],
      [page.context(), null, /0 of 5 sections read/],
    ];
    for (const [context, name, progress] of cases) {
      const view = context === page.context() ? page : await context.newPage();
      await view.goto(LESSON);
      const region = view.getByRole("region", { name: "Your progress" });
      await expect(region).toContainText(progress);
      if (name) {
        await expect(view.getByRole("button", { name: /account menu/i })).toContainText(name);
        await expect(view.getByText(name === "Ada Cachetest" ? "Bo Cachetest" : "Ada Cachetest")).toHaveCount(0);
        await expect(region.getByRole("link", { name: /Continue where you left off/ })).toBeVisible();
      } else {
        await expect(view.getByRole("link", { name: "Sign in" })).toBeVisible();
        await expect(view.getByText("Cachetest")).toHaveCount(0);
      }
    }
    // The per-reader request is never cacheable.
    const me = await adaContext.request.get(`/api/me?lesson=${SLUG}`);
    expect(me.headers()["cache-control"]).toContain("no-store");
    expect(await me.json()).toMatchObject({ user: { name: "Ada Cachetest" }, lesson: { progress: { sectionsRead: ["s-the-news"], lastAnchor: "p5" } } });
    expect(await (await page.request.get(`/api/me?lesson=${SLUG}`)).json()).toEqual({ user: null, lesson: null });
    await adaContext.close();
    await boContext.close();
  });

  test("a signed-in document load brings its own answer in a short cookie on a private response; the page uses it and drops it", async ({ browser }) => {
    const eve = await createUser("student", { displayName: "Eve Onerequest" });
    seedProgress(eve, ["s-the-news"], "p5");
    const context = await signedInContext(browser, eve);
    const response = await context.request.get(LESSON, { headers: { "sec-fetch-dest": "document" } });
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value).join("\n");
    expect(setCookie).toMatch(/viewer-answer=[^;]*Eve%20Onerequest/);
    expect(setCookie).toMatch(/Max-Age=20; SameSite=strict/i);
    const guest = await (await browser.newContext()).request.get(LESSON, { headers: { "sec-fetch-dest": "document" } });
    expect(guest.headers()["set-cookie"]).toBeUndefined();

    // In the browser: no GET /api/me for the lesson's first view, the reader's own progress and name shown, the cookie gone.
    const page = await context.newPage();
    const asked: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/me") asked.push(request.url());
    });
    await page.goto(LESSON);
    await expect(page.getByText("1 of 5 sections read")).toBeVisible();
    await expect(page.getByRole("button", { name: /account menu/i })).toContainText("Eve Onerequest");
    expect(asked).toEqual([]);
    expect((await context.cookies()).some((cookie) => cookie.name === "viewer-answer")).toBe(false);
    await context.close();
  });

  test("each level is its own cached page, and a reader's saved level is applied on top of the shared default", async ({ page }) => {
    const first = await page.request.get(`${LESSON}?level=1`);
    const again = await page.request.get(`${LESSON}?level=1`);
    expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await again.text()).toBe(await first.text());
    expect(await again.text()).not.toBe(await (await page.request.get(LESSON)).text());

    const reader = await createUser("learner");
    const db = openTestDb();
    try {
      db.prepare("insert into user_preferences (user_id, reading_level, updated_at) values (?, 1, ?)").run(reader.id, Date.now());
    } finally {
      db.close();
    }
    await signIn(page, reader);
    await page.goto(LESSON);
    await expect(page).toHaveURL(/\?level=1$/);
    await expect(page.getByRole("navigation", { name: "Reading level" }).getByRole("link", { name: /Level 1/ })).toHaveAttribute("aria-current", "page");

    // Applying it left the level in a cookie: the next visit is served at level 1 by the server (proxy.ts), no switch after load.
    const served = await page.request.get(LESSON);
    expect(await served.text()).toContain('aria-current="page"');
    await page.goto(LESSON);
    await expect(page.getByRole("navigation", { name: "Reading level" }).getByRole("link", { name: /Level 1/ })).toHaveAttribute("aria-current", "page");
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
    expect(await served.text()).toBe(await (await page.request.get(`${LESSON}/level/p1`)).text());
    expect(await served.text()).not.toContain("doesn&#x27;t have the level you asked for");
  });

  test("a lesson only some readers may see is not served from the shared page: its readers get it, others a 404", async ({ page }) => {
    const db = openTestDb();
    const teacher = await createUser("teacher");
    const slug = `private-${teacher.id.slice(0, 8)}`;
    try {
      const source = db.prepare("select * from lessons where id = ?").get(SLUG) as Record<string, unknown>;
      db.prepare("insert into lessons (id, topic_id, title, summary, as_of, position, origin, owner_id, retired, meta, content_hash, created_at, updated_at) values (?, ?, 'A private lesson', 'Only its teacher reads it.', ?, 99, 'imported', ?, 0, ?, 'x', ?, ?)").run(
        slug, source.topic_id, source.as_of, teacher.id, source.meta, Date.now(), Date.now(),
      );
      db.prepare("insert into lesson_levels (lesson_id, level, body, word_count, grade_estimate) select ?, level, body, word_count, grade_estimate from lesson_levels where lesson_id = ?").run(slug, SLUG);
    } finally {
      db.close();
    }
    const guest = await page.request.get(`/lessons/${slug}`);
    expect(guest.status()).toBe(404);
    expect(await guest.text()).not.toContain("A private lesson");
    await signIn(page, teacher);
    await page.goto(`/lessons/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A private lesson");
  });
});

test.describe("the catalog and a quiz's start page, shared by two students and a guest", () => {
  test("everyone gets the same cached bytes, and each sees only their own progress, next steps and attempts", async ({ browser, page }) => {
    const ada = await createUser("student", { displayName: "Ada Sharedhome" });
    const bo = await createUser("learner", { displayName: "Bo Sharedhome" });
    seedProgress(ada, ["s-the-news"], "p5");
    const adaContext = await signedInContext(browser, ada);
    const boContext = await signedInContext(browser, bo);

    // Ada has a practice attempt open at the quiz; Bo has none.
    const adaPage = await adaContext.newPage();
    await adaPage.goto(QUIZ);
    await adaPage.getByRole("button", { name: "Start practice" }).click();
    await expect(adaPage).toHaveURL(/\/attempts\//);

    for (const path of ["/", QUIZ]) {
      const guestHtml = await (await page.request.get(path)).text();
      const adaResponse = await adaContext.request.get(path);
      const boResponse = await boContext.request.get(path);
      expect(adaResponse.headers()["x-nextjs-cache"], path).toBe("HIT");
      expect(boResponse.headers()["x-nextjs-cache"], path).toBe("HIT");
      const adaHtml = await adaResponse.text();
      // Signed-in readers of `/` get the member variant (no sign-up calls): one shared page for both, not the guest's.
      expect(await boResponse.text(), path).toBe(adaHtml);
      if (path === QUIZ) expect(adaHtml, path).toBe(guestHtml);
      else expect(adaHtml, path).not.toBe(guestHtml);
      for (const [who, html] of [["guest", guestHtml], ["member", adaHtml]] as const) {
        for (const personal of [ada.username, bo.username, "Sharedhome", "Sign out", "sections read", "Continue where you left off", "What to do next", "Resume practice", "Your attempts"]) {
          expect(html, `${path} (${who}): ${personal}`).not.toContain(personal);
        }
      }
      // Public questions only: never a key field (tests/e2e/key-leak.spec.ts scans for the keys' contents too).
      if (path === QUIZ) expect(guestHtml).not.toMatch(/\\*"(?:answer|keyData|explanation|feedback|tolerance)\\*"\s*:/);
    }
    // The member variant carries no guest calls to action at all, so none can show before /api/me answers.
    const memberHtml = await (await adaContext.request.get("/")).text();
    for (const guestCall of ["Sign up free", "Create a teacher account", "Join with a class code", 'data-testid="evidence-preview"']) {
      expect(memberHtml, guestCall).not.toContain(guestCall);
    }
    expect(await (await page.request.get("/")).text()).toContain("Sign up free");
    // Cached for everyone, so no response's nonce in it (its first render may come from a sign-in's redirect).
    expect(memberHtml).not.toContain("nonce=");

    // The quiz page: each reader's own start state, from their own request.
    await adaPage.goto(QUIZ);
    await expect(adaPage.getByRole("button", { name: "Resume practice" })).toBeVisible();
    await expect(adaPage.getByRole("button", { name: "Start test" })).toBeVisible();
    const boPage = await boContext.newPage();
    await boPage.goto(QUIZ);
    await expect(boPage.getByRole("button", { name: "Start practice" })).toBeVisible();
    await expect(boPage.getByRole("button", { name: "Resume practice" })).toHaveCount(0);
    await expect(boPage.getByRole("button", { name: "Submit answers" })).toHaveCount(0);
    await page.goto(QUIZ);
    await expect(page.getByRole("button", { name: "Submit answers" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Start practice|Resume practice/ })).toHaveCount(0);

    // The catalog: Ada's progress and continue card, Bo's untouched cards, the guest's sign-up calls.
    await adaPage.goto("/");
    await expect(adaPage.getByRole("heading", { name: "Continue where you left off" })).toBeVisible();
    await expect(adaPage.getByText("1 of 5 sections read").first()).toBeVisible();
    await expect(adaPage.getByTestId("next-steps")).toBeVisible();
    await expect(adaPage.getByRole("link", { name: "Sign up free" })).toHaveCount(0);
    await expect(adaPage.getByRole("button", { name: /account menu/i })).toContainText("Ada Sharedhome");
    await boPage.goto("/");
    await expect(boPage.getByTestId("next-steps")).toBeVisible();
    await expect(boPage.getByRole("heading", { name: "Continue where you left off" })).toHaveCount(0);
    await expect(boPage.getByText("1 of 5 sections read")).toHaveCount(0);
    await expect(boPage.getByText("Ada Sharedhome")).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Sign up free" })).toBeVisible();
    await expect(page.getByTestId("next-steps")).toHaveCount(0);
    await expect(page.getByText("Sharedhome")).toHaveCount(0);

    const me = await adaContext.request.get(`/api/me?quiz=who-is-responsible-quiz`);
    expect(me.headers()["cache-control"]).toContain("no-store");
    expect(await me.json()).toMatchObject({ user: { name: "Ada Sharedhome" }, quiz: { open: { practice: true, test: false } } });
    await adaContext.close();
    await boContext.close();
  });

  test("a signed-in document load of `/` or a quiz brings each reader's own answer: no /api/me asked, nothing of the other's", async ({ browser }) => {
    const fay = await createUser("student", { displayName: "Fay Onerequest" });
    const gus = await createUser("learner", { displayName: "Gus Onerequest" });
    seedProgress(fay, ["s-the-news"], "p5");
    const fayContext = await signedInContext(browser, fay);
    const gusContext = await signedInContext(browser, gus);
    // Fay has a practice attempt open at the quiz; Gus has none.
    const fayStart = await fayContext.newPage();
    await fayStart.goto(QUIZ);
    await fayStart.getByRole("button", { name: "Start practice" }).click();
    await expect(fayStart).toHaveURL(/\/attempts\//);
    await fayStart.close();

    for (const [context, own, other] of [
      [fayContext, "Fay Onerequest", "Gus Onerequest"],
      [gusContext, "Gus Onerequest", "Fay Onerequest"],
    ] as const) {
      for (const path of ["/", QUIZ]) {
        const response = await context.request.get(path, { headers: { "sec-fetch-dest": "document" } });
        expect(response.headers()["cache-control"], path).toBe("private, no-store");
        const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value).join("\n");
        expect(setCookie, path).toContain(`viewer-answer=`);
        expect(setCookie, path).toContain(encodeURIComponent(own));
        expect(setCookie, path).not.toContain(encodeURIComponent(other));
      }
      const page = await context.newPage();
      const asked: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname === "/api/me") asked.push(request.url());
      });
      await page.goto(QUIZ);
      await expect(page.getByRole("button", { name: own === "Fay Onerequest" ? "Resume practice" : "Start practice" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Resume practice" })).toHaveCount(own === "Fay Onerequest" ? 1 : 0);
      await expect(page.getByRole("button", { name: /account menu/i })).toContainText(own);
      await page.goto("/");
      await expect(page.getByTestId("next-steps")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Continue where you left off" })).toHaveCount(own === "Fay Onerequest" ? 1 : 0);
      await expect(page.getByRole("button", { name: /account menu/i })).toContainText(own);
      await expect(page.getByText(other)).toHaveCount(0);
      expect(asked, own).toEqual([]);
      expect((await context.cookies()).some((cookie) => cookie.name === "viewer-answer"), own).toBe(false);
    }
    // A guest's document load brings no answer.
    const guest = await (await browser.newContext()).request.get("/", { headers: { "sec-fetch-dest": "document" } });
    expect(guest.headers()["set-cookie"]).toBeUndefined();
    await fayContext.close();
    await gusContext.close();
  });

  test("a signed-in student never sees the guest sign-up calls on `/`, even while /api/me is slow", async ({ browser }) => {
    const cy = await createUser("student", { displayName: "Cy Noflash" });
    const context = await signedInContext(browser, cy);
    const page = await context.newPage();
    // Hold the per-reader answer back: whatever the page shows meanwhile comes from the cached HTML alone.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/me**", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/", { waitUntil: "load" });
    await expect(page.getByRole("heading", { level: 1, name: "Read the news. Find the evidence." })).toBeVisible();
    for (const name of ["Sign up free", "Start reading, no account", "Create a teacher account", "Join with a class code", "Sign up", "Sign in"]) {
      await expect(page.getByRole("link", { name, exact: true }), name).toHaveCount(0);
    }
    await expect(page.getByTestId("evidence-preview")).toHaveCount(0);
    release();
    await expect(page.getByRole("button", { name: /account menu/i })).toContainText("Cy Noflash");
    await expect(page.getByTestId("next-steps")).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign up free" })).toHaveCount(0);
    await context.close();
  });

  test("a session that ended keeps its cookie, gets the member page and nothing more: the header offers sign-in again", async ({ browser }) => {
    const dee = await createUser("learner", { displayName: "Dee Ended" });
    const context = await signedInContext(browser, dee);
    // Ended on the server (what a sign-out elsewhere or a password reset does); the browser still sends the cookie.
    const db = openTestDb();
    try {
      db.prepare("update users set token_version = token_version + 1 where id = ?").run(dee.id);
    } finally {
      db.close();
    }
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await expect(page.getByText("Dee Ended")).toHaveCount(0);
    await expect(page.getByTestId("next-steps")).toHaveCount(0);
    expect(await (await context.request.get("/api/me?lesson=who-is-responsible")).json()).toEqual({ user: null, lesson: null });
    await context.close();
  });

  test("a teacher's home and quiz page are their own, per request", async ({ page }) => {
    const teacher = await createUser("teacher", { displayName: "Tess Sharedhome" });
    await signIn(page, teacher);
    const home = await page.request.get("/");
    expect(home.headers()["x-nextjs-cache"]).toBeUndefined();
    expect(home.headers()["content-security-policy"]).toMatch(/'nonce-/);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    await page.goto(QUIZ);
    await expect(page.getByRole("heading", { name: /Use this quiz in your LMS/ })).toBeVisible();
  });
});
