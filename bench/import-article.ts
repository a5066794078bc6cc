/** The ~1,550-word benchmark article (bench-import.ts, import-golden.ts): the fixtures' wire story, explainer and feature, cut at 1,600 words. */
import fs from "node:fs";
import path from "node:path";

export function benchmarkArticle(): string {
  const dir = path.resolve("tests/fixtures/articles");
  const bodies = ["wire-story.txt", "explainer.txt", "feature.md"].map((f) => fs.readFileSync(path.join(dir, f), "utf8").split(/\n\s*\n/).slice(1));
  const paragraphs: string[] = [];
  let words = 0;
  for (const paragraph of bodies.flat()) {
    if (words >= 1600) break;
    const clean = paragraph.replace(/^#+\s.*$/gm, "").replace(/[*_]/g, "").trim();
    if (!clean) continue;
    paragraphs.push(clean);
    words += clean.split(/\s+/).length;
  }
  return `Benchmark article\n\n${paragraphs.join("\n\n")}`;
}
