/**
 * `npx tsx bench/bench-import.ts [runs]`: times a ~1,500-word article
 * through the whole import pipeline (extract → analyze → lesson → questions →
 * content files), after warm-up, and prints the median and spread.
 * Run it pinned to two cores to match the target: `taskset -c 0,1 npx tsx …`.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { loadContent } from "../lib/content/load";
import { draftFromArticle } from "../lib/import";
import { draftToContent } from "../lib/import/to-content";
import { benchmarkArticle } from "./import-article";

const runs = Number(process.argv[2] ?? 30);
const article = benchmarkArticle();
const glossary = loadContent().content.glossary;

const once = () => {
  const draft = draftFromArticle({ content: article, date: "2023-03-21" }, { glossary });
  draftToContent(draft, { asOf: "2023-03-21" });
  return draft;
};

const coldStart = performance.now();
const draft = once();
const cold = performance.now() - coldStart;
for (let i = 0; i < 3; i += 1) once();
const times: number[] = [];
// CPU time as well as wall time: on a machine shared with other jobs the wall time mostly measures the queue for a
// core, while the process's own CPU time (all its threads, so garbage collection too) moves much less with the load.
const cpuTimes: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  once();
  const cpu = process.cpuUsage(cpuStart);
  times.push(performance.now() - start);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(`article: ${draft.stats.words} words, ${draft.paragraphs.length} paragraphs, ${draft.candidateCount} candidates, ${draft.questions.length} questions`);
console.log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.availableParallelism()} cores available, Node ${process.version}`);
console.log(`first run (loads models): ${fmt(cold)}`);
console.log(`after warm-up, ${runs} runs: median ${fmt(at(0.5))}, p90 ${fmt(at(0.9))}, min ${fmt(times[0]!)}, max ${fmt(times.at(-1)!)}`);
console.log(`CPU time per run (this process): median ${fmt(cpuTimes[Math.floor(cpuTimes.length / 2)]!)}, min ${fmt(cpuTimes[0]!)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
