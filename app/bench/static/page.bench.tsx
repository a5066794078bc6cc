// Benchmark baseline (`npm run bench`): the same layout and paragraph as /bench/bare, but prerendered
// (no request data), so it is what a cached page of a bare Next app costs on this server.
// Only built with BENCH_ROUTES=1 (the .bench.tsx extension; see next.config.mjs).
export default function StaticBenchPage() {
  return (
    <article className="mx-auto max-w-2xl">
      <h1 className="page-title">Bare page</h1>
      <p>The baseline for the benchmarks: the site layout and one paragraph.</p>
    </article>
  );
}
