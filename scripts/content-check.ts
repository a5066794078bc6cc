/**
 * `npm run content:check [dir]`: validates content/ and prints every problem
 * with file and field; exits 1 when there is any.
 */
import path from "node:path";
import { checkContent } from "../lib/content/check";
import { loadContent } from "../lib/content/load";

const dir = path.resolve(process.argv[2] ?? "content");
const { content, problems } = loadContent(dir);
const all = [...problems, ...checkContent(content)];

for (const lesson of content.lessons) {
  const grades = lesson.levels.map((l) => `level ${l.level}: FK ${l.stats.fkGrade} (${l.stats.words} words)`).join(", ");
  console.log(`lesson ${lesson.meta.slug}: ${grades}`);
}
const questionCount = content.quizzes.reduce((n, q) => n + q.questions.length, 0);
console.log(
  `${content.lessons.length} lessons (${content.lessons.filter((l) => l.guide).length} with a teacher's guide), ${content.quizzes.length} quizzes, ${questionCount} questions, ${content.glossary.length} glossary terms, ${content.timeline.length} timeline events, ${content.actors.length} actors`,
);

if (all.length > 0) {
  console.error(`\n${all.length} problem${all.length === 1 ? "" : "s"}:`);
  for (const p of all) console.error(`  ${p.file}: ${p.field}: ${p.message}`);
  process.exit(1);
}
console.log("content OK");
