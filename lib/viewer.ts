/**
 * What GET /api/me answers: the per-reader parts of pages that are cached for
 * everyone (the header's account menu and due count, a lesson's progress and
 * saved level). Shared by the route and the client islands that ask for it.
 */
import type { Role } from "./roles";

export interface ViewerProgress {
  sectionsRead: string[];
  lastAnchor: string | null;
  completed: boolean;
}

export interface Viewer {
  user: { name: string; username: string; role: Role; dueReviews: number; mustChangePassword: boolean } | null;
  lesson: { readingLevel: number | null; progress: ViewerProgress | null } | null;
  /** Only when asked for (`?catalog=1`) and signed in. */
  catalog?: ViewerCatalog | null;
  /** Only when asked for (`?quiz=<id>`) and signed in. */
  quiz?: ViewerQuiz | null;
}

/** One line of "What to do next" (lib/data/next-steps.ts). */
export interface NextStep {
  key: string;
  href: string;
  action: string;
  why: string;
}

/** A lesson card of the catalog (the shared page's, or one only this reader may see). */
export interface ViewerCatalogLesson {
  id: string;
  title: string;
  summary: string;
  topicTitle: string;
  sectionCount: number;
  /** "6 min read · 3 reading levels (grades 6–12) · quiz" (lib/reading/catalog-text.ts). */
  details: string;
}

/** The reader's own parts of the catalog (`/`), from GET /api/me?catalog=1. */
export interface ViewerCatalog {
  /** Sections read per lesson id, for the cards' progress bars. */
  progress: Record<string, { read: number; completed: boolean }>;
  /** The half-read lesson to continue, if any. */
  resume: { lessonId: string; title: string; level: number; lastAnchor: string | null; read: number; total: number } | null;
  nextSteps: NextStep[];
  /** Lessons only this reader may see (a teacher's imported article assigned to their class): never in the shared page. */
  privateLessons: ViewerCatalogLesson[];
}

/** The reader's assignment of a quiz, as the start page shows it (dates as ISO strings). */
export interface ViewerQuizAssignment {
  id: string;
  className: string;
  quizMode: "practice" | "test";
  dueAt: string | null;
  timeZone: string | null;
  attemptLimit: number | null;
  attemptsUsed: number;
  instructions: string;
  late: boolean;
  closedReason: string | null;
  openAttemptId: string | null;
  testOpen: boolean;
}

/** The reader's own parts of a quiz's start page, from GET /api/me?quiz=<id>[&assignment=<id>]. */
export interface ViewerQuiz {
  assignment: ViewerQuizAssignment | null;
  /** The link named an assignment that isn't this reader's: the page says so and offers the quiz without it. */
  assignmentNotFound: boolean;
  open: { practice: boolean; test: boolean };
  history: { attemptId: string; mode: "practice" | "test"; percent: number | null; submittedAt: string | null }[];
}

/**
 * Where the app server leaves its answer to `GET /api/me` for proxy.ts (on globalThis,
 * installed by instrumentation.ts; lib/data/viewer-answer.ts), so the common signed-in page view's
 * second request is answered before Next's routing, without the proxy bundling the database.
 */
export const VIEWER_ANSWER_KEY = "civics-lab.viewer-answer";

/** What a `GET /api/me` asks for, from its query (`viewerQueryOf`). Each id is checked for shape only. */
export interface ViewerQuery {
  lesson: string | null;
  catalog: boolean;
  quiz: string | null;
  assignment: string | null;
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const QUERY_KEYS = new Set(["lesson", "catalog", "quiz", "assignment"]);

function idParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value !== null && ID.test(value) ? value : null;
}

/** `/api/me`'s query as the route reads it; null for a query with any other key (the route answers those). */
export function viewerQueryOf(params: URLSearchParams): ViewerQuery | null {
  if ([...params.keys()].some((key) => !QUERY_KEYS.has(key))) return null;
  return { lesson: params.get("lesson"), catalog: params.get("catalog") === "1", quiz: idParam(params, "quiz"), assignment: idParam(params, "assignment") };
}

/**
 * The `/api/me` URL a shared page's islands ask (app/ui/use-viewer.ts), which also brings that page's
 * per-reader parts: a lesson's progress, the catalog's, a quiz's start state (with the `?assignment=` of
 * an assignment link: the shared page never reads its query). proxy.ts sends the same URL's answer with
 * a signed-in document load.
 */
export function viewerUrl(pathname: string, search = ""): string {
  const lesson = /^\/lessons\/([a-z0-9-]+)(?:\/(?:level|own)\/[^/]+)?\/?$/.exec(pathname)?.[1];
  if (lesson) return `/api/me?lesson=${lesson}`;
  if (pathname === "/") return "/api/me?catalog=1";
  const quiz = /^\/quizzes\/([a-z0-9-]+)\/?$/.exec(pathname)?.[1];
  if (quiz) {
    const assignment = new URLSearchParams(search).get("assignment");
    return `/api/me?quiz=${quiz}${assignment && ID.test(assignment) ? `&assignment=${assignment}` : ""}`;
  }
  return "/api/me";
}

/** The decrypted session token's claims the answer needs (`uid`, token version `tv`). */
export type ViewerAnswer = (token: { uid?: string; tv?: number } | null, query: ViewerQuery) => Promise<Viewer>;

/**
 * A signed-in document load of a shared page (a lesson, the catalog, a quiz's start page, /about,
 * /privacy) gets its `/api/me` answer with
 * the page: proxy.ts sets this short-lived cookie on that one response (`{ for: <the /api/me URL>,
 * viewer }`, URI-encoded JSON), and app/ui/use-viewer.ts takes it on hydration and deletes it, so the
 * common signed-in view is one request, like a guest's. Not HttpOnly on purpose: the page's own
 * script reads it, and it holds only what that script would have fetched for the same reader.
 */
export const VIEWER_COOKIE = "viewer-answer";
export const VIEWER_COOKIE_MAX_AGE_SECONDS = 20;
/** The largest URI-encoded value sent (browsers keep about 4,096 bytes per cookie, name and attributes included). */
export const VIEWER_COOKIE_MAX_BYTES = 3800;
