/**
 * `npx tsx bench/import-golden.ts <out-dir> [--reverse]`: runs the whole import pipeline over every article fixture
 * (tests/fixtures/articles, genres, import-dev and its unseen folder) plus the benchmark article and writes, per
 * file, the analysis, the draft and the exported content files as JSON. Record it before a change that must not
 * change output, record it again after, and `diff -r` the two folders: any difference is a behaviour change.
 * `--reverse` processes the files in the opposite order, so state kept between imports (caches) that leaks into
 * a later result shows up as a difference too.
 */
import fs from "node:fs";
import path from "node:path";
import { loadContent } from "../lib/content/load";
import { draftFromArticle } from "../lib/import";
import { analyzeArticle } from "../lib/import/analyze";
import { extractArticle } from "../lib/import/extract";
import { draftToContent } from "../lib/import/to-content";
import { benchmarkArticle } from "./import-article";

const out = process.argv[2];
if (!out) throw new Error("usage: npx tsx bench/import-golden.ts <out-dir> [--reverse]");
const reverse = process.argv.includes("--reverse");
const glossary = loadContent().content.glossary;

const folders = ["tests/fixtures/articles", "tests/fixtures/genres", "tests/fixtures/import-dev", "tests/fixtures/import-dev/unseen"];
const files = folders.flatMap((folder) =>
  fs
    .readdirSync(folder)
    .filter((name) => /\.(txt|md|html)$/.test(name) && name !== "README.md")
    .sort()
    .map((name) => path.join(folder, name)),
);

const jobs: { name: string; content: string | Buffer; date?: string }[] = [
  ...files.map((file) => ({ name: file.replace(/[/\\]/g, "__"), content: fs.readFileSync(file) })),
  // The benchmark article of bench/bench-import.ts, with and without a date.
  { name: "bench-article", content: benchmarkArticle(), date: "2023-03-21" },
  { name: "bench-article-nodate", content: benchmarkArticle() },
];
if (reverse) jobs.reverse();

fs.mkdirSync(out, { recursive: true });
for (const job of jobs) {
  const input = { content: job.content, ...(job.date ? { date: job.date } : {}) };
  let result: unknown;
  try {
    const article = extractArticle(input);
    const analysis = analyzeArticle(article, { glossary, ...(article.date ? { articleDate: article.date } : {}) });
    const draft = draftFromArticle(input, { glossary });
    // A fixed "as of" date: the only clock-dependent input of the export.
    const exported = draftToContent(draft, { asOf: "2026-01-01" });
    result = { analysis, draft, exported };
  } catch (error) {
    result = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  fs.writeFileSync(path.join(out, `${job.name}.json`), `${JSON.stringify(result, null, 1)}\n`);
}
console.log(`${jobs.length} files written to ${out}`);
