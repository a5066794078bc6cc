// Benchmark baseline (`npm run bench`): the smallest dynamic page with the same layout as every other page.
// Only built with BENCH_ROUTES=1 (the .bench.tsx extension; see next.config.mjs).
import { connection } from "next/server";

export default async function BareBenchPage() {
  // Rendered per request, like the lesson page, so the comparison is render against render.
  await connection();
  return (
    <article className="mx-auto max-w-2xl">
      <h1 className="page-title">Bare page</h1>
      <p>The baseline for the benchmarks: the site layout and one paragraph.</p>
    </article>
  );
}
