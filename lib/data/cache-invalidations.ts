/**
 * Cached shared pages (docs/ARCHITECTURE.md "Cached pages") live in each app
 * server's memory, and `revalidatePath` drops them on the server that ran it
 * only. So whatever makes a cached page stale also records it here, in the
 * same write transaction: every server's page cache
 * (lib/cache/page-cache-handler.cjs) reads the rows written since it last
 * looked, at most once a second and only when it is about to serve a page,
 * and drops the pages carrying those tags. A row is there exactly when the
 * change committed, so a server that crashes before its own revalidatePath
 * still invalidates the others.
 */
import { desc, gt, lt } from "drizzle-orm";
import { asBuilder, tableOn, type AnyDatabase } from "./engine";

/** Rows are kept this long; a server that hasn't looked for much less than this drops its whole cache instead (the handler's FORGET_AFTER_MS). */
export const KEEP_INVALIDATIONS_MS = 24 * 60 * 60 * 1000;

/**
 * The cache tag Next gives `revalidatePath(path, type)` (next/dist/server/web/spec-extension/revalidate.js):
 * `_N_T_` + the path without its trailing slash, + `/layout` or `/page`. `revalidatePath("/", "layout")` is every page.
 */
export function pathTag(path: string, type?: "layout" | "page"): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const tag = `_N_T_${trimmed}`;
  return type ? `${tag}${tag.endsWith("/") ? "" : "/"}${type}` : tag;
}

/** Records inside the caller's write transaction that the cached pages under `path` are stale on every server. */
export async function recordPageInvalidation(tx: AnyDatabase, path: string, type?: "layout" | "page", now = new Date()): Promise<void> {
  const t = tableOn(tx, "cacheInvalidations");
  await asBuilder(tx).insert(t).values({ tag: pathTag(path, type), createdAt: now });
  await asBuilder(tx)
    .delete(t)
    .where(lt(t.createdAt, new Date(now.getTime() - KEEP_INVALIDATIONS_MS)));
}

export interface Invalidation {
  id: number;
  tag: string;
  at: number;
}

/** The rows written after `since` (milliseconds, the writers' clocks), newest first. Read-only. */
export async function invalidationsSince(db: AnyDatabase, since: number): Promise<Invalidation[]> {
  const t = tableOn(db, "cacheInvalidations");
  const rows = await asBuilder(db)
    .select({ id: t.id, tag: t.tag, createdAt: t.createdAt })
    .from(t)
    .where(gt(t.createdAt, new Date(since)))
    .orderBy(desc(t.id))
    .limit(1000);
  return rows.map((row) => ({ id: row.id, tag: row.tag, at: row.createdAt.getTime() }));
}

