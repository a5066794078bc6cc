/**
 * `npm start`: prepare the data, build when the sources changed since the
 * last build, then serve with `next start` on PORT.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getAuthSecret, getEnv } from "../lib/env";
import { prepareData } from "./prepare-data";

// What the build is made from. The command-line scripts (scripts/) and benchmarks (bench/) are not part of it, so
// editing them doesn't trigger a rebuild, except that a benchmark build (BENCH_ROUTES=1) compiles the bench/ code its routes use.
const BUILD_INPUTS = ["app", "lib", "db", "public", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "proxy.ts", "instrumentation.ts"];
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

function hashSources(): string {
  const hash = crypto.createHash("sha256");
  const visit = (entry: string) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) visit(path.join(entry, child));
    } else if (!entry.includes(`${path.sep}migrations${path.sep}`)) {
      hash.update(entry).update(fs.readFileSync(entry));
    }
  };
  [...BUILD_INPUTS, ...(getEnv().BENCH_ROUTES ? ["bench"] : [])].forEach(visit);
  // A build with the benchmark routes is a different build (next.config.mjs pageExtensions).
  hash.update(`bench-routes:${getEnv().BENCH_ROUTES ? 1 : 0}`);
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const distDir = getEnv().NEXT_DIST_DIR;
  const stamp = path.join(distDir, "civics-build-stamp");
  const current = hashSources();
  const built = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : "";
  if (built === current) return;
  console.log("[civics-lab] Building the app (sources changed since the last build)...");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, current);
}

async function main() {
  const env = getEnv();
  await prepareData();
  buildIfNeeded();
  // The article importer's worker bundle (scripts/import-launcher.mjs); built now so the first import doesn't wait for it.
  const worker = spawnSync(process.execPath, [path.join("scripts", "import-launcher.mjs"), "--ensure-built"], { stdio: ["ignore", "ignore", "inherit"] });
  if (worker.status !== 0) console.warn("[civics-lab] Could not prepare the importer's worker now; it will be built on the first import.");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(env.PORT), "-H", env.HOSTNAME], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: getAuthSecret(), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
