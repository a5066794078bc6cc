// Benchmark baseline (`npm run bench`): the smallest dynamic page with the same layout as every other page. 404 unless BENCH_ROUTES=1.
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getEnv } from "@/lib/env";

export default async function BareBenchPage() {
  if (!getEnv().BENCH_ROUTES) notFound();
  // Rendered per request, like the lesson page, so the comparison is render against render.
  await connection();
  return (
    <article className="mx-auto max-w-2xl">
      <h1 className="page-title">Bare page</h1>
      <p>The baseline for the benchmarks: the site layout and one paragraph.</p>
    </article>
  );
}
