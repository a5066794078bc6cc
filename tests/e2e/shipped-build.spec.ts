// The production build the e2e suite runs is the shipped build: benchmark-only routes are not in it.
import { expect, test } from "@playwright/test";

test("benchmark-only routes are not part of the shipped build", async ({ request }) => {
  expect((await request.get("/bench/bare")).status()).toBe(404);
  expect((await request.get("/bench/static")).status()).toBe(404);
  const submit = await request.post("/api/bench/submit?attempt=x", { data: { answers: {} } });
  expect(submit.status()).toBe(404);
});
