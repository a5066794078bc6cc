/**
 * A quiz submission's response, one implementation for two callers: the route (route.ts), and proxy.ts,
 * which answers a signed-in submission before Next's routing with `answerSubmit` (installed on globalThis
 * by instrumentation.ts; lib/proxy-answers.ts). Through Next's route pipeline a submission cost about as
 * much again as the submission itself (docs/BENCHMARKS.md), as `GET /api/me` did.
 *
 * Same checks either way, in the same order: the same-origin check, the body (size limit, JSON, zod),
 * then `submitAttempt`, which authorizes in the data layer (`requireUser()`, the attempt must be the
 * caller's). In the proxy the caller is the session cookie's user once its token version has been
 * checked against the database exactly as `auth()` checks it (`currentAuthState`), run through
 * `asAuthenticatedUser` so `requireUser()` sees them; a token that doesn't hold is passed on to the
 * route, which answers it as it answers a request without a session.
 */
import "server-only";
import { submitAttempt } from "@/lib/data/attempts";
import { asAuthenticatedUser, type SessionUser } from "@/lib/data/session";
import { currentAuthState } from "@/lib/data/session-token";
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { SUBMIT_ANSWER_KEY, type SubmitAnswer } from "@/lib/proxy-answers";
import { MAX_BODY_BYTES, submitAttemptSchema } from "@/lib/validations/attempts";

/** Grades and closes the attempt exactly once (repeats return the stored result), as JSON. */
export function submitResponse(request: Request, attemptId: string): Promise<Response> {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    const { answers } = await readJsonBody(request, submitAttemptSchema, MAX_BODY_BYTES);
    return submitAttempt(attemptId, answers);
  });
}

export const answerSubmit: SubmitAnswer = async (token, request, attemptId) => {
  const state = token?.uid ? await currentAuthState(token) : null;
  if (!state || !token?.uid) return null;
  const user: SessionUser = { id: token.uid, name: state.displayName, role: state.role, username: state.username, mustChangePassword: state.mustChangePassword === true };
  return asAuthenticatedUser(user, () => submitResponse(request, attemptId));
};

export function installSubmitAnswer(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(SUBMIT_ANSWER_KEY)] = answerSubmit;
}
