// POST /api/bench/submit?attempt=<id>: the submission floor of `npm run bench` (bench/submit-floor.ts).
// Only built with BENCH_ROUTES=1 (the .bench.ts extension; see next.config.mjs), never in the shipped build.
export { submitFloor as POST } from "@/bench/submit-floor";
