/**
 * GET /api/me answered by proxy.ts (lib/data/viewer-answer.ts): the same answer as the route, from
 * the session cookie the proxy decrypts. A cookie only ever brings its own user's state, and only
 * while the session holds: forged, expired, stale-version (signed out) or unknown-user cookies get
 * the guest answer, and a query the route doesn't know goes on to it. The catalog's and quiz's forms
 * are the route's own answer, run as the cookie's user through the DAL. A signed-in document load
 * of a shared lesson, the catalog or a quiz's start page gets the same answer with the page, in a
 * short-lived cookie.
 */
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as routeGET } from "@/app/api/me/route";
import { startOrResumeAttempt } from "@/lib/data/attempts";
import { saveOwnReadingProgress } from "@/lib/data/reading-progress";
import type * as SessionTokenModule from "@/lib/data/session-token";
import { endSessionsOf } from "@/lib/data/users";
import { answerViewer, installViewerAnswer } from "@/lib/data/viewer-answer";
import { VIEWER_ANSWER_KEY, VIEWER_COOKIE, type Viewer, type ViewerQuery } from "@/lib/viewer";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
// Seeding progress goes through the DAL with the test helper's session; the version check (currentAuthState) stays real.
vi.mock("@/lib/data/session-token", async (original) => ({
  ...(await original<typeof SessionTokenModule>()),
  auth: async () => (await import("../helpers/session")).currentTestSession(),
}));

const { proxy } = await import("@/proxy");

const SECRET = process.env.AUTH_SECRET!;
const SALT = "authjs.session-token";
const LESSON = "who-is-responsible";
const QUIZ = "who-is-responsible-quiz";
const lessonQuery = (lesson: string | null): ViewerQuery => ({ lesson, catalog: false, quiz: null, assignment: null });
let ada: Awaited<ReturnType<typeof seedUser>>;
let bo: Awaited<ReturnType<typeof seedUser>>;

function cookieFor(claims: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) {
  return encode({ token: { tv: 0, role: "learner", ...claims }, secret: options.secret ?? SECRET, salt: SALT, maxAge: options.maxAge ?? 3600 });
}

async function me(query: string, cookie?: string, method = "GET") {
  const response = await proxy(new NextRequest(`http://school.example/api/me${query}`, { method, headers: { host: "school.example", ...(cookie ? { cookie: `${SALT}=${cookie}` } : {}) } }));
  const passedOn = response.headers.get("x-middleware-next") === "1";
  return { response, passedOn, body: passedOn ? null : ((await response.json()) as Viewer) };
}

beforeAll(async () => {
  await createTestDb({ withContent: true });
  ada = await seedUser({ role: "learner", displayName: "Ada Fastpath" });
  bo = await seedUser({ role: "student", displayName: "Bo Fastpath" });
  signInAs(ada);
  await saveOwnReadingProgress({ lessonId: LESSON, level: 2, sectionIds: ["s-the-news"], lastAnchor: "p5" });
  await startOrResumeAttempt({ quizId: QUIZ, mode: "practice" });
  signOutTestUser();
  installViewerAnswer();
});

describe("GET /api/me answered in the proxy", () => {
  it("each cookie brings its own user's name and lesson progress, never cacheable", async () => {
    const adaMe = await me(`?lesson=${LESSON}`, await cookieFor({ uid: ada.id, username: ada.username }));
    expect(adaMe.passedOn).toBe(false);
    expect(adaMe.body).toMatchObject({ user: { name: "Ada Fastpath", role: "learner", dueReviews: 0 }, lesson: { progress: { sectionsRead: ["s-the-news"], lastAnchor: "p5", completed: false } } });
    expect(adaMe.response.headers.get("cache-control")).toBe("private, no-store");
    expect(adaMe.response.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    const boMe = await me(`?lesson=${LESSON}`, await cookieFor({ uid: bo.id, username: bo.username, role: "student" }));
    expect(boMe.body).toEqual({ user: { name: "Bo Fastpath", username: bo.username, role: "student", dueReviews: 0, mustChangePassword: false }, lesson: { progress: null, readingLevel: null } });
    expect(JSON.stringify(boMe.body)).not.toContain("s-the-news");
  });

  it("the same answer as the route's for a lesson view (one implementation of what a reader sees)", async () => {
    const direct = await answerViewer({ uid: ada.id, tv: 0 }, lessonQuery(LESSON));
    expect((await me(`?lesson=${LESSON}`, await cookieFor({ uid: ada.id, username: ada.username }))).body).toEqual(direct);
    expect((await me("", await cookieFor({ uid: ada.id, username: ada.username }))).body).toMatchObject({ user: { name: "Ada Fastpath" }, lesson: null });
    // A lesson id that isn't a slug reads nothing.
    expect((await me("?lesson=..%2Fx", await cookieFor({ uid: ada.id }))).body).toMatchObject({ user: { name: "Ada Fastpath" }, lesson: null });
  });

  it("no cookie, a forged or expired cookie, an unknown user or a stale token version: the guest answer", async () => {
    const guest = { user: null, lesson: null };
    expect((await me(`?lesson=${LESSON}`)).body).toEqual(guest);
    const forged = await cookieFor({ uid: ada.id }, { secret: "a-forged-secret-a-forged-secret-0123456789" });
    const expired = await cookieFor({ uid: ada.id }, { maxAge: -60 });
    const unknown = await cookieFor({ uid: "no-such-user" });
    const stale = await cookieFor({ uid: ada.id, tv: 1 });
    for (const cookie of [forged, expired, unknown, stale, "garbage"]) {
      expect((await me(`?lesson=${LESSON}`, cookie)).body, cookie.slice(0, 20)).toEqual(guest);
    }
  });

  it("a session ended by sign-out stops working at once, though the proxy remembers its decrypted token", async () => {
    const user = await seedUser({ role: "learner", displayName: "Cy Fastpath" });
    const cookie = await cookieFor({ uid: user.id, username: user.username });
    expect((await me("", cookie)).body?.user?.name).toBe("Cy Fastpath");
    expect(await endSessionsOf(user.id, 0)).toBe(true);
    expect((await me("", cookie)).body).toEqual({ user: null, lesson: null });
  });

  it("the catalog's and quiz's forms: each cookie gets its own user's state, the same as the route's answer", async () => {
    const adaCookie = await cookieFor({ uid: ada.id, username: ada.username });
    const boCookie = await cookieFor({ uid: bo.id, username: bo.username, role: "student" });
    const adaCatalog = await me("?catalog=1", adaCookie);
    expect(adaCatalog.passedOn).toBe(false);
    expect(adaCatalog.response.headers.get("cache-control")).toBe("private, no-store");
    expect(adaCatalog.body?.catalog).toMatchObject({ progress: { [LESSON]: { read: 1, completed: false } }, resume: { lessonId: LESSON, read: 1 } });
    const boCatalog = (await me("?catalog=1", boCookie)).body!;
    expect(boCatalog.user?.name).toBe("Bo Fastpath");
    expect(boCatalog.catalog).toMatchObject({ progress: {}, resume: null });
    expect(JSON.stringify(boCatalog)).not.toContain("Ada Fastpath");
    const adaQuiz = (await me(`?quiz=${QUIZ}`, adaCookie)).body!;
    expect(adaQuiz.quiz).toMatchObject({ open: { practice: true, test: false }, assignment: null });
    expect((await me(`?quiz=${QUIZ}`, boCookie)).body!.quiz).toEqual({ assignment: null, assignmentNotFound: false, open: { practice: false, test: false }, history: [] });
    // An assignment id that isn't the reader's is reported, as the route does, not shown.
    expect((await me(`?quiz=${QUIZ}&assignment=not-hers`, boCookie)).body!.quiz).toMatchObject({ assignment: null, assignmentNotFound: true });
    // A guest, or a cookie that doesn't open, gets no one's state.
    expect((await me(`?quiz=${QUIZ}&catalog=1`)).body).toEqual({ user: null, lesson: null });
    expect((await me("?catalog=1", await cookieFor({ uid: ada.id }, { secret: "a-forged-secret-a-forged-secret-0123456789" }))).body).toEqual({ user: null, lesson: null });

    // The route's answer for the same reader (it always names both parts; null when not asked for).
    for (const [user, cookie] of [[ada, adaCookie], [bo, boCookie]] as const) {
      signInAs(user);
      try {
        for (const query of ["?catalog=1", `?quiz=${QUIZ}`, `?quiz=${QUIZ}&lesson=${LESSON}`]) {
          const route = (await (await routeGET(new Request(`http://school.example/api/me${query}`))).json()) as Viewer;
          expect({ catalog: null, quiz: null, ...(await me(query, cookie)).body }, `${user.displayName} ${query}`).toEqual(route);
        }
      } finally {
        signOutTestUser();
      }
    }
  });

  it("a query the route doesn't know, other methods, and a server without the answer installed go on to the route", async () => {
    const cookie = await cookieFor({ uid: ada.id });
    expect((await me("?catalog=1&extra=1", cookie)).passedOn).toBe(true);
    expect((await me("", cookie, "POST")).passedOn).toBe(true);
    const key = Symbol.for(VIEWER_ANSWER_KEY);
    const installed = (globalThis as Record<symbol, unknown>)[key];
    delete (globalThis as Record<symbol, unknown>)[key];
    try {
      expect((await me(`?lesson=${LESSON}`, cookie)).passedOn).toBe(true);
      expect((await me("?catalog=1", cookie)).passedOn).toBe(true);
    } finally {
      (globalThis as Record<symbol, unknown>)[key] = installed;
    }
  });
});

describe("the answer sent with a signed-in lesson page", () => {
  async function page(path: string, cookie?: string, headers: Record<string, string> = {}) {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const response = await proxy(new NextRequest(`http://school.example${path}`, { headers: { host: "school.example", ...(cookie ? { cookie: `${SALT}=${cookie}` } : {}), ...headers } }));
      const sent = response.cookies.get(VIEWER_COOKIE);
      return { response, sent: sent ? (JSON.parse(sent.value) as { for: string; viewer: Viewer }) : null, raw: sent };
    } finally {
      vi.unstubAllEnvs();
    }
  }

  it("carries the reader's own answer for that lesson, short-lived, readable by the page, and the response is private", async () => {
    const { response, sent, raw } = await page(`/lessons/${LESSON}`, await cookieFor({ uid: ada.id, username: ada.username }), { "sec-fetch-dest": "document" });
    expect(sent).toEqual({ for: `/api/me?lesson=${LESSON}`, viewer: await answerViewer({ uid: ada.id, tv: 0 }, lessonQuery(LESSON)) });
    expect(sent!.viewer.lesson?.progress?.sectionsRead).toEqual(["s-the-news"]);
    expect(raw).toMatchObject({ path: "/", sameSite: "strict", maxAge: 20 });
    expect(raw!.httpOnly).toBeFalsy();
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    // The level rewrite keeps it: the page's islands ask for the lesson, whatever its level.
    expect((await page(`/lessons/${LESSON}?level=1`, await cookieFor({ uid: bo.id, username: bo.username, role: "student" }))).sent?.viewer.user?.name).toBe("Bo Fastpath");
  });

  it("is never sent to a guest, for a cookie that doesn't open, with a prefetch or client-side navigation, or for pages whose answer isn't given here", async () => {
    const adaCookie = await cookieFor({ uid: ada.id });
    expect((await page(`/lessons/${LESSON}`)).raw).toBeUndefined();
    expect((await page(`/lessons/${LESSON}`, await cookieFor({ uid: ada.id }, { secret: "a-forged-secret-a-forged-secret-0123456789" }))).raw).toBeUndefined();
    expect((await page(`/lessons/${LESSON}`, adaCookie, { rsc: "1" })).raw).toBeUndefined();
    expect((await page(`/lessons/${LESSON}`, adaCookie, { "next-router-prefetch": "1" })).raw).toBeUndefined();
    expect((await page(`/lessons/${LESSON}`, adaCookie, { "sec-fetch-dest": "empty" })).raw).toBeUndefined();
    expect((await page("/", adaCookie, { rsc: "1" })).raw).toBeUndefined();
    expect((await page(`/quizzes/${QUIZ}`, adaCookie, { "next-router-prefetch": "1" })).raw).toBeUndefined();
    expect((await page("/sign-in", adaCookie, { "sec-fetch-dest": "document" })).raw).toBeUndefined();
    expect((await page("/about", adaCookie)).sent).toMatchObject({ for: "/api/me", viewer: { user: { name: "Ada Fastpath" }, lesson: null } });
  });

  it("the catalog and a quiz's start page bring each reader's own answer too (with an assignment link's id), never a teacher's per-request pages", async () => {
    const adaCookie = await cookieFor({ uid: ada.id, username: ada.username });
    const boCookie = await cookieFor({ uid: bo.id, username: bo.username, role: "student" });
    const document = { "sec-fetch-dest": "document" };
    const adaHome = await page("/", adaCookie, document);
    expect(adaHome.sent).toEqual({ for: "/api/me?catalog=1", viewer: await answerViewer({ uid: ada.id, tv: 0 }, { ...lessonQuery(null), catalog: true }) });
    expect(adaHome.sent!.viewer.catalog?.resume).toMatchObject({ lessonId: LESSON });
    expect(adaHome.response.headers.get("cache-control")).toBe("private, no-store");
    expect(adaHome.response.headers.get("x-middleware-rewrite")).toContain("/home/member");
    const boHome = await page("/", boCookie, document);
    expect(boHome.sent?.viewer.catalog).toMatchObject({ progress: {}, resume: null });
    expect(JSON.stringify(boHome.sent)).not.toContain("Ada Fastpath");

    const adaQuiz = await page(`/quizzes/${QUIZ}`, adaCookie, document);
    expect(adaQuiz.sent).toMatchObject({ for: `/api/me?quiz=${QUIZ}`, viewer: { user: { name: "Ada Fastpath" }, quiz: { open: { practice: true } } } });
    const boQuiz = await page(`/quizzes/${QUIZ}?assignment=a-link-1`, boCookie, document);
    expect(boQuiz.sent).toMatchObject({ for: `/api/me?quiz=${QUIZ}&assignment=a-link-1`, viewer: { user: { name: "Bo Fastpath" }, quiz: { open: { practice: false }, assignmentNotFound: true } } });

    const teacher = await seedUser({ role: "teacher", displayName: "Tess Fastpath" });
    const teacherCookie = await cookieFor({ uid: teacher.id, username: teacher.username, role: "teacher" });
    expect((await page("/", teacherCookie, document)).raw).toBeUndefined();
    expect((await page(`/quizzes/${QUIZ}`, teacherCookie, document)).raw).toBeUndefined();
  });

  it("an answer too large for a cookie is left to the page's own /api/me", async () => {
    const answer = (globalThis as Record<symbol, unknown>)[Symbol.for(VIEWER_ANSWER_KEY)];
    const big: Viewer = { user: { name: "x".repeat(5000), username: "big", role: "learner", dueReviews: 0, mustChangePassword: false }, lesson: null, catalog: null };
    (globalThis as Record<symbol, unknown>)[Symbol.for(VIEWER_ANSWER_KEY)] = async () => big;
    try {
      const { raw, response } = await page("/", await cookieFor({ uid: ada.id }), { "sec-fetch-dest": "document" });
      expect(raw).toBeUndefined();
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    } finally {
      (globalThis as Record<symbol, unknown>)[Symbol.for(VIEWER_ANSWER_KEY)] = answer;
    }
  });

  it("a leftover answer cookie (its page never took it) is deleted by the next page that brings none, e.g. a guest's after signing out", async () => {
    const leftover = `${VIEWER_COOKIE}=${encodeURIComponent(JSON.stringify({ for: `/api/me?lesson=${LESSON}`, viewer: { user: { name: "Ada Fastpath" } } }))}`;
    for (const path of [`/lessons/${LESSON}`, "/sign-in"]) {
      vi.stubEnv("NODE_ENV", "production");
      try {
        const response = await proxy(new NextRequest(`http://school.example${path}`, { headers: { host: "school.example", cookie: leftover, "sec-fetch-dest": "document" } }));
        expect(response.cookies.get(VIEWER_COOKIE), path).toMatchObject({ value: "", maxAge: 0 });
        // A response that sets a cookie, even a deletion, is not for a shared cache (proxy.ts privateCookie).
        expect(response.headers.get("cache-control"), path).toBe("private, no-store");
      } finally {
        vi.unstubAllEnvs();
      }
    }
  });

  it("a link prefetch answering while the page hydrates leaves the page's fresh answer alone (only a document load drops a leftover)", async () => {
    const fresh = `${VIEWER_COOKIE}=${encodeURIComponent(JSON.stringify({ for: `/api/me?lesson=${LESSON}`, viewer: { user: { name: "Ada Fastpath" } } }))}`;
    const requests: Record<string, string>[] = [{ rsc: "1", "next-router-prefetch": "1", "sec-fetch-dest": "empty" }, { rsc: "1", "sec-fetch-dest": "empty" }, { "sec-fetch-dest": "image" }];
    for (const headers of requests) {
      vi.stubEnv("NODE_ENV", "production");
      try {
        const response = await proxy(new NextRequest("http://school.example/quizzes", { headers: { host: "school.example", cookie: fresh, ...headers } }));
        expect(response.cookies.get(VIEWER_COOKIE), JSON.stringify(headers)).toBeUndefined();
      } finally {
        vi.unstubAllEnvs();
      }
    }
  });

  it("a session that ended gets the guest answer with the page, nothing of the user's", async () => {
    const user = await seedUser({ role: "learner", displayName: "Dee Fastpath" });
    const cookie = await cookieFor({ uid: user.id, username: user.username });
    expect(await endSessionsOf(user.id, 0)).toBe(true);
    expect((await page(`/lessons/${LESSON}`, cookie)).sent).toEqual({ for: `/api/me?lesson=${LESSON}`, viewer: { user: null, lesson: null } });
  });
});
