/**
 * The answer to `GET /api/me` (the per-reader request of every shared page: lesson, catalog, quiz
 * start page, about, privacy), given by proxy.ts before Next's routing: that request cost as much as
 * the cached page itself through the route pipeline (docs/BENCHMARKS.md), so a signed-in view was
 * half a guest's. app/api/me/route.ts gives the same answer through `viewerFor` (one implementation).
 *
 * Same authentication as `auth()` (lib/data/session-token.ts): the proxy hands over the token it
 * decrypted from the session cookie with AUTH_SECRET (expiry checked), and this checks the token's
 * version against the database before reading anything, so a session ended by sign-out, password
 * change or account removal gets `user: null` here exactly as it does from the route. Everything
 * else runs as that user through the DAL's own checks (`asAuthenticatedUser`, lib/data/session.ts):
 * the catalog's and quiz's parts are `getMyCatalog` and `getMyQuizStart`, which call `requireUser()`
 * and read only that user's rows, as they do for the route.
 *
 * Installed on globalThis by instrumentation.ts, like the page cache's invalidation reader; proxy.ts
 * falls through to the route when it isn't there (`next dev`, tests that don't install it).
 */
import "server-only";
import { slugSchema } from "../content/schema";
import { VIEWER_ANSWER_KEY, type Viewer, type ViewerAnswer, type ViewerQuery } from "../viewer";
import { getMyCatalog } from "./my-catalog";
import { getMyQuizStart } from "./my-quiz-start";
import { lessonStateOf } from "./reading-progress";
import { dueReviewCountOf } from "./review";
import { asAuthenticatedUser, type SessionUser } from "./session";
import { currentAuthState } from "./session-token";

/**
 * What `/api/me` answers a signed-in `user` (already authenticated by the caller) for `query`. The
 * catalog's and quiz's parts are in the answer only when asked for (null when there's nothing to show).
 */
export async function viewerFor(user: SessionUser, query: ViewerQuery): Promise<Viewer> {
  const lessonId = query.lesson !== null && slugSchema.safeParse(query.lesson).success ? query.lesson : null;
  const learner = user.role === "learner" || user.role === "student";
  // A one-time-password holder may only change it: nothing else of theirs is read (lib/data/session.ts).
  const full = !user.mustChangePassword;
  const [dueReviews, lesson, catalog, quiz] = await Promise.all([
    learner && full ? dueReviewCountOf(user.id) : 0,
    lessonId && full ? lessonStateOf(user.id, lessonId) : null,
    query.catalog && full && user.role !== "teacher" ? getMyCatalog() : null,
    query.quiz && full ? getMyQuizStart(query.quiz, query.assignment ?? undefined, { lenient: true }) : null,
  ]);
  return {
    user: { name: user.name, username: user.username, role: user.role, dueReviews, mustChangePassword: user.mustChangePassword === true },
    lesson: lessonId ? (lesson ?? { readingLevel: null, progress: null }) : null,
    ...(query.catalog ? { catalog } : {}),
    ...(query.quiz ? { quiz } : {}),
  };
}

export const answerViewer: ViewerAnswer = async (token, query) => {
  const state = token?.uid ? await currentAuthState(token) : null;
  if (!state || !token?.uid) return { user: null, lesson: null } satisfies Viewer;
  const user: SessionUser = { id: token.uid, name: state.displayName, role: state.role, username: state.username, mustChangePassword: state.mustChangePassword === true };
  return asAuthenticatedUser(user, () => viewerFor(user, query));
};

export function installViewerAnswer(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(VIEWER_ANSWER_KEY)] = answerViewer;
}
