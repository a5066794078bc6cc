/**
 * Fixed-window rate limits stored in SQLite, so they hold across restarts and
 * processes. One machinery for sign-in throttling (lib/data/sign-in-throttle.ts) and
 * request limits (lib/data/request-limits.ts); the table keeps its first
 * name, `login_throttles`.
 *
 * A key counts events in a window that starts with its first event. The event
 * that reaches `max` locks the key until that window ends; while it is locked
 * nothing more is counted (refusals cost one read, no write). After the window
 * the next event starts a fresh one. Keys are namespaced strings such as
 * `account:ada`, `ip:192.0.2.7` or `grade:ip:192.0.2.7`.
 */
import { and, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { writeTransaction, type Database } from "../../db/open";
import { loginThrottles } from "../../db/tables";
import { getEnv } from "../env";

export interface Limit {
  key: string;
  /** Events allowed per window; the one that reaches it is allowed and locks the key. */
  max: number;
  windowMs: number;
}

/** The longest window any request limit may use; rows older than this (or the sign-in window) are pruned. */
export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
const lastPruned = new WeakMap<Database, number>();

/** Milliseconds until every one of `keys` is unlocked, or 0 when none is locked. Read-only. */
export async function lockedFor(db: Database, keys: string[], now = Date.now()): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db.select({ lockedUntil: loginThrottles.lockedUntil }).from(loginThrottles).where(inArray(loginThrottles.key, keys));
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil.getTime() > now) wait = Math.max(wait, row.lockedUntil.getTime() - now);
  }
  return wait;
}

async function bump(tx: Database, { key, max, windowMs }: Limit, now: number): Promise<void> {
  const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key));
  const fresh = !row || now - row.windowStart.getTime() >= windowMs;
  const count = fresh ? 1 : row.failures + 1;
  const windowStart = fresh ? new Date(now) : row.windowStart;
  const lockedUntil = count >= max ? new Date(windowStart.getTime() + windowMs) : null;
  await tx
    .insert(loginThrottles)
    .values({ key, failures: count, windowStart, lockedUntil })
    .onConflictDoUpdate({ target: loginThrottles.key, set: { failures: count, windowStart, lockedUntil } });
}

/** Drops counters whose window is long over, at most every ten minutes per connection (they hold network addresses). */
async function pruneIfDue(tx: Database, now: number): Promise<void> {
  if (now - (lastPruned.get(tx) ?? 0) < PRUNE_EVERY_MS) return;
  lastPruned.set(tx, now);
  const cutoff = new Date(now - Math.max(MAX_WINDOW_MS, getEnv().LOGIN_WINDOW_SECONDS * 1000));
  await tx.delete(loginThrottles).where(and(lt(loginThrottles.windowStart, cutoff), or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, new Date(now)))));
}

/** Counts one event against every limit (sign-in failures: counted after the fact, checked with `lockedFor` first). */
export async function countEvent(db: Database, limits: Limit[], now = Date.now()): Promise<void> {
  await writeTransaction(db, async (tx) => {
    for (const limit of limits) await bump(tx, limit, now);
    await pruneIfDue(tx, now);
  });
}

/**
 * Check and count in one step, for requests limited up front: when any key is
 * locked, nothing is counted and the wait in milliseconds is returned;
 * otherwise the request counts against every key and 0 is returned.
 */
export async function take(db: Database, limits: Limit[], now = Date.now()): Promise<number> {
  const keys = limits.map((limit) => limit.key);
  // Refusals during a lockout stay read-only.
  const locked = await lockedFor(db, keys, now);
  if (locked > 0) return locked;
  return writeTransaction(db, async (tx) => {
    const wait = await lockedFor(tx, keys, now);
    if (wait > 0) return wait;
    for (const limit of limits) await bump(tx, limit, now);
    await pruneIfDue(tx, now);
    return 0;
  });
}

export async function clearKeys(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await writeTransaction(db, async (tx) => {
    await tx.delete(loginThrottles).where(inArray(loginThrottles.key, keys));
  });
}

/** "a minute" or "N minutes", for messages. */
export function formatWait(ms: number): string {
  const minutes = Math.ceil(ms / 60000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
