// GET /api/me for the shared catalog and quiz pages: each reader gets only their own rows, a guest nothing.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/me/route";
import { startOrResumeAttempt } from "@/lib/data/attempts";
import { saveOwnReadingProgress } from "@/lib/data/reading-progress";
import type { Viewer } from "@/lib/viewer";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ = "who-is-responsible-quiz";
const LESSON = "who-is-responsible";

async function me(query: string): Promise<{ body: Viewer; cacheControl: string | null }> {
  const response = await GET(new Request(`http://school.example/api/me${query}`));
  return { body: (await response.json()) as Viewer, cacheControl: response.headers.get("cache-control") };
}

let ada: Awaited<ReturnType<typeof seedUser>>;
let bo: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  await createTestDb({ withContent: true });
  ada = await seedUser({ role: "learner", displayName: "Ada" });
  bo = await seedUser({ role: "learner", displayName: "Bo" });
  signInAs(ada);
  await startOrResumeAttempt({ quizId: QUIZ, mode: "practice" });
  await saveOwnReadingProgress({ lessonId: LESSON, level: 2, sectionIds: ["s-the-news"], lastAnchor: "p5" });
});

beforeEach(() => signOutTestUser());

describe("GET /api/me for shared pages", () => {
  it("a guest gets no one's state, and the answer is never cacheable", async () => {
    const { body, cacheControl } = await me(`?quiz=${QUIZ}&catalog=1&lesson=${LESSON}`);
    expect(body).toEqual({ user: null, lesson: null });
    expect(cacheControl).toContain("no-store");
  });

  it("the quiz start state is the caller's own: Ada's open practice attempt is not Bo's", async () => {
    signInAs(ada);
    expect((await me(`?quiz=${QUIZ}`)).body.quiz).toMatchObject({ open: { practice: true, test: false }, assignment: null });
    signInAs(bo);
    expect((await me(`?quiz=${QUIZ}`)).body.quiz).toEqual({ assignment: null, assignmentNotFound: false, open: { practice: false, test: false }, history: [] });
  });

  it("the catalog state is the caller's own: Ada's progress and continue card, nothing for Bo", async () => {
    signInAs(ada);
    const catalog = (await me("?catalog=1")).body.catalog!;
    expect(catalog.progress[LESSON]).toEqual({ read: 1, completed: false });
    expect(catalog.resume).toMatchObject({ lessonId: LESSON, read: 1 });
    signInAs(bo);
    const other = (await me("?catalog=1")).body.catalog!;
    expect(other.progress).toEqual({});
    expect(other.resume).toBeNull();
    expect(other.nextSteps.length).toBeGreaterThan(0);
  });

  it("a lesson's progress and saved level come from one prepared read, the caller's own", async () => {
    signInAs(ada);
    expect((await me(`?lesson=${LESSON}`)).body.lesson).toEqual({ readingLevel: null, progress: { sectionsRead: ["s-the-news"], lastAnchor: "p5", completed: false } });
    signInAs(bo);
    expect((await me(`?lesson=${LESSON}`)).body.lesson).toEqual({ readingLevel: null, progress: null });
  });

  it("ids that aren't ids are ignored", async () => {
    signInAs(ada);
    const { body } = await me("?quiz=../../x&lesson=%3Cscript%3E");
    expect(body.quiz).toBeNull();
    expect(body.lesson).toBeNull();
  });
});
