/**
 * CSRF: every state-changing route handler refuses requests that don't come
 * from the app's own pages (lib/http.ts assertSameOrigin), before reading the
 * body or touching the database, and accepts the same request from the app.
 * The list of handlers comes from the filesystem, so a new POST/PUT/PATCH/DELETE
 * handler fails here until it is added.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PUT as saveDraftRoute } from "@/app/api/attempts/[attemptId]/draft/route";
import { POST as checkRoute } from "@/app/api/attempts/[attemptId]/check/route";
import { POST as submitRoute } from "@/app/api/attempts/[attemptId]/submit/route";
import { POST as guestGradeRoute } from "@/app/api/quizzes/[quizId]/grade/route";
import type { Database } from "@/db/open";
import { getAttemptForTaking, startOrResumeAttempt } from "@/lib/data/attempts";
import { currentPublicQuestions } from "@/lib/data/quizzes";
import { enumerateHandlers } from "../security/matrix";
import { createTestDb } from "../helpers/db";
import { dumpDatabase } from "../helpers/db-inspect";
import { seedUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ_ID = "sanctions-quiz";
const HOST = "civics.school.example";
let db: Database;
let attemptId: string;
let bodies: Record<string, unknown>;

/**
 * next-auth's handlers protect themselves with their own double-submit token.
 * (Benchmark-only routes are *.bench.ts files, not in the shipped build: tests/integration/bench-routes.test.ts.)
 */
const FRAMEWORK_HANDLERS = new Set(["POST /api/auth/[...nextauth]"]);
/** Their bodies need a due card, a guest history or a multipart file; their cross-site refusals are tested at the end of this file. */
const COVERED_ELSEWHERE = new Set(["POST /api/review", "POST /api/guest-merge", "POST /import/document"]);

const HANDLERS: Record<string, (request: Request) => Promise<Response>> = {
  "PUT /api/attempts/[attemptId]/draft": (r) => saveDraftRoute(r, { params: Promise.resolve({ attemptId }) }),
  "POST /api/attempts/[attemptId]/check": (r) => checkRoute(r, { params: Promise.resolve({ attemptId }) }),
  "POST /api/attempts/[attemptId]/submit": (r) => submitRoute(r, { params: Promise.resolve({ attemptId }) }),
  "POST /api/quizzes/[quizId]/grade": (r) => guestGradeRoute(r, { params: Promise.resolve({ quizId: QUIZ_ID }) }),
};

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
  signInAs(await seedUser({ role: "student" }));
  ({ attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" }));
  const single = (await getAttemptForTaking(attemptId)).questions.find((q) => q.data.type === "single")!;
  const [first] = await currentPublicQuestions(db, QUIZ_ID);
  bodies = {
    "PUT /api/attempts/[attemptId]/draft": { answers: { [single.questionId]: { type: "single", choice: "a" } } },
    "POST /api/attempts/[attemptId]/check": { questionId: single.questionId, answer: { type: "single", choice: "a" } },
    "POST /api/attempts/[attemptId]/submit": { answers: {} },
    "POST /api/quizzes/[quizId]/grade": { answers: [{ questionId: first!.questionId, versionId: first!.versionId, answer: null }] },
  };
});

/** Every table's rows (tests/helpers/db-inspect.ts), so "nothing stored" covers tables added later. */
const dump = () => dumpDatabase(db);

function request(route: string, headers: Record<string, string>): Request {
  const method = route.split(" ")[0]!;
  return new Request(`https://${HOST}/x`, { method, body: JSON.stringify(bodies[route]), headers: { "content-type": "application/json", host: HOST, ...headers } });
}

const FORGED: [string, Record<string, string>][] = [
  ["another site's Origin", { origin: "https://evil.example" }],
  ["a sibling subdomain", { origin: `https://evil.${HOST}` }],
  ["the same host on another port", { origin: `https://${HOST}:8443` }],
  ["an opaque Origin (sandboxed iframe, data: URL)", { origin: "null" }],
  ["no Origin at all", {}],
  ["Sec-Fetch-Site: cross-site, even with a matching Origin", { origin: `https://${HOST}`, "sec-fetch-site": "cross-site" }],
  ["Sec-Fetch-Site: same-site", { origin: `https://${HOST}`, "sec-fetch-site": "same-site" }],
  // Without TRUST_PROXY the header is ignored (lib/security/origin.ts), so a forged Origin can't be made to match through it.
  ["a forged Origin with a matching spoofed X-Forwarded-Host", { origin: "https://evil.example", "x-forwarded-host": "evil.example" }],
];

describe("route handlers refuse cross-site requests", () => {
  it("every state-changing handler on disk is covered here", () => {
    const stateChanging = enumerateHandlers().filter((route) => !/^(GET|HEAD|OPTIONS) /.test(route) && !FRAMEWORK_HANDLERS.has(route) && !COVERED_ELSEWHERE.has(route));
    expect(stateChanging).toEqual(Object.keys(HANDLERS).sort());
  });

  for (const route of Object.keys(HANDLERS)) {
    for (const [label, headers] of FORGED) {
      it(`${route}: ${label} → 403, nothing stored`, async () => {
        const before = await dump();
        const response = await HANDLERS[route]!(request(route, headers));
        expect(response.status).toBe(403);
        expect((await response.json()).error.message).toMatch(/must come from the Civics Lab page/);
        expect(await dump()).toBe(before);
      });
    }
  }

  // Submit last: it closes the attempt the others write to.
  for (const route of Object.keys(HANDLERS)) {
    it(`${route}: the same request from the app's own page succeeds`, async () => {
      const response = await HANDLERS[route]!(request(route, { origin: `https://${HOST}`, "sec-fetch-site": "same-origin" }));
      expect(response.status, await response.clone().text()).toBe(200);
    });
  }
});

describe("review and guest-merge routes refuse cross-site requests before reading the body", () => {
  for (const [route, load] of [
    ["POST /api/review", async () => (await import("@/app/api/review/route")).POST],
    ["POST /api/guest-merge", async () => (await import("@/app/api/guest-merge/route")).POST],
    // A teacher's PDF or Word upload; the same-origin success is in tests/integration/document-import.test.ts.
    ["POST /import/document", async () => (await import("@/app/import/document/route")).POST],
  ] as const) {
    it(`${route}: another site's Origin or Sec-Fetch-Site gets 403 and changes nothing`, async () => {
      const handler = await load();
      const before = await dump();
      for (const headers of [{ origin: "https://evil.example" }, { origin: `https://${HOST}`, "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
        const response = await handler(new Request(`https://${HOST}/x`, { method: "POST", body: "{}", headers: { "content-type": "application/json", host: HOST, ...headers } }));
        expect(response.status).toBe(403);
      }
      expect(await dump()).toBe(before);
    });
  }
});
