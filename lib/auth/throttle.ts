/**
 * Sign-in throttling: failures are counted per account and per client IP
 * (lib/security/rate-limit.ts, stored in SQLite so limits survive restarts and
 * hold across processes). An account locks after LOGIN_MAX_FAILURES failures
 * within LOGIN_WINDOW_SECONDS; an IP after four times as many, so one
 * classroom behind one address isn't locked out by a single student.
 */
import type { Database } from "../../db/open";
import { getEnv } from "../env";
import { clearKeys, countEvent, lockedFor, type Limit } from "../security/rate-limit";

export { formatWait } from "../security/rate-limit";

const IP_MULTIPLIER = 4;

function limits(username: string, ip: string | null): Limit[] {
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_SECONDS } = getEnv();
  const windowMs = LOGIN_WINDOW_SECONDS * 1000;
  const out: Limit[] = [{ key: accountKey(username), max: LOGIN_MAX_FAILURES, windowMs }];
  if (ip) out.push({ key: `ip:${ip}`, max: LOGIN_MAX_FAILURES * IP_MULTIPLIER, windowMs });
  return out;
}

function accountKey(username: string): string {
  return `account:${username.toLowerCase()}`;
}

/** Milliseconds until sign-in is allowed again for this account/IP, or 0. */
export async function signInBlockedFor(db: Database, username: string, ip: string | null, now = Date.now()): Promise<number> {
  return lockedFor(
    db,
    limits(username, ip).map((limit) => limit.key),
    now,
  );
}

export async function recordSignInFailure(db: Database, username: string, ip: string | null, now = Date.now()): Promise<void> {
  await countEvent(db, limits(username, ip), now);
}

/** A successful sign-in clears the account's counter (not the IP's). */
export async function clearAccountFailures(db: Database, username: string): Promise<void> {
  await clearKeys(db, [accountKey(username)]);
}
