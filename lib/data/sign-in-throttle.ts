/**
 * Sign-in throttling, built for a classroom behind one school address
 * (counters in the database, lib/data/rate-limits.ts, so they hold across
 * restarts, processes and app servers).
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
import { eq, sql } from "drizzle-orm";
import { getEnv } from "../env";
import { asBuilder, at, plusMs, tableOn, writeOn, type AnyDatabase } from "./engine";
import { bumpCounter, lockedFor } from "./rate-limits";

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

/** Thrown inside the reservation's transaction to roll back what it counted before a limit refused it. */
class Refused extends Error {
  constructor(readonly result: SignInReservation) {
    super("refused");
  }
}

/**
 * Reserves one sign-in attempt for this login from this address, atomically:
 * refused when the account is paused or the address's queue is full;
 * otherwise counted against both and given its slot. Each count is one
 * statement on the row (rate-limits.ts `bumpCounter`), and a refusal rolls
 * back what the attempt had counted, so simultaneous attempts on several
 * servers are counted exactly as if they came one after another.
 */
export async function reserveSignInAttempt(db: AnyDatabase, login: string, ip: string | null, now = Date.now()): Promise<SignInReservation> {
  const { LOGIN_MAX_FAILURES, LOGIN_WINDOW_SECONDS } = getEnv();
  const windowMs = LOGIN_WINDOW_SECONDS * 1000;
  try {
    return await writeOn(db, async (tx) => {
      const account = await bumpCounter(tx, accountKey(login), LOGIN_MAX_FAILURES, windowMs, now);
      if (!account) throw new Refused({ allowed: false, scope: "account", waitMs: Math.max(1, await lockedFor(tx, [accountKey(login)], now)) });
      let delayMs = 0;
      if (ip) {
        const address = await bumpCounter(tx, addressKey(ip), null, windowMs, now);
        // This attempt's count is in `failures`; the ones before it decide whether it waits for a slot.
        if (address && address.failures - 1 >= ADDRESS_FREE_FAILURES) {
          const slotAt = await takeSlot(tx, slotKey(ip), now);
          if (slotAt === null) throw new Refused({ allowed: false, scope: "address", waitMs: Math.max(ADDRESS_MAX_QUEUE_MS + 1, await lockedFor(tx, [slotKey(ip)], now)) });
          delayMs = slotAt - now;
        }
      }
      return { allowed: true, delayMs };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/**
 * The address's next free slot, ADDRESS_SLOT_MS after the last one given (or
 * now), taken in one statement; null when it is more than ADDRESS_MAX_QUEUE_MS
 * away (nothing taken). The slot row's `locked_until` is the end of the last
 * slot given out.
 */
async function takeSlot(tx: AnyDatabase, key: string, now: number): Promise<number | null> {
  const t = tableOn(tx, "loginThrottles");
  const nowAt = at(tx, t.lockedUntil, new Date(now));
  const [row] = await asBuilder(tx)
    .insert(t)
    .values({ key, failures: 0, windowStart: new Date(now), lockedUntil: new Date(now + ADDRESS_SLOT_MS) })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        windowStart: nowAt,
        lockedUntil: sql`(case when ${t.lockedUntil} > ${nowAt} then ${plusMs(tx, t.lockedUntil, ADDRESS_SLOT_MS)} else ${at(tx, t.lockedUntil, new Date(now + ADDRESS_SLOT_MS))} end)`,
      },
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at(tx, t.lockedUntil, new Date(now + ADDRESS_MAX_QUEUE_MS))}`,
    })
    .returning({ lockedUntil: t.lockedUntil });
  return row?.lockedUntil ? row.lockedUntil.getTime() - ADDRESS_SLOT_MS : null;
}

/** A successful sign-in gives its reservation back: the account starts over, the address loses the one count it took. */
export async function releaseSignInAttempt(db: AnyDatabase, login: string, ip: string | null): Promise<void> {
  await writeOn(db, async (tx) => {
    const t = tableOn(tx, "loginThrottles");
    await tx.delete(t).where(eq(t.key, accountKey(login)));
    if (ip) {
      await tx
        .update(t)
        .set({ failures: sql`(case when ${t.failures} > 0 then ${t.failures} - 1 else 0 end)` })
        .where(eq(t.key, addressKey(ip)));
    }
  });
}

/** Milliseconds until this account may try again (read-only; for the message on the sign-in form), or 0. */
export async function accountPausedFor(db: AnyDatabase, login: string, now = Date.now()): Promise<number> {
  return lockedFor(db, [accountKey(login)], now);
}
