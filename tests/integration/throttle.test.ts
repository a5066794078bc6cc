import { beforeEach, describe, expect, it } from "vitest";
import { clearAccountFailures, formatWait, recordSignInFailure, signInBlockedFor } from "@/lib/auth/throttle";
import { createTestDb } from "../helpers/db";

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  db = await createTestDb();
});

describe("sign-in throttling", () => {
  it("locks an account after 5 failures within the window, for the rest of the window", async () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    for (let i = 0; i < 4; i += 1) await recordSignInFailure(db, "ada", `10.0.0.${i}`, now + i * 1000);
    expect(await signInBlockedFor(db, "ada", "10.0.0.9", now + 5000)).toBe(0);
    await recordSignInFailure(db, "ada", "10.0.0.4", now + 5000);
    const wait = await signInBlockedFor(db, "ADA", "10.0.0.9", now + 6000);
    expect(wait).toBe(15 * 60 * 1000 - 6000);
    expect(formatWait(wait)).toBe("15 minutes");
    expect(await signInBlockedFor(db, "ada", null, now + 15 * 60 * 1000 + 1)).toBe(0);
    // Other accounts are unaffected.
    expect(await signInBlockedFor(db, "bob", "10.0.0.9", now + 6000)).toBe(0);
  });

  it("locks an address after 20 failures across many accounts", async () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    for (let i = 0; i < 20; i += 1) await recordSignInFailure(db, `user${i}`, "192.0.2.7", now + i);
    expect(await signInBlockedFor(db, "fresh-account", "192.0.2.7", now + 100)).toBeGreaterThan(0);
    expect(await signInBlockedFor(db, "fresh-account", "192.0.2.8", now + 100)).toBe(0);
  });

  it("starts a new window after the old one ends, and a success clears the account", async () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    for (let i = 0; i < 4; i += 1) await recordSignInFailure(db, "ada", null, now);
    await recordSignInFailure(db, "ada", null, now + 16 * 60 * 1000);
    expect(await signInBlockedFor(db, "ada", null, now + 16 * 60 * 1000)).toBe(0);
    for (let i = 0; i < 3; i += 1) await recordSignInFailure(db, "ada", null, now + 16 * 60 * 1000);
    await clearAccountFailures(db, "ada");
    await recordSignInFailure(db, "ada", null, now + 16 * 60 * 1000);
    expect(await signInBlockedFor(db, "ada", null, now + 16 * 60 * 1000)).toBe(0);
  });
});
