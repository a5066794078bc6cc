// GET /api/health - liveness and database status for monitors and the test runner
import { getDatabaseHealth } from "@/lib/data/health";
import pkg from "@/package.json" with { type: "json" };

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await getDatabaseHealth();
  return Response.json({ status: database.ok ? "ok" : "degraded", version: pkg.version, database }, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
