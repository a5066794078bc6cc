/**
 * Dev check for word senses and blanks (`npx tsx scripts/import-review.ts <file or folder>…`): drafts each article
 * as the import CLI does and prints every lesson glossary entry, vocabulary item and fill-in-the-blank item with its
 * sentence, sense and accepted answers, for a teacher's eye. `--json` prints the same as JSON lines instead, for
 * counting before and after a change. Reads files in place and writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { glossaryFileSchema } from "../lib/content/schema";
import { tryDraftFromArticle } from "../lib/import";

const args = process.argv.slice(2);
const json = args.includes("--json");
const files = args
  .filter((a) => a !== "--json")
  .flatMap((p) => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).map((f) => path.join(p, f)) : [p]))
  .filter((f) => /\.(txt|md|html?)$/.test(f) && !/README/.test(f))
  .sort();
const glossary = glossaryFileSchema.parse(YAML.parse(fs.readFileSync(path.resolve("content/glossary.yaml"), "utf8"))).terms;

for (const file of files) {
  const result = tryDraftFromArticle({ content: fs.readFileSync(file) }, { glossary });
  if (!result.ok) {
    process.stdout.write(`${file}: ${result.error.message}\n`);
    continue;
  }
  const { draft } = result;
  const glossaryEntries = draft.lesson.vocabulary.map((v) => ({ term: v.term, found: v.found ?? v.term, source: v.source, definition: v.definition, sentence: v.sentence }));
  const vocabulary = draft.questions
    .filter((q) => q.type === "single" && q.skills[0] === "vocabulary")
    .map((q) => (q.type === "single" ? { prompt: q.prompt, key: q.choices.find((c) => c.id === q.answer)?.text, others: q.choices.filter((c) => c.id !== q.answer).map((c) => c.text) } : undefined));
  const blanks = draft.questions.flatMap((q) => (q.type === "cloze" ? [{ text: q.text, accepted: Object.values(q.answer).flat() }] : []));
  if (json) {
    process.stdout.write(`${JSON.stringify({ file, title: draft.title, headings: draft.lesson.sections.map((s) => s.title), glossary: glossaryEntries, vocabulary, blanks })}\n`);
    continue;
  }
  const out: string[] = [`\n=== ${file}  —  "${draft.title}" (${draft.genre}; ${draft.questions.length} kept)`];
  if (draft.lesson.sections.length > 1) out.push(`  headings: ${draft.lesson.sections.map((s) => s.title).join(" | ")}`);
  for (const g of glossaryEntries) out.push(`  GLOSS [${g.source}] ${g.term}${g.found !== g.term ? ` (${g.found})` : ""}: ${g.definition}\n      in: ${g.sentence}`);
  for (const v of vocabulary) out.push(`  VOCAB ${v?.prompt}\n      key: ${v?.key}\n      other: ${v?.others.join(" / ")}`);
  for (const b of blanks) out.push(`  BLANK ${b.text}\n      accepted: ${b.accepted.join(" | ")}`);
  process.stdout.write(`${out.join("\n")}\n`);
}
