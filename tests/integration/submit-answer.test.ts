/**
 * POST /api/attempts/<id>/submit answered by proxy.ts (app/api/attempts/[attemptId]/submit/answer.ts):
 * the route's own checks in the route's order, for the session cookie's user once its token version
 * holds. A cookie only ever submits its own user's attempt; a request whose cookie doesn't open or no
 * longer holds, or a server without the answer installed, goes on to the route with its body unread.
 */
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { installSubmitAnswer } from "@/app/api/attempts/[attemptId]/submit/answer";
import { POST as routePOST } from "@/app/api/attempts/[attemptId]/submit/route";
import type { Database } from "@/db/open";
import { attempts, responses } from "@/db/tables";
import { getAttemptForTaking, startOrResumeAttempt } from "@/lib/data/attempts";
import type * as SessionTokenModule from "@/lib/data/session-token";
import { endSessionsOf } from "@/lib/data/users";
import { SUBMIT_ANSWER_KEY } from "@/lib/proxy-answers";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
// Attempts are started through the DAL with the test helper's session; the version check (currentAuthState) stays real.
vi.mock("@/lib/data/session-token", async (original) => ({
  ...(await original<typeof SessionTokenModule>()),
  auth: async () => (await import("../helpers/session")).currentTestSession(),
}));

const { proxy } = await import("@/proxy");

const SECRET = process.env.AUTH_SECRET!;
const SALT = "authjs.session-token";
const ORIGIN = "http://school.example";
const QUIZ = "who-is-responsible-quiz";
let db: Database;

function cookieFor(claims: Record<string, unknown>, options: { secret?: string } = {}) {
  return encode({ token: { tv: 0, role: "learner", ...claims }, secret: options.secret ?? SECRET, salt: SALT, maxAge: 3600 });
}

function submitRequest(attemptId: string, body: string, cookie?: string, headers: Record<string, string> = {}) {
  return new NextRequest(`${ORIGIN}/api/attempts/${attemptId}/submit`, {
    method: "POST",
    body,
    headers: { host: "school.example", origin: ORIGIN, "content-type": "application/json", ...(cookie ? { cookie: `${SALT}=${cookie}` } : {}), ...headers },
  });
}

async function submit(attemptId: string, body: string, cookie?: string, headers: Record<string, string> = {}) {
  const response = await proxy(submitRequest(attemptId, body, cookie, headers));
  const passedOn = response.headers.get("x-middleware-next") === "1";
  return { response, passedOn, json: passedOn ? null : ((await response.json()) as Record<string, unknown>) };
}

/** A fresh attempt of `user`'s, and a body answering its first question (true/false or single choice). */
async function openAttempt(user: Awaited<ReturnType<typeof seedUser>>) {
  signInAs(user);
  try {
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ, mode: "test" });
    const taking = await getAttemptForTaking(attemptId);
    const first = taking.questions.find((q) => q.data.type === "true_false")!;
    return { attemptId, questions: taking.questions.length, body: JSON.stringify({ answers: { [first.questionId]: { type: "true_false", value: true } } }) };
  } finally {
    signOutTestUser();
  }
}

async function stored(attemptId: string) {
  const [row] = await db.select({ status: attempts.status, score: attempts.score }).from(attempts).where(eq(attempts.id, attemptId));
  const rows = await db.select({ questionId: responses.questionId }).from(responses).where(eq(responses.attemptId, attemptId));
  return { status: row!.status, score: row!.score, responses: rows.length };
}

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
  installSubmitAnswer();
});

describe("a quiz submission answered in the proxy", () => {
  it("grades and closes the cookie's user's attempt once; a repeat returns the stored result", async () => {
    const ada = await seedUser({ role: "learner" });
    const { attemptId, questions, body } = await openAttempt(ada);
    const cookie = await cookieFor({ uid: ada.id, username: ada.username });
    const first = await submit(attemptId, body, cookie);
    expect(first.passedOn).toBe(false);
    expect(first.response.status).toBe(200);
    expect(first.json).toMatchObject({ attemptId, maxScore: questions });
    expect(first.response.headers.get("cache-control")).toBe("no-store");
    expect(first.response.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(await stored(attemptId)).toEqual({ status: "submitted", score: first.json!.score, responses: questions });
    // A double click: the same answer, nothing written twice.
    const again = await submit(attemptId, JSON.stringify({ answers: {} }), cookie);
    expect(again.json).toEqual(first.json);
    expect((await stored(attemptId)).responses).toBe(questions);
  });

  it("the same answers as the route for someone else's attempt, a cross-site request and a bad body, and nothing stored", async () => {
    const ada = await seedUser({ role: "learner" });
    const bo = await seedUser({ role: "student" });
    const { attemptId, body } = await openAttempt(ada);
    const boCookie = await cookieFor({ uid: bo.id, username: bo.username, role: "student" });
    const adaCookie = await cookieFor({ uid: ada.id, username: ada.username });
    const cases: [string, string, string, Record<string, string>][] = [
      ["someone else's attempt", body, boCookie, {}],
      ["another site", body, adaCookie, { origin: "https://evil.example" }],
      ["a browser saying cross-site", body, adaCookie, { "sec-fetch-site": "cross-site" }],
      ["malformed JSON", "{not json", adaCookie, {}],
      ["an unknown field", JSON.stringify({ answers: {}, extra: 1 }), adaCookie, {}],
    ];
    for (const [what, requestBody, cookie, headers] of cases) {
      const viaProxy = await submit(attemptId, requestBody, cookie, headers);
      expect(viaProxy.passedOn, what).toBe(false);
      // The route, for the same user, the same request.
      signInAs(cookie === boCookie ? bo : ada);
      try {
        const route = await routePOST(submitRequest(attemptId, requestBody, undefined, headers), { params: Promise.resolve({ attemptId }) });
        expect([viaProxy.response.status, viaProxy.json], what).toEqual([route.status, await route.json()]);
      } finally {
        signOutTestUser();
      }
      expect(await stored(attemptId), what).toEqual({ status: "in_progress", score: null, responses: 0 });
    }
  });

  it("no cookie, one that doesn't open, an unknown user, a stale version or an ended session: on to the route, nothing read or written", async () => {
    const cy = await seedUser({ role: "learner" });
    const { attemptId, body } = await openAttempt(cy);
    const forged = await cookieFor({ uid: cy.id }, { secret: "a-forged-secret-a-forged-secret-0123456789" });
    const unknown = await cookieFor({ uid: "no-such-user" });
    const stale = await cookieFor({ uid: cy.id, tv: 1 });
    for (const cookie of [undefined, forged, unknown, stale, "garbage"]) {
      const request = submitRequest(attemptId, body, cookie);
      const response = await proxy(request);
      expect(response.headers.get("x-middleware-next"), String(cookie).slice(0, 20)).toBe("1");
      expect(request.bodyUsed).toBe(false);
    }
    const cookie = await cookieFor({ uid: cy.id, username: cy.username });
    expect(await endSessionsOf(cy.id, 0)).toBe(true);
    expect((await submit(attemptId, body, cookie)).passedOn).toBe(true);
    expect(await stored(attemptId)).toEqual({ status: "in_progress", score: null, responses: 0 });
  });

  it("other methods, and a server without the answer installed, go on to the route", async () => {
    const dee = await seedUser({ role: "learner" });
    const { attemptId, body } = await openAttempt(dee);
    const cookie = await cookieFor({ uid: dee.id, username: dee.username });
    const get = await proxy(new NextRequest(`${ORIGIN}/api/attempts/${attemptId}/submit`, { headers: { host: "school.example", cookie: `${SALT}=${cookie}` } }));
    expect(get.headers.get("x-middleware-next")).toBe("1");
    const key = Symbol.for(SUBMIT_ANSWER_KEY);
    const installed = (globalThis as Record<symbol, unknown>)[key];
    delete (globalThis as Record<symbol, unknown>)[key];
    try {
      expect((await submit(attemptId, body, cookie)).passedOn).toBe(true);
    } finally {
      (globalThis as Record<symbol, unknown>)[key] = installed;
    }
    expect((await stored(attemptId)).status).toBe("in_progress");
  });
});
