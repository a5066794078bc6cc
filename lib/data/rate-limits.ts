/**
 * Fixed-window rate limits stored in the database, so they hold across
 * restarts, processes and app servers (every count is one atomic statement,
 * `bumpCounter`). One machinery for sign-in throttling
 * (lib/data/sign-in-throttle.ts) and request limits
 * (lib/data/request-limits.ts); the table keeps its first name,
 * `login_throttles`.
 *
 * A key counts events in a window that starts with its first event. The event
 * that reaches `max` locks the key until that window ends; while it is locked
 * nothing more is counted (refusals cost one read, no write). After the window
 * the next event starts a fresh one. Keys are namespaced strings such as
 * `account:ada`, `ip:192.0.2.7` or `grade:ip:192.0.2.7`.
 */
import { and, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getEnv } from "../env";
import { asBuilder, at, plusMs, tableOn, writeOn, type AnyDatabase } from "./engine";

export interface Limit {
  key: string;
  /** Events allowed per window; the one that reaches it is allowed and locks the key. */
  max: number;
  windowMs: number;
}

/** The longest window any request limit may use; rows older than this (or the sign-in window) are pruned. */
export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const lastPruned = new WeakMap<object, number>();

/** Milliseconds until every one of `keys` is unlocked, or 0 when none is locked. Read-only. */
export async function lockedFor(db: AnyDatabase, keys: string[], now = Date.now()): Promise<number> {
  if (keys.length === 0) return 0;
  const t = tableOn(db, "loginThrottles");
  const rows = await asBuilder(db).select({ lockedUntil: t.lockedUntil }).from(t).where(inArray(t.key, keys));
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil.getTime() > now) wait = Math.max(wait, row.lockedUntil.getTime() - now);
  }
  return wait;
}

/**
 * Counts one event against `key` in ONE statement (insert … on conflict do
 * update … returning), so two servers, or two PostgreSQL transactions side by
 * side, counting the same key at once both count: the database serializes them
 * on the row, and neither reads a value the other is about to overwrite.
 * A locked key counts nothing and returns null. `max: null` never locks.
 */
export async function bumpCounter(tx: AnyDatabase, key: string, max: number | null, windowMs: number, now: number): Promise<{ failures: number; lockedUntil: Date | null } | null> {
  const t = tableOn(tx, "loginThrottles");
  const nowAt = at(tx, t.windowStart, new Date(now));
  // The stored window is over: this event starts a new one.
  const fresh = sql`${t.windowStart} <= ${at(tx, t.windowStart, new Date(now - windowMs))}`;
  const failures = sql`(case when ${fresh} then 1 else ${t.failures} + 1 end)`;
  const windowEnd = sql`(case when ${fresh} then ${at(tx, t.lockedUntil, new Date(now + windowMs))} else ${plusMs(tx, t.windowStart, windowMs)} end)`;
  const [row] = await asBuilder(tx)
    .insert(t)
    .values({ key, failures: 1, windowStart: new Date(now), lockedUntil: max !== null && 1 >= max ? new Date(now + windowMs) : null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures,
        windowStart: sql`(case when ${fresh} then ${nowAt} else ${t.windowStart} end)`,
        lockedUntil: max === null ? sql`null` : sql`(case when ${failures} >= ${max} then ${windowEnd} else null end)`,
      },
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${nowAt}`,
    })
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  return row ?? null;
}

/** Drops counters whose window is long over, at most every ten minutes per database (they hold network addresses). */
async function pruneIfDue(db: AnyDatabase, tx: AnyDatabase, now: number): Promise<void> {
  if (now - (lastPruned.get(db) ?? 0) < PRUNE_EVERY_MS) return;
  lastPruned.set(db, now);
  const t = tableOn(tx, "loginThrottles");
  const cutoff = new Date(now - Math.max(MAX_WINDOW_MS, getEnv().LOGIN_WINDOW_SECONDS * 1000));
  await asBuilder(tx)
    .delete(t)
    .where(and(lt(t.windowStart, cutoff), or(isNull(t.lockedUntil), lte(t.lockedUntil, new Date(now)))));
}

/** Thrown inside a transaction to roll back the counts made so far when a later key turns out locked. */
class KeyLocked extends Error {}

/** Keys in one order everywhere, so two transactions counting the same keys never wait on each other in a cycle (PostgreSQL). */
function inKeyOrder(limits: Limit[]): Limit[] {
  return [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Counts one event against every limit (sign-in failures: counted after the fact, checked with `lockedFor` first). A locked key counts nothing more. */
export async function countEvent(db: AnyDatabase, limits: Limit[], now = Date.now()): Promise<void> {
  await writeOn(db, async (tx) => {
    for (const limit of inKeyOrder(limits)) await bumpCounter(tx, limit.key, limit.max, limit.windowMs, now);
    await pruneIfDue(db, tx, now);
  });
}

/**
 * Check and count in one step, for requests limited up front: when any key is
 * locked, nothing is counted and the wait in milliseconds is returned;
 * otherwise the request counts against every key and 0 is returned.
 */
export async function take(db: AnyDatabase, limits: Limit[], now = Date.now()): Promise<number> {
  const keys = limits.map((limit) => limit.key);
  // Refusals during a lockout stay read-only.
  const locked = await lockedFor(db, keys, now);
  if (locked > 0) return locked;
  try {
    return await writeOn(db, async (tx) => {
      for (const limit of inKeyOrder(limits)) {
        // Locked since the read above (another request, maybe on another server): nothing of this request counts.
        if (!(await bumpCounter(tx, limit.key, limit.max, limit.windowMs, now))) throw new KeyLocked();
      }
      await pruneIfDue(db, tx, now);
      return 0;
    });
  } catch (error) {
    if (!(error instanceof KeyLocked)) throw error;
    return Math.max(1, await lockedFor(db, keys, now));
  }
}

export async function clearKeys(db: AnyDatabase, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await writeOn(db, async (tx) => {
    const t = tableOn(tx, "loginThrottles");
    await tx.delete(t).where(inArray(t.key, keys));
  });
}

/** "a minute" or "N minutes", for messages. */
export function formatWait(ms: number): string {
  const minutes = Math.ceil(ms / 60000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
