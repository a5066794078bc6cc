/**
 * Sign-in throttling: failures are counted per account and per client IP in
 * fixed windows stored in SQLite (so limits survive restarts and hold across
 * processes). An account locks after LOGIN_MAX_FAILURES failures; an IP after
 * four times as many, so one classroom behind one address isn't locked out by
 * a single student.
 */
import { eq, inArray } from "drizzle-orm";
import { writeTransaction, type Database } from "../../db/open";
import { loginThrottles } from "../../db/schema";
import { getEnv } from "../env";

const IP_MULTIPLIER = 4;

function keys(username: string, ip: string | null) {
  const out = [{ key: `account:${username.toLowerCase()}`, max: getEnv().LOGIN_MAX_FAILURES }];
  if (ip) out.push({ key: `ip:${ip}`, max: getEnv().LOGIN_MAX_FAILURES * IP_MULTIPLIER });
  return out;
}

/** Milliseconds until sign-in is allowed again for this account/IP, or 0. */
export async function signInBlockedFor(db: Database, username: string, ip: string | null, now = Date.now()): Promise<number> {
  const wanted = keys(username, ip).map((k) => k.key);
  const rows = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, wanted));
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil.getTime() > now) wait = Math.max(wait, row.lockedUntil.getTime() - now);
  }
  return wait;
}

export async function recordSignInFailure(db: Database, username: string, ip: string | null, now = Date.now()): Promise<void> {
  const windowMs = getEnv().LOGIN_WINDOW_SECONDS * 1000;
  await writeTransaction(db, async (tx) => {
    for (const { key, max } of keys(username, ip)) {
      const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key));
      const fresh = !row || now - row.windowStart.getTime() > windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const windowStart = fresh ? new Date(now) : row.windowStart;
      const lockedUntil = failures >= max ? new Date(windowStart.getTime() + windowMs) : null;
      await tx
        .insert(loginThrottles)
        .values({ key, failures, windowStart, lockedUntil })
        .onConflictDoUpdate({ target: loginThrottles.key, set: { failures, windowStart, lockedUntil } });
    }
  });
}

/** A successful sign-in clears the account's counter (not the IP's). */
export async function clearAccountFailures(db: Database, username: string): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await tx.delete(loginThrottles).where(eq(loginThrottles.key, `account:${username.toLowerCase()}`));
  });
}

export function formatWait(ms: number): string {
  const minutes = Math.ceil(ms / 60000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
