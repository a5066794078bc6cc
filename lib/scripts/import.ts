/**
 * `npm run -s import -- <file> [--title …] [--date YYYY-MM-DD] [--source …]
 * [--author …] [--url …] [--out <dir>]`: drafts a lesson and quiz from an
 * article file and prints the draft as JSON on stdout (logs go to stderr).
 * With --out, also writes content/-format files into <dir> (a content folder;
 * the shared topics/glossary/timeline/actors files are copied in when missing
 * so `npm run content:check <dir>` can run on it alone).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadContent } from "../content/load";
import { tryDraftFromArticle } from "../import";
import { draftToContent } from "../import/to-content";
import { MAX_INPUT_BYTES } from "../import/types";

const SHARED_FILES = ["topics.yaml", "glossary.yaml", "timeline.yaml", "actors.yaml"];

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(1);
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        title: { type: "string" },
        date: { type: "string" },
        source: { type: "string" },
        author: { type: "string" },
        url: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) {
    process.stderr.write("usage: npm run -s import -- <file> [--title …] [--date YYYY-MM-DD] [--source …] [--author …] [--url …] [--out <dir>]\n");
    process.exit(values.help ? 0 : 1);
  }
  const file = positionals[0]!;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    fail(`cannot read "${file}": no such file`);
  }
  if (!stat.isFile()) fail(`"${file}" is not a file`);
  if (stat.size > MAX_INPUT_BYTES) fail("That file is larger than 2 MB. Save just the article page, or paste the article's text instead.");

  const contentDir = path.resolve("content");
  const { content } = loadContent(contentDir);
  const result = tryDraftFromArticle(
    {
      content: fs.readFileSync(file),
      ...(values.title ? { title: values.title } : {}),
      ...(values.date ? { date: values.date } : {}),
      ...(values.source ? { outlet: values.source } : {}),
      ...(values.author ? { author: values.author } : {}),
      ...(values.url ? { url: values.url } : {}),
    },
    { glossary: content.glossary },
  );
  if (!result.ok) fail(result.error.message);
  const { draft } = result;
  process.stderr.write(`import: "${draft.title}": ${draft.paragraphs.length} paragraphs, ${draft.candidateCount} candidate questions, ${draft.questions.length} kept\n`);
  for (const warning of draft.warnings) process.stderr.write(`import: note: ${warning}\n`);

  if (values.out) {
    const out = path.resolve(values.out);
    const exported = draftToContent(draft, { asOf: new Date().toISOString().slice(0, 10) });
    for (const shared of SHARED_FILES) {
      const target = path.join(out, shared);
      if (!fs.existsSync(target)) {
        fs.mkdirSync(out, { recursive: true });
        fs.copyFileSync(path.join(contentDir, shared), target);
      }
    }
    for (const item of exported.files) {
      const target = path.join(out, item.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, item.contents);
      process.stderr.write(`import: wrote ${path.relative(process.cwd(), target)}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
}

main();
