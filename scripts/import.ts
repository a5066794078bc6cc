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
import { decodeNonEmpty } from "../lib/import/decode";
import { ImportError, MAX_INPUT_BYTES } from "../lib/import/types";

// Only Node built-ins and the byte checks load up front: bad input is refused
// before the language libraries (a few MB of JavaScript) are loaded. The
// launcher (scripts/import-launcher.mjs) runs this file compiled.

const SHARED_FILES = ["topics.yaml", "glossary.yaml", "timeline.yaml", "actors.yaml"];

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
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

  const bytes = fs.readFileSync(file);
  try {
    decodeNonEmpty(bytes);
  } catch (error) {
    if (error instanceof ImportError) fail(error.message);
    throw error;
  }

  const [{ tryDraftFromArticle }, { draftToContent }, { default: YAML }, { glossaryFileSchema }] = await Promise.all([
    import("../lib/import"),
    import("../lib/import/to-content"),
    import("yaml"),
    import("../lib/content/schema"),
  ]);
  const contentDir = path.resolve("content");
  // Only the glossary is needed, not the whole curriculum.
  const glossaryFile = glossaryFileSchema.safeParse(YAML.parse(fs.readFileSync(path.join(contentDir, "glossary.yaml"), "utf8")));
  if (!glossaryFile.success) fail("content/glossary.yaml is not valid; run npm run content:check");
  const result = tryDraftFromArticle(
    {
      content: bytes,
      ...(values.title ? { title: values.title } : {}),
      ...(values.date ? { date: values.date } : {}),
      ...(values.source ? { outlet: values.source } : {}),
      ...(values.author ? { author: values.author } : {}),
      ...(values.url ? { url: values.url } : {}),
    },
    { glossary: glossaryFile.data.terms },
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

try {
  await main();
} catch (error) {
  // A bug in the importer must not print the minified bundle at a teacher: one line, and the stack only on request.
  if (process.env.DEBUG_IMPORT) console.error(error);
  fail(`the importer failed on this text (${error instanceof Error ? error.message : String(error)}). Please report it with the file; set DEBUG_IMPORT=1 for details.`);
}
