/**
 * Requests proxy.ts answers itself, before Next's routing, with a function the app server leaves on
 * globalThis (installed by instrumentation.ts), so the proxy bundle never includes the database. The
 * proxy has already decrypted the session cookie for every request it sees; where the function isn't
 * installed (`next dev`, tests that don't install it), or it declines, the request goes on to the route,
 * which gives the same answer. `GET /api/me` is the other one (lib/viewer.ts VIEWER_ANSWER_KEY).
 */

/** Where the app server leaves its answer to `POST /api/attempts/<id>/submit` (app/api/attempts/[attemptId]/submit/answer.ts). */
export const SUBMIT_ANSWER_KEY = "civics-lab.submit-answer";

/** `POST /api/attempts/<attemptId>/submit`: the attempt id is the first group. */
export const SUBMIT_PATH = /^\/api\/attempts\/([A-Za-z0-9_-]{1,100})\/submit$/;

/**
 * The route's response to a quiz submission for the decrypted session token's user, or null when the
 * token doesn't hold (no uid, a stale version, a user who is gone): then the route answers, as it does
 * for a request without a session.
 */
export type SubmitAnswer = (token: { uid?: string; tv?: number } | null, request: Request, attemptId: string) => Promise<Response | null>;
