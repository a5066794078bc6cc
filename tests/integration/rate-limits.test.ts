/**
 * Request limits (lib/security/request-limits.ts) through the real route
 * handlers and server actions: each trips at its limit with a clear message
 * (429 + Retry-After from route handlers), starts over when its window ends,
 * and leaves other addresses and accounts alone. Also: a classroom of 30
 * behind one address is never refused, and the client address can't be
 * chosen by the client (lib/security/client-ip.ts, lib/security/client-address.ts).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as gradeRoute } from "@/app/api/quizzes/[quizId]/grade/route";
import { POST as mergeRoute } from "@/app/api/guest-merge/route";
import { signUpAction } from "@/app/(auth)/actions";
import { createImportAction } from "@/app/import/actions";
import { joinAsCurrentStudentAction, joinAsNewStudentAction } from "@/app/join/actions";
import type { Database } from "@/db/open";
import { importDrafts, loginThrottles, users } from "@/db/tables";
import { clientIp, normalizeAddress } from "@/lib/security/client-ip";
import { createClass } from "@/lib/data/classes";
import { currentPublicQuestions } from "@/lib/data/quizzes";
import { installClientAddress } from "@/lib/security/client-address";
import { countEvent } from "@/lib/data/rate-limits";
import { REQUEST_LIMITS, limitAccountCreation, limitArticleImport } from "@/lib/data/request-limits";
import { eq, like } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));
// Signing in after sign-up or joining sets a cookie through next-auth; what's under test is whether the account is made.
vi.mock("@/lib/auth/sign-in", () => ({ signInAndRedirect: async () => ({ joined: true }), signInBlockedMessage: async () => null }));
// Server actions read the caller's address from the request headers; each test says where it comes from.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

const QUIZ_ID = "sanctions-quiz";
const HOST = "civics.school.example";
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 8, 1, 9, 0, 0);
const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

let db: Database;
let gradeBody: unknown;

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
  const [first] = await currentPublicQuestions(db, QUIZ_ID);
  gradeBody = { answers: [{ questionId: first!.questionId, versionId: first!.versionId, answer: null }] };
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  await db.delete(loginThrottles);
  signOutTestUser();
  from(null);
});

afterEach(() => vi.useRealTimers());

/** Server actions will see requests from this address (null: no address known). */
function from(ip: string | null) {
  request.headers = new Headers(ip ? { "x-forwarded-for": ip } : {});
}

function later(ms: number) {
  vi.setSystemTime(Date.now() + ms);
}

function grade(forwardedFor: string): Promise<Response> {
  const req = new Request(`https://${HOST}/api/quizzes/${QUIZ_ID}/grade`, {
    method: "POST",
    body: JSON.stringify(gradeBody),
    headers: { "content-type": "application/json", host: HOST, origin: `https://${HOST}`, "x-forwarded-for": forwardedFor },
  });
  return gradeRoute(req, { params: Promise.resolve({ quizId: QUIZ_ID }) });
}

function merge(): Promise<Response> {
  const body = { mergeKey: crypto.randomUUID(), attempts: [], reading: {} };
  return mergeRoute(new Request(`https://${HOST}/api/guest-merge`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", host: HOST, origin: `https://${HOST}` } }));
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

type State = { status: string; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** Runs a server action like React would; a redirect means it succeeded. */
async function act(action: (state: never, data: FormData) => Promise<unknown>, fields: Record<string, string>): Promise<State> {
  try {
    return (await action({ status: "idle" } as never, form(fields))) as State;
  } catch (error) {
    if (isRedirectError(error)) return { status: "redirect" };
    throw error;
  }
}

let unique = 0;
const name = (prefix: string) => `${prefix}${(unique += 1)}x${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "a much longer passphrase 42";

describe("guest grading: per address", () => {
  const { max, windowMs } = REQUEST_LIMITS.guestGrading;

  it(`allows ${max} gradings per address in ${windowMs / MINUTE} minutes, then answers 429 with Retry-After until the window ends`, async () => {
    for (let i = 0; i < max; i += 1) {
      const response = await grade("203.0.113.10");
      if (response.status !== 200) throw new Error(`request ${i + 1}: ${response.status} ${await response.text()}`);
      if (i === max - 2) later(4 * MINUTE);
    }
    const refused = await grade("203.0.113.10");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(6 * 60));
    expect((await refused.json()).error).toEqual({ code: "rate_limited", message: expect.stringMatching(/^Too many quizzes were graded from your network .* try again in 6 minutes/) });

    // Another address is unaffected; naming another address in front of ours changes nothing (the last entry counts).
    expect((await grade("203.0.113.11")).status).toBe(200);
    expect((await grade("198.51.100.1, 203.0.113.10")).status).toBe(429);

    later(6 * MINUTE - 1000);
    const stillRefused = await grade("203.0.113.10");
    expect(stillRefused.status).toBe(429);
    expect(stillRefused.headers.get("retry-after")).toBe("1");
    later(1000);
    expect((await grade("203.0.113.10")).status).toBe(200);
  }, 120_000);

  it("refusals during a lockout write nothing", async () => {
    await countEvent(db, [{ key: "grade:ip:203.0.113.20", max: 1, windowMs }]);
    const before = JSON.stringify(await db.select().from(loginThrottles));
    for (let i = 0; i < 5; i += 1) expect((await grade("203.0.113.20")).status).toBe(429);
    expect(JSON.stringify(await db.select().from(loginThrottles))).toBe(before);
  });
});

describe("stored counters", () => {
  it("are pruned once their window started more than a day ago (they hold network addresses)", async () => {
    await countEvent(db, [{ key: "grade:ip:203.0.113.30", max: 600, windowMs: 10 * MINUTE }]);
    later(23 * 60 * MINUTE);
    await countEvent(db, [{ key: "grade:ip:203.0.113.31", max: 600, windowMs: 10 * MINUTE }]);
    expect((await db.select().from(loginThrottles)).map((row) => row.key).sort()).toEqual(["grade:ip:203.0.113.30", "grade:ip:203.0.113.31"]);
    later(2 * 60 * MINUTE);
    await countEvent(db, [{ key: "grade:ip:203.0.113.32", max: 600, windowMs: 10 * MINUTE }]);
    expect((await db.select().from(loginThrottles)).map((row) => row.key).sort()).toEqual(["grade:ip:203.0.113.31", "grade:ip:203.0.113.32"]);
  });
});

describe("guest-history merge: per account", () => {
  const { max, windowMs } = REQUEST_LIMITS.guestMerge;

  it(`allows ${max} merges an hour per account; the next gets 429 with Retry-After, other accounts are unaffected`, async () => {
    const ada = await seedUser({ role: "learner" });
    const bob = await seedUser({ role: "learner" });
    signInAs(ada);
    for (let i = 0; i < max; i += 1) expect((await merge()).status).toBe(200);
    const refused = await merge();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBe(windowMs / 1000);
    expect((await refused.json()).error.message).toMatch(/Your browser keeps it and will try again in 60 minutes/);
    signInAs(bob);
    expect((await merge()).status).toBe(200);
    later(windowMs);
    signInAs(ada);
    expect((await merge()).status).toBe(200);
  });

  it("a request without a session is refused before anything is counted", async () => {
    expect((await merge()).status).toBe(401);
    expect(await db.select().from(loginThrottles)).toEqual([]);
  });
});

describe("article import: per teacher", () => {
  const { max } = REQUEST_LIMITS.articleImport;

  it(`the import after ${max} in an hour is refused before any analysis; other teachers are unaffected; an hour later it works`, async () => {
    const teacher = await seedUser({ role: "teacher" });
    const other = await seedUser({ role: "teacher" });
    signInAs(teacher);
    // The first max - 1 imports (their analysis is tested elsewhere), then the last one allowed through the action itself.
    for (let i = 0; i < max - 1; i += 1) await limitArticleImport(teacher.id);
    expect(await act(createImportAction, { content: article })).toEqual({ status: "redirect" });
    const refused = await act(createImportAction, { content: article });
    expect(refused).toMatchObject({ status: "error", message: `You have imported ${max} articles in the last hour, the most we allow. You can import again in 60 minutes.` });
    const drafts = () => db.select().from(importDrafts).where(eq(importDrafts.ownerId, teacher.id));
    expect(await drafts()).toHaveLength(1);

    signInAs(other);
    expect(await act(createImportAction, { content: article })).toEqual({ status: "redirect" });
    later(60 * MINUTE);
    signInAs(teacher);
    expect(await act(createImportAction, { content: article })).toEqual({ status: "redirect" });
    expect(await drafts()).toHaveLength(2);
  }, 60_000);
});

describe("account creation: per address, sign-up and joining as a new student together", () => {
  const { max, windowMs } = REQUEST_LIMITS.accountCreation;
  const signUp = () => act(signUpAction, { displayName: "New Person", username: name("new"), email: "", password: PASSWORD, role: "learner" });
  const accounts = async () => (await db.select({ id: users.id }).from(users)).length;

  it(`the attempt after ${max} in ${windowMs / MINUTE} minutes is refused without an account; another address is unaffected; it resets`, async () => {
    signInAs(await seedUser({ role: "teacher" }));
    const { joinCode } = await createClass("Period 2");
    signOutTestUser();
    from("192.0.2.50");
    for (let i = 0; i < max - 2; i += 1) await limitAccountCreation("192.0.2.50");
    expect(await signUp()).toEqual({ status: "ok" });
    expect(await act(joinAsNewStudentAction, { code: joinCode, displayName: "Kid", username: name("kid"), password: PASSWORD })).toEqual({ status: "ok" });

    const count = await accounts();
    expect(await signUp()).toEqual({ status: "error", message: `Too many accounts were made from your network just now. Please try again in ${windowMs / MINUTE} minutes.`, values: expect.any(Object) });
    expect(await act(joinAsNewStudentAction, { code: joinCode, displayName: "Kid", username: name("kid"), password: PASSWORD })).toMatchObject({ status: "error", message: /Too many accounts/ });
    expect(await accounts()).toBe(count);

    from("192.0.2.51");
    expect(await signUp()).toEqual({ status: "ok" });
    from("192.0.2.50");
    later(windowMs);
    expect(await signUp()).toEqual({ status: "ok" });
  }, 60_000);
});

describe("class codes: wrong guesses per address and per student", () => {
  it(`after ${REQUEST_LIMITS.joinCodeFailuresPerIp.max} wrong codes from one address, even the right code is refused there until the window ends`, async () => {
    const { max, windowMs } = REQUEST_LIMITS.joinCodeFailuresPerIp;
    signInAs(await seedUser({ role: "teacher" }));
    const { joinCode } = await createClass("Period 4");
    signOutTestUser();
    const wrong = joinCode === "ABCDEF" ? "ABCDEG" : "ABCDEF";
    const join = (code: string) => act(joinAsNewStudentAction, { code, displayName: "Guesser", username: name("g"), password: PASSWORD });
    from("192.0.2.60");
    for (let i = 0; i < max; i += 1) expect(await join(wrong)).toMatchObject({ status: "invalid", fieldErrors: { code: [expect.stringMatching(/didn't work/)] } });
    expect(await join(joinCode)).toMatchObject({ status: "error", message: `Too many wrong class codes were tried. Please wait ${windowMs / MINUTE} minutes, then check the code with your teacher.` });

    from("192.0.2.61");
    expect(await join(joinCode)).toEqual({ status: "ok" });
    from("192.0.2.60");
    later(windowMs);
    expect(await join(joinCode)).toEqual({ status: "ok" });
  }, 60_000);

  it(`a signed-in student is paused after ${REQUEST_LIMITS.joinCodeFailuresPerUser.max} wrong codes; a classmate at the same address is not`, async () => {
    const { max, windowMs } = REQUEST_LIMITS.joinCodeFailuresPerUser;
    signInAs(await seedUser({ role: "teacher" }));
    const { joinCode } = await createClass("Period 5");
    const wrong = joinCode === "ABCDEF" ? "ABCDEG" : "ABCDEF";
    const guesser = await seedUser({ role: "student" });
    const classmate = await seedUser({ role: "student" });
    from("192.0.2.70");
    signInAs(guesser);
    for (let i = 0; i < max; i += 1) expect(await act(joinAsCurrentStudentAction, { code: wrong })).toMatchObject({ status: "invalid" });
    expect(await act(joinAsCurrentStudentAction, { code: joinCode })).toMatchObject({ status: "error", message: /^Too many wrong class codes/ });
    signInAs(classmate);
    expect(await act(joinAsCurrentStudentAction, { code: joinCode })).toEqual({ status: "redirect" });
    later(windowMs);
    signInAs(guesser);
    expect(await act(joinAsCurrentStudentAction, { code: joinCode })).toEqual({ status: "redirect" });
  });
});

describe("a classroom behind one school address", () => {
  it("30 students each join with one typo, and each submits a guest quiz 5 times: nothing is refused", async () => {
    signInAs(await seedUser({ role: "teacher" }));
    const { joinCode } = await createClass("Period 6");
    signOutTestUser();
    const wrong = joinCode === "ABCDEF" ? "ABCDEG" : "ABCDEF";
    from("192.0.2.99");
    for (let student = 0; student < 30; student += 1) {
      const fields = { displayName: `Student ${student}`, username: name("s"), password: PASSWORD };
      expect(await act(joinAsNewStudentAction, { ...fields, code: wrong })).toMatchObject({ status: "invalid" });
      expect(await act(joinAsNewStudentAction, { ...fields, code: joinCode })).toEqual({ status: "ok" });
    }
    for (let i = 0; i < 30 * 5; i += 1) expect((await grade("192.0.2.99")).status).toBe(200);
    const counters = await db.select().from(loginThrottles).where(like(loginThrottles.key, "%192.0.2.99"));
    expect(counters.every((row) => row.lockedUntil === null)).toBe(true);
  }, 120_000);
});

describe("the client address", () => {
  it("is the last X-Forwarded-For entry; IPv4-mapped addresses are unwrapped and IPv6 is keyed by its /64", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.10" }))).toBe("203.0.113.10");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:192.0.2.7" }))).toBe("192.0.2.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8:1:2:aaaa::1" }))).toBe("2001:db8:1:2::/64");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:DB8:1:2:bbbb:cccc:dddd:eeee" }))).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    // X-Real-IP is only believed behind a trusted proxy.
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.5" }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });

  it("facing clients directly, the server replaces a client's X-Forwarded-For with the socket's address before any handler runs", async () => {
    installClientAddress();
    const server = http.createServer((req, res) => res.end(JSON.stringify({ forwarded: req.headers["x-forwarded-for"], raw: req.rawHeaders.filter((_, i, all) => all[i - 1]?.toLowerCase() === "x-forwarded-for") })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "203.0.113.66, 198.51.100.9" } });
      expect(await response.json()).toEqual({ forwarded: "127.0.0.1", raw: ["127.0.0.1"] });
    } finally {
      server.close();
    }
  });
});
