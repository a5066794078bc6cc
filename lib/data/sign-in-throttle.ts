/**
 * Sign-in throttling, built for a classroom behind one school address
 * (counters in SQLite, lib/data/rate-limits.ts, so they hold across
 * restarts and processes).
 *
 * - Per account, a hard limit: LOGIN_MAX_FAILURES tries within
 *   LOGIN_WINDOW_SECONDS, then the account is paused until the window ends.
 *   This is what stops someone guessing one student's password.
 * - Per address, slowing rather than blocking: the first
 *   ADDRESS_FREE_FAILURES failures in a window cost nothing (thirty students
 *   with a couple of typos each); after that, every attempt from the address is
 *   given the next free slot, ADDRESS_SLOT_MS apart, and waits for it before its
 *   password is checked. Parallel requests queue behind each other, so a
 *   guesser spraying many accounts gets at most one try per slot however many
 *   connections it opens, while the class still gets in, a little slower. Only
 *   a queue longer than ADDRESS_MAX_QUEUE_MS is refused ("try again in a
 *   minute"), which one classroom can't reach.
 *
 * Every attempt is reserved (counted as a failure) in one write transaction
 * BEFORE the slow password hash, so a burst of N simultaneous guesses at an
 * account gets at most LOGIN_MAX_FAILURES of them checked. A success gives
 * the reservation back: the account's counter is cleared and the address's
 * is decremented, so the address counts failures only.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { writeTransaction, type Database } from "../../db/open";
import { loginThrottles } from "../../db/tables";
import { getEnv } from "../env";
import { lockedFor } from "./rate-limits";

export { formatWait } from "./rate-limits";

/** Failures an address may have in a window before its attempts are spaced out. */
export const ADDRESS_FREE_FAILURES = 60;
/** Spacing between attempts from an address past its free failures. */
export const ADDRESS_SLOT_MS = 500;
/** The longest an attempt is made to wait for its slot; beyond that it is refused with a wait. */
export const ADDRESS_MAX_QUEUE_MS = 20_000;

export function accountKey(login: string): string {
  return `account:${login.trim().toLowerCase()}`;
}
export function addressKey(ip: string): string {
  return `ip:${ip}`;
}
function slotKey(ip: string): string {
  return `ip-slot:${ip}`;
}

export type SignInReservation =
  /** Go ahead after waiting `delayMs` (0 unless the address is past its free failures). */
  | { allowed: true; delayMs: number }
  /** Refused without checking the password: `scope` says which limit, `waitMs` until it lifts. */
  | { allowed: false; scope: "account" | "address"; waitMs: number };

/**
 * Reserves one sign-in attempt for this login from this address, atomically:
 * refused when the account is paused or the address's queue is full;
 * otherwise counted against both and given its slot.
 */
export async function reserveSignInAttempt(db: Database, login: string, ip: string | null, now = Date.now()): Promise<SignInReservation> {
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_SECONDS } = getEnv();
  const windowMs = LOGIN_WINDOW_SECONDS * 1000;
  return writeTransaction(db, async (tx) => {
    const keys = [accountKey(login), ...(ip ? [addressKey(ip), slotKey(ip)] : [])];
    const rows = new Map((await tx.select().from(loginThrottles).where(inArray(loginThrottles.key, keys))).map((row) => [row.key, row]));
    const account = rows.get(accountKey(login));
    if (account?.lockedUntil && account.lockedUntil.getTime() > now) return { allowed: false, scope: "account", waitMs: account.lockedUntil.getTime() - now };

    let delayMs = 0;
    if (ip) {
      const address = rows.get(addressKey(ip));
      const addressFailures = address && now - address.windowStart.getTime() < windowMs ? address.failures : 0;
      if (addressFailures >= ADDRESS_FREE_FAILURES) {
        const slot = rows.get(slotKey(ip));
        const slotAt = Math.max(now, slot?.lockedUntil?.getTime() ?? 0);
        delayMs = slotAt - now;
        if (delayMs > ADDRESS_MAX_QUEUE_MS) return { allowed: false, scope: "address", waitMs: delayMs };
        const next = new Date(slotAt + ADDRESS_SLOT_MS);
        await tx
          .insert(loginThrottles)
          .values({ key: slotKey(ip), failures: 0, windowStart: new Date(now), lockedUntil: next })
          .onConflictDoUpdate({ target: loginThrottles.key, set: { windowStart: new Date(now), lockedUntil: next } });
      }
      await bump(tx, addressKey(ip), address, null, windowMs, now);
    }
    await bump(tx, accountKey(login), account, LOGIN_MAX_FAILURES, windowMs, now);
    return { allowed: true, delayMs };
  });
}

async function bump(tx: Database, key: string, row: typeof loginThrottles.$inferSelect | undefined, max: number | null, windowMs: number, now: number): Promise<void> {
  const fresh = !row || now - row.windowStart.getTime() >= windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const windowStart = fresh ? new Date(now) : row.windowStart;
  const lockedUntil = max !== null && failures >= max ? new Date(windowStart.getTime() + windowMs) : null;
  await tx
    .insert(loginThrottles)
    .values({ key, failures, windowStart, lockedUntil })
    .onConflictDoUpdate({ target: loginThrottles.key, set: { failures, windowStart, lockedUntil } });
}

/** A successful sign-in gives its reservation back: the account starts over, the address loses the one count it took. */
export async function releaseSignInAttempt(db: Database, login: string, ip: string | null): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await tx.delete(loginThrottles).where(eq(loginThrottles.key, accountKey(login)));
    if (ip) {
      await tx
        .update(loginThrottles)
        .set({ failures: sql`max(${loginThrottles.failures} - 1, 0)` })
        .where(eq(loginThrottles.key, addressKey(ip)));
    }
  });
}

/** Milliseconds until this account may try again (read-only; for the message on the sign-in form), or 0. */
export async function accountPausedFor(db: Database, login: string, now = Date.now()): Promise<number> {
  return lockedFor(db, [accountKey(login)], now);
}
