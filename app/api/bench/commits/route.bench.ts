// GET /api/bench/commits: SQLite write transactions and the COMMITs that made them durable since the server
// started (db/open.ts sqliteCommits), so `npm run bench` can report how many submissions shared a COMMIT.
// Only built with BENCH_ROUTES=1 (the .bench.ts extension; see next.config.mjs), never in the shipped build.
import { sqliteCommits } from "@/db/open";

export function GET(): Response {
  return Response.json({ ...sqliteCommits }, { headers: { "Cache-Control": "no-store" } });
}
