/**
 * Sign-in throttling (lib/data/sign-in-throttle.ts, lib/data/sign-in-attempt.ts) with
 * real password hashes: per-account pauses stop a guesser, a school's one
 * address only slows down, a burst of simultaneous guesses gets no more tries
 * than sequential ones, and a success gives its reservation back.
 */
import { beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import { verifyPassword } from "@/lib/passwords/password";
import type * as PasswordModule from "@/lib/passwords/password";
import { attemptSignIn } from "@/lib/data/sign-in-attempt";
import { ADDRESS_FREE_FAILURES, ADDRESS_MAX_QUEUE_MS, ADDRESS_SLOT_MS, accountPausedFor, addressKey, formatWait, reserveSignInAttempt } from "@/lib/data/sign-in-throttle";
import { loginThrottles } from "@/db/tables";
import { eq } from "drizzle-orm";
import { createTestDb } from "../helpers/db";
import { TEST_PASSWORD, seedUser } from "../helpers/factories";

// The real hash check, counted: how many guesses actually reached it.
vi.mock("@/lib/passwords/password", async (original) => {
  const real = await original<typeof PasswordModule>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verify = verifyPassword as Mock;

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  db = await createTestDb();
  verify.mockClear();
});

const SCHOOL = "198.51.100.20";

describe("per-account limits", () => {
  it("pauses an account after 5 tries within the window, for the rest of the window, wherever the tries come from", async () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    for (let i = 0; i < 5; i += 1) expect(await reserveSignInAttempt(db, "ada", `10.0.0.${i}`, now + i * 1000)).toEqual({ allowed: true, delayMs: 0 });
    const refused = await reserveSignInAttempt(db, "ADA", "10.0.0.9", now + 6000);
    expect(refused).toEqual({ allowed: false, scope: "account", waitMs: 15 * 60 * 1000 - 6000 });
    expect(formatWait(await accountPausedFor(db, "ada", now + 6000))).toBe("15 minutes");
    expect((await reserveSignInAttempt(db, "ada", null, now + 15 * 60 * 1000 + 1)).allowed).toBe(true);
    expect((await reserveSignInAttempt(db, "bob", "10.0.0.9", now + 6000)).allowed).toBe(true);
  });

  it("a guesser hammering one account is stopped after 5 tries, and the right password doesn't open it while paused", async () => {
    const victim = await seedUser({ role: "student" });
    const outcomes = [];
    for (let i = 0; i < 12; i += 1) outcomes.push((await attemptSignIn(victim.username, `guess-${i}`, "203.0.113.5", { db })).status);
    expect(outcomes).toEqual([...Array(5).fill("wrong"), ...Array(7).fill("limited")]);
    expect(verify).toHaveBeenCalledTimes(5);
    expect((await attemptSignIn(victim.username, TEST_PASSWORD, "192.0.2.99", { db })).status).toBe("limited");
  });

  it("the username and the email of one account share its counter", async () => {
    const user = await seedUser({ role: "teacher", email: `t${Date.now()}@school.example` });
    const outcomes = [];
    for (let i = 0; i < 8; i += 1) outcomes.push((await attemptSignIn(i % 2 ? user.email! : user.username.toUpperCase(), `guess-${i}`, "203.0.113.6", { db })).status);
    expect(outcomes).toEqual([...Array(5).fill("wrong"), ...Array(3).fill("limited")]);
    expect(verify).toHaveBeenCalledTimes(5);
  });

  it("a burst of simultaneous guesses gets at most the allowed tries checked against the hash (the lock is taken before the hash)", async () => {
    const victim = await seedUser({ role: "student" });
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => attemptSignIn(victim.username, `burst-${i}`, `10.1.0.${i}`, { db })));
    expect(outcomes.filter((o) => o.status === "wrong")).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === "limited")).toHaveLength(7);
    expect(verify).toHaveBeenCalledTimes(5);
  });

  it("a success gives the reservation back: the account starts over and the address counts only failures", async () => {
    const user = await seedUser({ role: "student" });
    for (let i = 0; i < 4; i += 1) expect((await attemptSignIn(user.username, "nope-nope", SCHOOL, { db })).status).toBe("wrong");
    expect((await attemptSignIn(user.username, TEST_PASSWORD, SCHOOL, { db })).status).toBe("ok");
    for (let i = 0; i < 4; i += 1) expect((await attemptSignIn(user.username, "nope-nope", SCHOOL, { db })).status).toBe("wrong");
    expect((await attemptSignIn(user.username, TEST_PASSWORD, SCHOOL, { db })).status).toBe("ok");
    const [address] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, addressKey(SCHOOL)));
    expect(address?.failures).toBe(8);
  });
});

describe("one address for a whole classroom", () => {
  it("30 students behind one address, a few typos each, all get in; the address is slowed, never blocked", async () => {
    const students = await Promise.all(Array.from({ length: 30 }, (_, i) => seedUser({ role: "student", username: `class.student${i + 1}` })));
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let clock = Date.UTC(2026, 0, 1, 9, 0, 0);
    const now = () => clock;
    for (const [index, student] of students.entries()) {
      // Three typos each (90 failures from one address in a few minutes), then the right password.
      for (let typo = 0; typo < 3; typo += 1) {
        expect((await attemptSignIn(student.username, `${TEST_PASSWORD}${typo}`, SCHOOL, { db, now, sleep })).status).toBe("wrong");
        clock += 700;
      }
      const outcome = await attemptSignIn(student.username, TEST_PASSWORD, SCHOOL, { db, now, sleep });
      expect(outcome.status, `student ${index + 1}`).toBe("ok");
      clock += 1000;
    }
    // Past the free allowance attempts are spaced a slot apart; at a class's pace nobody waits longer than one slot.
    expect(Math.max(0, ...waits)).toBeLessThanOrEqual(ADDRESS_SLOT_MS);
    expect(ADDRESS_FREE_FAILURES).toBeGreaterThanOrEqual(60);
  });

  it("many connections from one address queue behind each other past the allowance, and a queue too long is refused with a wait", async () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i += 1) expect(await reserveSignInAttempt(db, `spray${i}`, SCHOOL, now)).toEqual({ allowed: true, delayMs: 0 });
    const delays: number[] = [];
    let refused = null;
    for (let i = 0; i < 100; i += 1) {
      const reservation = await reserveSignInAttempt(db, `spray-more${i}`, SCHOOL, now);
      if (!reservation.allowed) {
        refused = reservation;
        break;
      }
      delays.push(reservation.delayMs);
    }
    expect(delays.slice(0, 4)).toEqual([0, ADDRESS_SLOT_MS, 2 * ADDRESS_SLOT_MS, 3 * ADDRESS_SLOT_MS]);
    expect(delays.at(-1)).toBeLessThanOrEqual(ADDRESS_MAX_QUEUE_MS);
    expect(refused).toMatchObject({ allowed: false, scope: "address" });
    // Another address is unaffected.
    expect(await reserveSignInAttempt(db, "someone", "198.51.100.21", now)).toEqual({ allowed: true, delayMs: 0 });
  });
});
