/**
 * The answer to `GET /api/me` and `GET /api/me?lesson=<id>` (the per-reader request of every
 * signed-in lesson view), given by proxy.ts before Next's routing: that request cost as much as
 * the cached page itself through the route pipeline (docs/BENCHMARKS.md), so a signed-in view
 * was half a guest's. The catalog's and quiz's forms stay with app/api/me/route.ts.
 *
 * Same authentication as `auth()` (lib/data/session-token.ts): the proxy hands over the token it
 * decrypted from the session cookie with AUTH_SECRET (expiry checked), and this checks the token's
 * version against the database before reading anything, so a session ended by sign-out, password
 * change or account removal gets `user: null` here exactly as it does from the route. Everything
 * read is scoped to the token's own user id.
 *
 * Installed on globalThis by instrumentation.ts, like the page cache's invalidation reader; proxy.ts
 * falls through to the route when it isn't there (`next dev`, tests that don't install it).
 */
import "server-only";
import { slugSchema } from "../content/schema";
import { VIEWER_ANSWER_KEY, type Viewer, type ViewerAnswer } from "../viewer";
import { lessonStateOf } from "./reading-progress";
import { dueReviewCountOf } from "./review";
import { currentAuthState } from "./session-token";

export const answerViewer: ViewerAnswer = async (token, lessonParam) => {
  const state = token?.uid ? await currentAuthState(token) : null;
  if (!state || !token?.uid) return { user: null, lesson: null } satisfies Viewer;
  const userId = token.uid;
  const lessonId = lessonParam !== null && slugSchema.safeParse(lessonParam).success ? lessonParam : null;
  const learner = state.role === "learner" || state.role === "student";
  // A one-time-password holder may only change it: nothing else of theirs is read (lib/data/session.ts).
  const full = !state.mustChangePassword;
  const [dueReviews, lesson] = await Promise.all([learner && full ? dueReviewCountOf(userId) : 0, lessonId && full ? lessonStateOf(userId, lessonId) : null]);
  return {
    user: { name: state.displayName, username: state.username, role: state.role, dueReviews, mustChangePassword: state.mustChangePassword === true },
    lesson: lessonId ? (lesson ?? { readingLevel: null, progress: null }) : null,
  };
};

export function installViewerAnswer(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(VIEWER_ANSWER_KEY)] = answerViewer;
}
