/**
 * `npx tsx bench/bench-import-io.ts [runs]`: the importer's I/O-side
 * numbers for docs/BENCHMARKS.md.
 * 1. CLI start: wall time of `node scripts/import-launcher.mjs` (what
 *    `npm run -s import` runs) on an empty file and on a ~1,500-word article,
 *    with the bundle already built; plus `npm run -s import` itself once.
 * 2. Off-thread imports: a ~260 KB article drafted in the worker pool while
 *    this thread's event loop is sampled every 10 ms (the worst delay is how
 *    long any other request would wait), compared with the same article
 *    drafted on this thread.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { tryDraftFromArticle } from "../lib/import";
import { draftInWorker } from "../lib/import/worker-pool";

const runs = Number(process.argv[2] ?? 5);
const FIXTURES = path.resolve("tests/fixtures/articles");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-io-"));
const body = (file: string) => fs.readFileSync(path.join(FIXTURES, file), "utf8").split("\n\n").slice(1).join("\n\n");
const empty = path.join(dir, "empty.txt");
fs.writeFileSync(empty, "");
const medium = path.join(dir, "article-1500.txt");
fs.writeFileSync(medium, `A long civics reader\n\n${body("wire-story.txt")}\n\n${body("explainer.txt")}\n\n${body("wire-story.txt").split("\n\n").slice(0, 5).join("\n\n")}`);
const words = fs.readFileSync(medium, "utf8").split(/\s+/).length;

function wall(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  spawnSync(command, args, { stdio: "ignore" });
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

spawnSync(process.execPath, ["scripts/import-launcher.mjs", "--ensure-built"], { stdio: "inherit" });
for (const [label, file] of [
  ["empty file", empty],
  [`${words}-word article`, medium],
] as const) {
  const times = Array.from({ length: runs }, () => wall(process.execPath, ["scripts/import-launcher.mjs", file]));
  console.log(`CLI ${label}: median ${Math.round(median(times))} ms, min ${Math.round(Math.min(...times))} ms, max ${Math.round(Math.max(...times))} ms (node launcher, ${runs} runs)`);
  console.log(`CLI ${label} via npm run -s import: ${Math.round(wall("npm", ["run", "-s", "import", "--", file]))} ms`);
}

const glossary = (YAML.parse(fs.readFileSync("content/glossary.yaml", "utf8")) as { terms: { id: string; term: string; definition: string; aliases?: string[] }[] }).terms.map((t) => ({ ...t, aliases: t.aliases ?? [] }));
const chunks = ["wire-story.txt", "explainer.txt", "feature.md"].map(body);
let big = "A very long civics reader";
while (big.length < 260_000) big += `\n\n${chunks.join("\n\n")}`;

async function lagWhile(task: () => Promise<unknown>): Promise<{ ms: number; maxLag: number }> {
  let last = performance.now();
  let maxLag = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 10);
    last = now;
  }, 10);
  const start = performance.now();
  await task();
  const ms = performance.now() - start;
  clearInterval(timer);
  return { ms, maxLag };
}

const inWorker = await lagWhile(() => draftInWorker({ content: big }, glossary));
const onThread = await lagWhile(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  tryDraftFromArticle({ content: big }, { glossary });
});
console.log(`${Math.round(big.length / 1024)} KB import in a worker: ${Math.round(inWorker.ms)} ms, worst event-loop delay on the server thread ${Math.round(inWorker.maxLag)} ms`);
console.log(`${Math.round(big.length / 1024)} KB import on the server thread: ${Math.round(onThread.ms)} ms, worst event-loop delay ${Math.round(onThread.maxLag)} ms`);
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
process.exit(0);
