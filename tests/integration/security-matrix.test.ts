/**
 * The authorization matrix (tests/security/matrix.ts) for route handlers and
 * server actions, at integration level: each persona calls the real handler or
 * exported action with a faked session. For every "denied" cell the whole
 * database must be byte-for-byte what it was; "allowed" cells must succeed.
 * Each call starts from the same seeded world (restored from a snapshot,
 * tests/helpers/db-snapshot.ts), on SQLite and on PostgreSQL.
 * Pages are rendered the same way: the page's server component is called with
 * the route's params, and a redirect or notFound() is the persona's outcome.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { and, eq, isNull, ne } from "drizzle-orm";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/tables";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { ACTION_MATRIX, HANDLER_MATRIX, PAGE_MATRIX, PERSONAS, enumerateActions, enumerateHandlers, pageFiles, type PageOutcome, type Persona } from "../security/matrix";
import { createTestDb } from "../helpers/db";
import { dumpDatabase as dump } from "../helpers/db-inspect";
import { snapshotDatabase, type DatabaseSnapshot } from "../helpers/db-snapshot";
import { TEST_PASSWORD, seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";
import { handoutDocx } from "../helpers/documents";
import { resetEnvCacheForTests } from "@/lib/env";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));
// Outside a Next request there is no cache to revalidate; the authorization under test runs before it.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// Actions read the caller's address for rate limits (lib/security/request-limits.ts); every call comes from one.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));
// Signing in sets a cookie through next-auth, which needs a real request; what's under test is who may call the action.
vi.mock("@/lib/auth/sign-in", () => ({ signInAndRedirect: async () => ({ joined: true }), signInBlockedMessage: async () => null }));

const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");
const ORIGIN = "http://localhost:3000";
const PUBLIC_QUIZ = "sanctions-quiz";

type User = Awaited<ReturnType<typeof seedUser>>;
interface World {
  users: Record<Exclude<Persona, "anonymous">, User>;
  classA: { id: string; joinCode: string };
  assignmentA: string;
  removedA: string;
  resetStudentA: string;
  attemptA: string;
  submittedAttempt: { quizId: string; attemptId: string };
  /** Student A's submitted attempt at class A's assignment (the teacher's per-attempt view). */
  classAttempt: string;
  draftA: string;
  draftQuestions: string;
  privateLesson: string;
  privateQuiz: string;
  publicLesson: string;
  questionId: string;
  privateQuestion: { questionId: string; versionId: number };
  /** A saved page for importFromUrlAction, served on 127.0.0.2 (the only address URL_IMPORT_ALLOW_ADDRESSES allows here). */
  articleServer: string;
}

let world: World;
let snapshot: DatabaseSnapshot;
let articleServer: http.Server | undefined;

function actAs(persona: Persona) {
  if (persona === "anonymous") signOutTestUser();
  else signInAs(world.users[persona]);
}

beforeAll(async () => {
  const db = await createTestDb({ withContent: true });
  const users = {
    studentA: await seedUser({ role: "student" }),
    studentB: await seedUser({ role: "student" }),
    teacherA: await seedUser({ role: "teacher" }),
    teacherB: await seedUser({ role: "teacher" }),
    learner: await seedUser({ role: "learner" }),
  };
  const { addRosterStudents, createClass, joinClassAsCurrentStudent, resetStudentPassword } = await import("@/lib/data/classes");
  const { createAssignment, deleteAssignment } = await import("@/lib/data/assignments");
  const { startOrResumeAttempt, getAttemptForTaking, submitAttempt } = await import("@/lib/data/attempts");
  const { createImportDraft, getImportDraft, publishImportDraft } = await import("@/lib/data/imports");
  const { currentPublicQuestions } = await import("@/lib/data/quizzes");

  const [publicQuiz] = await db.select().from(schema.quizzes).where(eq(schema.quizzes.id, PUBLIC_QUIZ));
  signInAs(users.teacherA);
  const classA = await createClass("Class A");
  const { id: assignmentA } = await createAssignment({ classId: classA.id, lessonId: publicQuiz!.lessonId, includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "practice" });
  const [otherLesson] = await db.select().from(schema.lessons).where(and(ne(schema.lessons.id, publicQuiz!.lessonId), isNull(schema.lessons.ownerId))).limit(1);
  const { id: removedA } = await createAssignment({ classId: classA.id, lessonId: otherLesson!.id, includeLesson: true, includeQuiz: false, dueAt: null, quizMode: "practice" });
  await deleteAssignment(classA.id, removedA);
  const published = await publishImportDraft((await createImportDraft({ content: article })).id);
  const { id: draftA } = await createImportDraft({ content: article });
  const draftQuestions = JSON.stringify((await getImportDraft(draftA)).draft.questions);
  signInAs(users.teacherB);
  const classB = await createClass("Class B");
  signInAs(users.studentA);
  // Self-started before joining class A, so starting the assignment (startAttemptAction) is a new attempt rather than a resume.
  const { attemptId: attemptA } = await startOrResumeAttempt({ quizId: PUBLIC_QUIZ, mode: "practice" });
  const taking = await getAttemptForTaking(attemptA);
  const [otherQuiz] = await db.select().from(schema.quizzes).where(ne(schema.quizzes.id, PUBLIC_QUIZ)).limit(1);
  const submitted = await startOrResumeAttempt({ quizId: otherQuiz!.id, mode: "test" });
  await submitAttempt(submitted.attemptId, {});
  await joinClassAsCurrentStudent(classA.joinCode);
  const classAttempt = await startOrResumeAttempt({ quizId: PUBLIC_QUIZ, mode: "practice", assignmentId: assignmentA });
  await submitAttempt(classAttempt.attemptId, {});
  signInAs(users.studentB);
  await joinClassAsCurrentStudent(classB.joinCode);
  // A printed-roster student of class A whose password teacher A just reset, for the Undo (dated ahead so its window outlasts the run).
  signInAs(users.teacherA);
  const [resetStudent] = await addRosterStudents(classA.id, ["Reset Student"]);
  await resetStudentPassword(classA.id, resetStudent!.studentId, new Date(Date.now() + 3_600_000));
  signOutTestUser();

  const [privateQuestion] = await currentPublicQuestions(db, published.quizId);
  const newsPage = fs.readFileSync(path.resolve("tests/fixtures/articles/news-page.html"), "utf8");
  articleServer = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(newsPage);
  });
  await new Promise<void>((resolve) => articleServer!.listen(0, "127.0.0.2", resolve));
  vi.stubEnv("URL_IMPORT_ALLOW_ADDRESSES", "127.0.0.2");
  resetEnvCacheForTests();
  world = {
    users,
    classA,
    assignmentA,
    removedA,
    resetStudentA: resetStudent!.studentId,
    attemptA,
    submittedAttempt: { quizId: otherQuiz!.id, attemptId: submitted.attemptId },
    classAttempt: classAttempt.attemptId,
    draftA,
    draftQuestions,
    privateLesson: published.lessonId,
    privateQuiz: published.quizId,
    publicLesson: publicQuiz!.lessonId,
    questionId: taking.questions.find((q) => q.data.type === "single")!.questionId,
    privateQuestion: { questionId: privateQuestion!.questionId, versionId: privateQuestion!.versionId },
    articleServer: `http://127.0.0.2:${(articleServer.address() as AddressInfo).port}`,
  };
  snapshot = await snapshotDatabase(db);
}, 120_000);

afterAll(async () => {
  signOutTestUser();
  vi.unstubAllEnvs();
  resetEnvCacheForTests();
  await new Promise((resolve) => articleServer?.close(resolve));
});

describe("every page, route handler and server action has a matrix entry", () => {
  it("pages found on disk = PAGE_MATRIX keys", () => {
    expect(pageFiles().map((p) => p.route), "add an entry to PAGE_MATRIX in tests/security/matrix.ts").toEqual(Object.keys(PAGE_MATRIX).sort((a, b) => a.localeCompare(b)));
  });
  it("route handlers found on disk = HANDLER_MATRIX keys", () => {
    expect(enumerateHandlers(), "add an entry to HANDLER_MATRIX in tests/security/matrix.ts").toEqual(Object.keys(HANDLER_MATRIX).sort());
  });
  it("server actions found on disk = ACTION_MATRIX keys", () => {
    expect(enumerateActions(), "add an entry to ACTION_MATRIX in tests/security/matrix.ts").toEqual(Object.keys(ACTION_MATRIX).sort());
  });
});

describe("the seeded world", () => {
  it("comes back exactly after a case changed it (and the identity values drawn are handed out again)", async () => {
    const db = await snapshot.restore();
    const before = await dump(db);
    signInAs(world.users.teacherA);
    const { createClass } = await import("@/lib/data/classes");
    const { createAssignment } = await import("@/lib/data/assignments");
    const caseWrites = async () => {
      const made = await createClass("Made in a case");
      await createAssignment({ classId: made.id, lessonId: world.publicLesson, includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "practice" });
    };
    await caseWrites();
    const auditIds = async (d: typeof db) => (await d.select({ id: schema.auditLog.id }).from(schema.auditLog)).map((row) => row.id).sort((a, b) => a - b);
    const changedIds = await auditIds(db);
    expect(await dump(db)).not.toBe(before);
    const restored = await snapshot.restore();
    expect(await dump(restored)).toBe(before);
    await caseWrites();
    expect(await auditIds(restored)).toEqual(changedIds);
    signOutTestUser();
  });
});

function jsonRequest(method: string, body: unknown): Request {
  return new Request(`${ORIGIN}/x`, { method, body: JSON.stringify(body), headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost:3000" } });
}
const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

/** How each handler is called against class A's things. */
const HANDLER_CALLS: Record<string, () => Promise<Response>> = {
  "GET /api/health": async () => (await import("@/app/api/health/route")).GET(),
  // Teacher A's private lesson: each persona's answer is about themselves only (their own progress, or none).
  "GET /api/me": async () => (await import("@/app/api/me/route")).GET(new Request(`${ORIGIN}/api/me?lesson=${world.privateLesson}`)),
  "GET /api/html": async () => (await import("@/app/api/html/route")).GET(new Request(`${ORIGIN}/api/html?keys=${"a".repeat(43)}`)),
  "PUT /api/attempts/[attemptId]/draft": async () => (await import("@/app/api/attempts/[attemptId]/draft/route")).PUT(jsonRequest("PUT", { answers: {} }), params({ attemptId: world.attemptA })),
  "POST /api/attempts/[attemptId]/check": async () =>
    (await import("@/app/api/attempts/[attemptId]/check/route")).POST(jsonRequest("POST", { questionId: world.questionId, answer: { type: "single", choice: "a" } }), params({ attemptId: world.attemptA })),
  "POST /api/attempts/[attemptId]/submit": async () => (await import("@/app/api/attempts/[attemptId]/submit/route")).POST(jsonRequest("POST", { answers: {} }), params({ attemptId: world.attemptA })),
  "POST /api/quizzes/[quizId]/grade": async () =>
    (await import("@/app/api/quizzes/[quizId]/grade/route")).POST(jsonRequest("POST", { answers: [{ ...world.privateQuestion, answer: null }] }), params({ quizId: world.privateQuiz })),
  "GET /classes/[classId]/export/[kind]": async () => (await import("@/app/classes/[classId]/export/[kind]/route")).GET(new Request(`${ORIGIN}/x`), params({ classId: world.classA.id, kind: "responses" })),
  "GET /quizzes/[quizId]/export/[format]": async () => (await import("@/app/quizzes/[quizId]/export/[format]/route")).GET(new Request(`${ORIGIN}/x`), params({ quizId: world.privateQuiz, format: "imscc" })),
  "POST /import/document": async () => {
    const data = new FormData();
    data.append("document", new File([new Uint8Array(await handoutDocx())], "handout.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
    const encoded = new Response(data);
    const type = encoded.headers.get("content-type")!;
    const body = new Uint8Array(await encoded.arrayBuffer());
    return (await import("@/app/import/document/route")).POST(new Request(`${ORIGIN}/x`, { method: "POST", body, headers: { "content-type": type, "content-length": String(body.byteLength), origin: ORIGIN, host: "localhost:3000" } }));
  },
  "GET /import/progress/[token]": async () => (await import("@/app/import/progress/[token]/route")).GET(new Request(`${ORIGIN}/x`), params({ token: "6f1c1b1e-6a59-4a8e-9d1b-3c2f0f6f4a11" })),
  "GET /import/[draftId]/download": async () => (await import("@/app/import/[draftId]/download/route")).GET(new Request(`${ORIGIN}/x`), params({ draftId: world.draftA })),
  "GET /account/export": async () => (await import("@/app/account/export/route")).GET(),
  "GET /classes/[classId]/students/[studentId]/export": async () =>
    (await import("@/app/classes/[classId]/students/[studentId]/export/route")).GET(new Request(`${ORIGIN}/x`), params({ classId: world.classA.id, studentId: world.users.studentA.id })),
};

describe("route handlers: each persona gets exactly the matrix's status", () => {
  for (const [route, expected] of Object.entries(HANDLER_MATRIX)) {
    if ("skip" in expected) continue;
    for (const persona of PERSONAS) {
      it(`${route} as ${persona} → ${expected[persona]}`, async () => {
        const db = await snapshot.restore();
        const before = await dump(db);
        actAs(persona);
        const call = HANDLER_CALLS[route];
        expect(call, `add a call for ${route} to HANDLER_CALLS`).toBeDefined();
        const response = await call!();
        if (expected[persona] === "ok") {
          expect(response.status, await response.clone().text()).toBeLessThan(300);
        } else {
          expect(response.status).toBe(Number(expected[persona]));
          expect(await dump(db)).toBe(before);
        }
      });
    }
  }
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

/** The form each action gets: always aimed at class A's things (or the caller's own account). */
function actionForm(key: string, persona: Persona): FormData {
  const unique = `${persona.toLowerCase()}${Math.random().toString(36).slice(2, 7)}`;
  const classId = world.classA.id;
  const studentId = world.users.studentA.id;
  const forms: Record<string, Record<string, string>> = {
    signInAction: { login: world.users.studentA.username, password: TEST_PASSWORD },
    signUpAction: { displayName: "New Person", username: `new-${unique}`, email: "", password: "a much longer passphrase 42", role: "learner" },
    signOutAction: {},
    changePasswordAction: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase 77" },
    deleteAccountAction: { password: TEST_PASSWORD, confirm: "DELETE" },
    createClassAction: { name: "Another class" },
    renameClassAction: { classId, name: "Renamed" },
    archiveClassAction: { classId },
    unarchiveClassAction: { classId },
    rotateJoinCodeAction: { classId },
    disableJoiningAction: { classId },
    addRosterAction: { classId, names: "Ada Lovelace" },
    resetPasswordAction: { classId, studentId },
    undoPasswordResetAction: { classId, studentId: world.resetStudentA },
    removeStudentAction: { classId, studentId },
    deleteStudentAction: { classId, studentId, confirm: "DELETE" },
    createAssignmentAction: { classId, lessonId: world.publicLesson, includeLesson: "on", includeQuiz: "on", quizMode: "test", dueAt: "", timezoneOffset: "0", timeZone: "America/Chicago", allowDuplicate: "on" },
    deleteAssignmentAction: { classId, assignmentId: world.assignmentA },
    restoreAssignmentAction: { classId, assignmentId: world.removedA },
    // Student A answered every question of class A's assignment wrong, so any question of it has someone to review it.
    assignQuestionReviewAction: { classId, quizId: PUBLIC_QUIZ, questionId: world.questionId },
    createImportAction: { content: article },
    importFromUrlAction: { sourceUrl: `${world.articleServer}/article` },
    saveImportAction: { draftId: world.draftA, title: "Taken over", questions: world.draftQuestions },
    publishImportAction: { draftId: world.draftA, title: "Taken over", questions: world.draftQuestions },
    deleteImportAction: { draftId: world.draftA },
    joinAsNewStudentAction: { code: world.classA.joinCode, displayName: "New Student", username: `kid-${unique}`, password: "a much longer passphrase 42" },
    joinAsCurrentStudentAction: { code: world.classA.joinCode },
    saveReadingProgressAction: { lessonId: world.privateLesson, level: "2" },
    setReadingLevelAction: { level: "3" },
    answerCheckAction: { lessonId: world.publicLesson, checkId: "check-1", choice: "0" },
    startAttemptAction: { quizId: PUBLIC_QUIZ, mode: "practice", assignmentId: world.assignmentA },
  };
  const name = key.split(" ")[1]!;
  const fields = forms[name];
  if (!fields) throw new Error(`add a form for ${name} to actionForm`);
  return form(fields);
}

type AnyAction = ((state: unknown, data: FormData) => Promise<unknown>) | ((data: FormData) => Promise<unknown>);

async function loadAction(key: string): Promise<AnyAction> {
  const [file, name] = key.split(" ") as [string, string];
  const modules: Record<string, () => Promise<Record<string, unknown>>> = {
    "app/(auth)/actions.ts": () => import("@/app/(auth)/actions"),
    "app/account/actions.ts": () => import("@/app/account/actions"),
    "app/classes/actions.ts": () => import("@/app/classes/actions"),
    "app/classes/[classId]/analysis/actions.ts": () => import("@/app/classes/[classId]/analysis/actions"),
    "app/import/actions.ts": () => import("@/app/import/actions"),
    "app/import/source-actions.ts": () => import("@/app/import/source-actions"),
    "app/join/actions.ts": () => import("@/app/join/actions"),
    "app/lessons/[slug]/actions.ts": () => import("@/app/lessons/[slug]/actions"),
    "app/quizzes/[quizId]/actions.ts": () => import("@/app/quizzes/[quizId]/actions"),
  };
  const load = modules[file];
  if (!load) throw new Error(`add ${file} to loadAction`);
  return (await load())[name] as AnyAction;
}

/** Runs an action like React would; a redirect counts as success, any other throw as a refusal. */
async function runAction(action: AnyAction, data: FormData): Promise<{ outcome: "ok" | "refused"; detail: unknown }> {
  try {
    const result = action.length >= 2 ? await (action as (s: unknown, d: FormData) => Promise<unknown>)({ status: "idle" }, data) : await (action as (d: FormData) => Promise<unknown>)(data);
    const status = (result as { status?: string } | undefined)?.status;
    return { outcome: status === "error" || status === "invalid" ? "refused" : "ok", detail: result };
  } catch (error) {
    if (isRedirectError(error)) return { outcome: "ok", detail: "redirect" };
    return { outcome: "refused", detail: error };
  }
}

/** Allowed calls that write nothing: sign-in only sets a cookie, a check is graded not stored, re-joining your own class is a no-op. */
const NO_WRITE_EXPECTED = new Set(["signInAction", "answerCheckAction", "joinAsCurrentStudentAction studentA"]);

describe("server actions: denied personas change nothing, allowed ones succeed", () => {
  for (const [key, expected] of Object.entries(ACTION_MATRIX)) {
    for (const persona of PERSONAS) {
      it(`${key} as ${persona} → ${expected[persona]}`, async () => {
        const db = await snapshot.restore();
        const before = await dump(db);
        actAs(persona);
        const { outcome, detail } = await runAction(await loadAction(key), actionForm(key, persona));
        const changed = (await dump(db)) !== before;
        if (expected[persona] === "denied") {
          expect(changed, `database changed: ${JSON.stringify(detail)}`).toBe(false);
          expect(outcome).toBe("refused");
        } else {
          expect(outcome, JSON.stringify(detail)).toBe("ok");
          const name = key.split(" ")[1]!;
          if (!NO_WRITE_EXPECTED.has(name) && !NO_WRITE_EXPECTED.has(`${name} ${persona}`)) expect(changed).toBe(true);
        }
      });
    }
  }
});

/** Route params for each page: class A's things, teacher A's private lesson and quiz, student A's attempt on the assigned quiz. */
function pageParams(route: string): Record<string, string> {
  const values: Record<string, string> = { classId: world.classA.id, draftId: world.draftA, slug: world.privateLesson, attemptId: world.attemptA, studentId: world.users.studentA.id, level: "2", ownLevel: "default", audience: "everyone" };
  values.quizId = route.startsWith("/quizzes/[quizId]/attempts") || route.startsWith("/classes/") ? PUBLIC_QUIZ : world.privateQuiz;
  if (route.endsWith("/results")) Object.assign(values, world.submittedAttempt);
  if (route.startsWith("/classes/[classId]/students/[studentId]/attempts")) values.attemptId = world.classAttempt;
  return Object.fromEntries([...route.matchAll(/\[(\w+)\]/g)].map(([, name]) => [name!, values[name!]!]));
}

async function renderOutcome(file: string, route: string): Promise<{ outcome: PageOutcome; detail: unknown }> {
  const page = (await import(/* @vite-ignore */ file)) as { default: (props: unknown) => Promise<unknown> };
  try {
    await page.default({ params: Promise.resolve(pageParams(route)), searchParams: Promise.resolve({}) });
    return { outcome: "ok", detail: null };
  } catch (error) {
    if (isRedirectError(error)) {
      const location = error.digest.split(";")[2] ?? "";
      return { outcome: location.startsWith("/sign-in") ? "sign-in" : location === "/" ? "home" : /^\/(?:lessons\/[^/]+\/own\/|quizzes\/[^/]+\/own$)/.test(location) ? "own" : "ok", detail: location };
    }
    if (isHTTPAccessFallbackError(error)) return { outcome: "404", detail: error.digest };
    throw error;
  }
}

describe("pages: each persona gets exactly the matrix's outcome", () => {
  for (const { route, file } of pageFiles()) {
    const expected = PAGE_MATRIX[route];
    if (!expected) continue;
    for (const persona of PERSONAS) {
      it(`${route} as ${persona} → ${expected[persona]}`, async () => {
        await snapshot.restore();
        actAs(persona);
        const { outcome, detail } = await renderOutcome(file, route);
        expect(outcome, String(detail)).toBe(expected[persona]);
      });
    }
  }
});
