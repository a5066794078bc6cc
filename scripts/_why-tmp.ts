import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { glossaryFileSchema } from "../lib/content/schema";
import { analyzeArticle } from "../lib/import/analyze";
import { extractArticle } from "../lib/import/extract";
import { generateQuestions } from "../lib/import/generate-questions";
import { stemGivesAwayKey, giveAwaysIn } from "../lib/import/gates/overlap";
import { isTrivialRecall } from "../lib/import/rank";
const glossary = glossaryFileSchema.parse(YAML.parse(fs.readFileSync(path.resolve("content/glossary.yaml"), "utf8"))).terms;
for (const file of process.argv.slice(2)) {
  const article = extractArticle({ content: fs.readFileSync(file) });
  const analysis = analyzeArticle(article, { glossary, ...(article.date ? { articleDate: article.date } : {}) });
  const { trace = [] } = generateQuestions(analysis, { trace: true });
  const passed = trace.filter((t) => !t.problems.length && !t.pairDropped).map((t) => t.question);
  console.log("==", path.basename(file));
  for (const q of passed) { const g = stemGivesAwayKey(q); if (g) console.log("  SELF", q.generator, g, "|", q.prompt.slice(0, 140)); if (isTrivialRecall(q)) console.log("  TRIVIAL", q.generator, "|", q.prompt.slice(0, 140), "|", q.evidence.slice(0,100)); }
  const kept = trace.filter((t) => t.kept).map((t) => t.question);
  for (const p of giveAwaysIn(kept)) console.log("  KEPT-PROBLEM", p.reason, p.drop.prompt.slice(0, 100));
}
