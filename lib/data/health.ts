import "server-only";
import { getDb } from "../../db/client";
import { lessons } from "../../db/tables";

/** Public and unauthenticated on purpose: says only whether the database answers and whether content is loaded. */
export async function getDatabaseHealth(): Promise<{ ok: boolean; lessons?: number; error?: string }> {
  try {
    return { ok: true, lessons: await getDb().$count(lessons) };
  } catch {
    return { ok: false, error: "database unavailable" };
  }
}
