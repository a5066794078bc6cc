/**
 * Lets this server's page cache (lib/cache/page-cache-handler.cjs, plain CommonJS
 * that Next loads by path, outside the bundle) read the invalidations every server
 * records (lib/data/cache-invalidations.ts). Installed once per process by
 * instrumentation.ts. Its own module because it opens the app's connection
 * (db/client.ts is server-only; the content sync, which scripts run, records
 * invalidations without it).
 */
import "server-only";
import { getDb } from "../../db/client";
import { invalidationsSince } from "./cache-invalidations";

/** Where the page cache looks for the reader. */
export const INVALIDATION_READER = Symbol.for("civics-lab.page-cache.invalidations");

export function installInvalidationReader(): void {
  (globalThis as Record<symbol, unknown>)[INVALIDATION_READER] = (since: number) => invalidationsSince(getDb(), since);
}
