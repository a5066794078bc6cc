/**
 * The authorization matrix: every page, route handler and server action of the
 * app, and what each persona may do with it. Routes and actions are found on
 * the filesystem at test time (enumerateRoutes / enumerateActions), and the
 * tests fail for any route or action without an entry here, so a new one can't
 * ship unreviewed. docs/SECURITY.md renders this table.
 *
 * The seeded world: teacher A owns class A (student A is a member, with an
 * assignment, an open attempt, an import draft and a private lesson published
 * from an import); teacher B owns class B with student B; a self-learner.
 * Every id in a URL or form points at class A's things.
 */
import fs from "node:fs";
import path from "node:path";

export const PERSONAS = ["anonymous", "studentA", "studentB", "teacherA", "teacherB", "learner"] as const;
export type Persona = (typeof PERSONAS)[number];

/** What a persona gets. Handlers: "ok" = 2xx; "401"/"403"/"404" = that status. Actions: "allowed"/"denied" (denied = the database did not change). */
export type HandlerOutcome = "ok" | "401" | "403" | "404";
export type ActionOutcome = "allowed" | "denied";
/**
 * Pages: "ok" = 200, "sign-in" = redirect to sign in, "home" = redirect to /, "404" = not found,
 * "own" = a shared (cached) lesson or quiz page that doesn't show a private lesson or quiz to anyone and
 * sends every reader to /lessons/[slug]/own/… or /quizzes/[quizId]/own, where the reader's own visibility decides.
 */
export type PageOutcome = "ok" | "sign-in" | "home" | "404" | "own";

const everyone = <T,>(outcome: T): Record<Persona, T> => Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Record<Persona, T>;
const signedIn = <T,>(outcome: T, anonymous: T): Record<Persona, T> => ({ ...everyone(outcome), anonymous });
const only = <T,>(allowed: readonly Persona[], yes: T, no: T, overrides: Partial<Record<Persona, T>> = {}): Record<Persona, T> =>
  ({ ...Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? yes : no])), ...overrides }) as Record<Persona, T>;

/** Route handlers, keyed "METHOD /path/with/[params]". */
export const HANDLER_MATRIX: Record<string, Record<Persona, HandlerOutcome> | { skip: string }> = {
  "GET /api/health": everyone("ok"),
  // The per-reader parts of shared pages: each persona gets only their own (tests/e2e/shared-pages.spec.ts).
  "GET /api/me": everyone("ok"),
  // Lesson HTML by content key (its SHA-256): only someone who already has the text can name it.
  "GET /api/html": everyone("ok"),
  "GET /api/auth/[...nextauth]": { skip: "next-auth's own endpoints (session, csrf, providers); sign-in flows are covered end to end in tests/e2e/auth.spec.ts" },
  "POST /api/auth/[...nextauth]": { skip: "next-auth's own endpoints; its credentials callback checks its double-submit CSRF token (tests/e2e/auth.spec.ts)" },
  // Student A's open attempt: only its owner; everyone else can't tell it exists.
  "PUT /api/attempts/[attemptId]/draft": only(["studentA"], "ok", "404", { anonymous: "401" }),
  "POST /api/attempts/[attemptId]/check": only(["studentA"], "ok", "404", { anonymous: "401" }),
  "POST /api/attempts/[attemptId]/submit": only(["studentA"], "ok", "404", { anonymous: "401" }),
  // Guest grading serves public practice only: teacher A's private quiz is missing for everyone, its own teacher included
  // (a student with an open test at a public quiz gets 409: tests/integration/assignment-integrity.test.ts).
  "POST /api/quizzes/[quizId]/grade": everyone("404"),
  "GET /classes/[classId]/export/[kind]": only(["teacherA"], "ok", "404", { anonymous: "401", studentA: "403", studentB: "403", learner: "403" }),
  // LMS exports carry the answer key: teachers only, and only quizzes they may assign (teacher B can't see A's private quiz).
  "GET /quizzes/[quizId]/export/[format]": only(["teacherA"], "ok", "404", { anonymous: "401", studentA: "403", studentB: "403", learner: "403" }),
  // A PDF or Word file becomes the caller's own draft: any teacher; nobody else.
  "POST /import/document": only(["teacherA", "teacherB"], "ok", "403", { anonymous: "401" }),
  "GET /import/[draftId]/download": only(["teacherA"], "ok", "404", { anonymous: "401", studentA: "403", studentB: "403", learner: "403" }),
  // Any teacher may poll a token; it only ever reads that teacher's own import ("waiting" otherwise).
  "GET /import/progress/[token]": only(["teacherA", "teacherB"], "ok", "403", { anonymous: "401" }),
  // Benchmark floor: answers 404 to everyone unless the server runs with BENCH_ROUTES=1.
  // Everyone signed in downloads their own data, nobody else's.
  "GET /account/export": signedIn("ok", "401"),
  "GET /classes/[classId]/students/[studentId]/export": only(["teacherA"], "ok", "404", { anonymous: "401", studentA: "403", studentB: "403", learner: "403" }),
  "POST /api/review": { skip: "grades the caller's own due card only; refusals (no session, another user's card, bad answers) are in tests/integration/review.test.ts" },
  "POST /api/guest-merge": { skip: "merges only into the caller's own account; no session, oversize and replay cases are in tests/integration/guest-merge.test.ts" },
};

/** Server actions, keyed "app/<file> export". */
export const ACTION_MATRIX: Record<string, Record<Persona, ActionOutcome>> = {
  "app/(auth)/actions.ts signInAction": everyone("allowed"),
  "app/(auth)/actions.ts signUpAction": everyone("allowed"),
  "app/account/actions.ts signOutAction": signedIn("allowed", "denied"),
  "app/account/actions.ts changePasswordAction": signedIn("allowed", "denied"),
  "app/account/actions.ts deleteAccountAction": signedIn("allowed", "denied"),
  "app/classes/actions.ts createClassAction": only(["teacherA", "teacherB"], "allowed", "denied"),
  "app/classes/actions.ts renameClassAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts archiveClassAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts unarchiveClassAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts rotateJoinCodeAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts disableJoiningAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts addRosterAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts resetPasswordAction": only(["teacherA"], "allowed", "denied"),
  // Undo of teacher A's reset of a class A student's password, inside its window.
  "app/classes/actions.ts undoPasswordResetAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts removeStudentAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts createAssignmentAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts deleteAssignmentAction": only(["teacherA"], "allowed", "denied"),
  // Undo of a removal (class A has one assignment removed a moment ago).
  "app/classes/actions.ts restoreAssignmentAction": only(["teacherA"], "allowed", "denied"),
  "app/classes/actions.ts deleteStudentAction": only(["teacherA"], "allowed", "denied"),
  // Moving a question of class A's quiz into its students' review queue: only class A's teacher.
  "app/classes/[classId]/analysis/actions.ts assignQuestionReviewAction": only(["teacherA"], "allowed", "denied"),
  "app/import/actions.ts createImportAction": only(["teacherA", "teacherB"], "allowed", "denied"),
  "app/import/actions.ts saveImportAction": only(["teacherA"], "allowed", "denied"),
  "app/import/actions.ts publishImportAction": only(["teacherA"], "allowed", "denied"),
  "app/import/actions.ts deleteImportAction": only(["teacherA"], "allowed", "denied"),
  "app/import/source-actions.ts importFromUrlAction": only(["teacherA", "teacherB"], "allowed", "denied"),
  // Joining class A with its code is what the code is for (student A re-joining is a no-op); only student accounts can join.
  "app/join/actions.ts joinAsNewStudentAction": everyone("allowed"),
  "app/join/actions.ts joinAsCurrentStudentAction": only(["studentA", "studentB"], "allowed", "denied"),
  // Progress on teacher A's private lesson: only those who can read it.
  "app/lessons/[slug]/actions.ts saveReadingProgressAction": only(["teacherA"], "allowed", "denied"),
  "app/lessons/[slug]/actions.ts setReadingLevelAction": signedIn("allowed", "denied"),
  "app/lessons/[slug]/actions.ts answerCheckAction": everyone("allowed"),
  // Starting class A's assignment: only its students.
  "app/quizzes/[quizId]/actions.ts startAttemptAction": only(["studentA"], "allowed", "denied"),
};

/** Pages, keyed by route pattern. */
export const PAGE_MATRIX: Record<string, Record<Persona, PageOutcome>> = {
  // The catalog (`/`, rewritten by proxy.ts): shared by everyone; a teacher's `/` is their per-request home.
  "/home/[audience]": everyone("ok"),
  "/today": only(["teacherA", "teacherB"], "ok", "home", { anonymous: "sign-in" }),
  "/about": everyone("ok"),
  "/privacy": everyone("ok"),
  // Signed-in visitors are sent home from the sign-in and sign-up forms.
  "/sign-in": signedIn("home", "ok"),
  "/sign-up": signedIn("home", "ok"),
  "/join": everyone("ok"),
  "/quizzes": everyone("ok"),
  "/account": signedIn("ok", "sign-in"),
  // Where a one-time password is replaced; everyone else is sent on to /account (counted as "ok": it's their own page).
  "/account/password": signedIn("ok", "sign-in"),
  "/progress": signedIn("ok", "sign-in"),
  "/review": signedIn("ok", "sign-in"),
  // Public glossary words; each reader gets only the lessons they may open.
  "/vocabulary": everyone("ok"),
  "/assignments": only(["studentA", "studentB"], "ok", "home", { anonymous: "sign-in" }),
  "/classes": only(["teacherA", "teacherB"], "ok", "home", { anonymous: "sign-in" }),
  "/classes/[classId]": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/classes/[classId]/analysis": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/classes/[classId]/analysis/[quizId]": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/classes/[classId]/assignments/new": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/classes/[classId]/activity": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/classes/[classId]/join-code": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/classes/[classId]/settings": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/classes/[classId]/students": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/classes/[classId]/students/[studentId]": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  // Student A's submitted attempt at class A's assignment: only class A's teacher.
  "/classes/[classId]/students/[studentId]/attempts/[attemptId]": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  // Benchmark baseline page: 404 unless BENCH_ROUTES=1.
  "/import": only(["teacherA", "teacherB"], "ok", "home", { anonymous: "sign-in" }),
  "/import/[draftId]": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  // Teacher A's private lesson and quiz. The shared, cached lesson pages read no session and show only public
  // lessons, so they send everyone on to the per-reader route, which decides.
  "/lessons/[slug]": everyone("own"),
  "/lessons/[slug]/level/[level]": everyone("own"),
  "/lessons/[slug]/own/[ownLevel]": only(["teacherA"], "ok", "404"),
  // The teacher's guide carries the answer key: teachers who can see the lesson only; students, learners and guests get 404.
  "/lessons/[slug]/teacher-guide": only(["teacherA"], "ok", "404"),
  // The shared quiz start page likewise sends everyone on to the per-reader route for a private quiz.
  "/quizzes/[quizId]": everyone("own"),
  "/quizzes/[quizId]/own": only(["teacherA"], "ok", "404"),
  // Print views: the student copy and the lesson follow the quiz's and lesson's visibility; the answer key is for teachers who may assign the quiz.
  "/quizzes/[quizId]/print": only(["teacherA"], "ok", "404"),
  "/quizzes/[quizId]/print/key": only(["teacherA"], "ok", "404", { anonymous: "sign-in", studentA: "home", studentB: "home", learner: "home" }),
  "/lessons/[slug]/print": only(["teacherA"], "ok", "404"),
  // Student A's attempts: an open one, and a submitted one for results.
  "/quizzes/[quizId]/attempts/[attemptId]": only(["studentA"], "ok", "404", { anonymous: "sign-in" }),
  "/quizzes/[quizId]/attempts/[attemptId]/results": only(["studentA"], "ok", "404", { anonymous: "sign-in" }),
};

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** "/app/(auth)/sign-in/page.tsx" -> "/sign-in": route groups vanish, dynamic segments stay as [name]. */
function routePath(file: string): string {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Every page route under app/: its pattern and file. */
export function pageFiles(): { route: string; file: string }[] {
  return walk(APP_DIR)
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map((file) => ({ route: routePath(file), file }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

export function enumeratePages(): string[] {
  return pageFiles().map((p) => p.route);
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Every exported method of every route handler under app/, as "METHOD /pattern". */
export function enumerateHandlers(): string[] {
  return walk(APP_DIR)
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .flatMap((file) => {
      const source = fs.readFileSync(file, "utf8");
      const exported = new Set<string>();
      for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)) exported.add(match[1]!);
      for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const name of match[1]!.split(",")) exported.add(name.trim());
      return [...exported].filter((name) => HTTP_METHODS.includes(name)).map((method) => `${method} ${routePath(file)}`);
    })
    .sort();
}

/** Every exported server action: each export of a file that starts with "use server". */
export function enumerateActions(): string[] {
  return walk(APP_DIR)
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .flatMap((file) => {
      const source = fs.readFileSync(file, "utf8");
      if (!/^\s*["']use server["']/.test(source)) return [];
      const relative = path.relative(path.dirname(APP_DIR), file);
      return [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)].map((m) => `${relative} ${m[1]}`);
    })
    .sort();
}
