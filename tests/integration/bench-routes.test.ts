// The benchmark-only submit route must be unusable unless the server runs with BENCH_ROUTES=1.
import { eq } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import { POST as benchSubmitRoute } from "@/app/api/bench/submit/route";
import type { Database } from "@/db/open";
import { attempts, responses } from "@/db/schema";
import { startOrResumeAttempt } from "@/lib/data/attempts";
import { getEnv } from "@/lib/env";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));

let db: Database;

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
});

it("answers 404 and changes nothing without BENCH_ROUTES=1, even for a real open attempt", async () => {
  expect(getEnv().BENCH_ROUTES).toBe(false);
  const learner = await seedUser({ role: "learner" });
  signInAs(learner);
  const { attemptId } = await startOrResumeAttempt({ quizId: "sanctions-quiz", mode: "test" });
  const response = await benchSubmitRoute(
    new Request(`http://localhost:3000/api/bench/submit?attempt=${attemptId}`, { method: "POST", body: JSON.stringify({ answers: {} }), headers: { "content-type": "application/json" } }),
  );
  expect(response.status).toBe(404);
  const [attempt] = await db.select({ status: attempts.status }).from(attempts).where(eq(attempts.id, attemptId));
  expect(attempt?.status).toBe("in_progress");
  expect(await db.select().from(responses).where(eq(responses.attemptId, attemptId))).toHaveLength(0);
});
