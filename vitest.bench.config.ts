// On-demand benchmarks (`npm run bench:dashboard`), kept out of `npm test`.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
    },
  },
  test: {
    include: ["bench/tests/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the benchmark process there.
    execArgv: process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    env: { NODE_ENV: "test", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789" },
  },
});
