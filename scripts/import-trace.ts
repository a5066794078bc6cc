/**
 * Dev check for question yield (`npx tsx scripts/import-trace.ts <file or folder>… [--all] [--summary]`): drafts each
 * article as the import CLI does and prints every candidate each generator made, the gate problems that dropped it,
 * and which ones the ranking kept (marked `KEPT`), so a change to a generator, gate or the ranking can be rated before
 * and after. `--summary` prints one line per article (words, candidates, passed, kept, above recall, skills).
 * Reads files in place and writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { glossaryFileSchema } from "../lib/content/schema";
import { analyzeArticle } from "../lib/import/analyze";
import { extractArticle } from "../lib/import/extract";
import { generateQuestions } from "../lib/import/generate-questions";
import { isAboveRecall, isReallyAboveRecall } from "../lib/import/rank";
import type { DraftQuestion } from "../lib/import/types";

const args = process.argv.slice(2);
const summary = args.includes("--summary");
const all = args.includes("--all");
const files = args
  .filter((a) => !a.startsWith("--"))
  .flatMap((p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).map((f) => path.join(p, f)) : [p]))
  .filter((f) => /\.(txt|md|html?)$/.test(f) && !/README/.test(f))
  .sort();
const glossary = glossaryFileSchema.parse(YAML.parse(fs.readFileSync(path.resolve("content/glossary.yaml"), "utf8"))).terms;

function show(q: DraftQuestion): string {
  const lines = [`${q.prompt}`];
  if (q.type === "single") for (const c of q.choices) lines.push(`      ${c.id === q.answer ? "*" : " "} ${c.text}`);
  else if (q.type === "cloze") lines.push(`      text: ${q.text}  answers: ${JSON.stringify(q.answer)}`);
  else if (q.type === "true_false") lines.push(`      → ${String(q.answer)}`);
  else lines.push(`      ${JSON.stringify({ ...q, prompt: undefined, evidence: undefined, explanation: undefined }).slice(0, 400)}`);
  return lines.join("\n");
}

for (const file of files) {
  let article;
  try {
    article = extractArticle({ content: fs.readFileSync(file) });
  } catch (error) {
    process.stdout.write(`${file}: ${(error as Error).message}\n`);
    continue;
  }
  const analysis = analyzeArticle(article, { glossary, ...(article.date ? { articleDate: article.date } : {}) });
  const { questions, trace = [] } = generateQuestions(analysis, { trace: true });
  const words = article.paragraphs.join(" ").split(/\s+/).filter(Boolean).length;
  const above = questions.filter(isAboveRecall).length;
  const really = questions.filter(isReallyAboveRecall).length;
  const skills = new Set(questions.map((q) => q.skills[0]));
  const passed = trace.filter((t) => t.problems.length === 0 && !t.pairDropped).length;
  const head = `${path.basename(file)} (${article.genre}${analysis.genreCertain === false ? "?" : ""}, ${words} words): ${trace.length} candidates, ${passed} passed, ${questions.length} kept, ${above} above recall (${really} not who-said in disguise), ${skills.size} skills [${[...skills].join(", ")}]`;
  if (summary) {
    process.stdout.write(`${head}\n`);
    continue;
  }
  const out = [`\n=== ${head}`];
  const byGenerator = new Map<string, typeof trace>();
  for (const t of trace) byGenerator.set(t.question.generator, [...(byGenerator.get(t.question.generator) ?? []), t]);
  for (const [generator, list] of byGenerator) {
    out.push(`  -- ${generator}: ${list.length} made, ${list.filter((t) => t.kept).length} kept`);
    for (const t of list) {
      if (!all && !t.kept && t.problems.length === 0 && !t.pairDropped) {
        out.push(`    [passed, not kept] ${t.question.prompt.slice(0, 140)}`);
        continue;
      }
      const status = t.kept ? "KEPT" : t.pairDropped ? "DROPPED (its pair failed)" : t.problems.length ? `DROPPED: ${t.problems.join("; ")}` : "passed, not kept";
      out.push(`    [${status}] (${t.question.skills.join("/")}) ${show(t.question)}`);
      if (t.kept) out.push(`      evidence: ${t.question.evidence}`);
    }
  }
  process.stdout.write(`${out.join("\n")}\n`);
}
