import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { loadContent, type ContentProblem } from "@/lib/content/load";
import { LEVEL_INFO, evidenceAnchors } from "@/lib/content/schema";

const VALID = path.resolve("tests/fixtures/content-valid");

/** Copies the valid fixture to a temp dir and applies one edit to one file. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "content-broken-"));
  fs.cpSync(VALID, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`edit changed nothing in ${file}`);
  fs.writeFileSync(target, after);
  return dir;
}

function problemsIn(dir: string): ContentProblem[] {
  const { content, problems } = loadContent(dir);
  return [...problems, ...checkContent(content)];
}

describe("the real curriculum", () => {
  const { content, problems } = loadContent();
  const all = [...problems, ...checkContent(content)];

  it("has no content problems", () => {
    expect(all).toEqual([]);
  });

  it("meets the size the curriculum promises", () => {
    expect(content.glossary.length).toBeGreaterThanOrEqual(35);
    expect(content.timeline.length).toBeGreaterThanOrEqual(25);
    expect(content.actors.length).toBeGreaterThanOrEqual(12);
    const years = content.timeline.map((e) => Number(e.date.slice(0, 4)));
    expect(Math.min(...years)).toBe(1950);
    expect(Math.max(...years)).toBe(2018);
    expect(content.lessons.map((l) => l.meta.slug)).toEqual(["who-is-responsible", "sanctions", "thaad", "six-party-talks", "reading-the-news"]);
    for (const quiz of content.quizzes) expect(quiz.questions.length, quiz.id).toBeGreaterThanOrEqual(12);
  });

  it("retells the article at three levels with the same anchors and each level's grade in its band", () => {
    const article = content.lessons.find((l) => l.meta.slug === "who-is-responsible")!;
    expect(article.levels.map((l) => l.level)).toEqual([1, 2, 3]);
    const anchors = article.levels.map((l) => l.body.sections.flatMap((s) => s.paragraphs.map((p) => p.anchor)).join(","));
    expect(new Set(anchors).size).toBe(1);
    for (const level of article.levels) {
      const band = LEVEL_INFO[level.level];
      expect(level.stats.fkGrade, `level ${level.level}`).toBeGreaterThanOrEqual(band.fkMin);
      expect(level.stats.fkGrade, `level ${level.level}`).toBeLessThanOrEqual(band.fkMax);
    }
    const grades = article.levels.map((l) => l.stats.fkGrade);
    expect(grades[0]!).toBeLessThan(grades[1]!);
    expect(grades[1]!).toBeLessThan(grades[2]!);
  });

  it("mixes the question types and tags every question", () => {
    const types = new Set(content.quizzes.flatMap((q) => q.questions.map((question) => question.type)));
    expect([...types].sort()).toEqual(["cloze", "matching", "multiple", "numeric", "ordering", "short_answer", "single", "true_false"]);
    for (const quiz of content.quizzes) {
      for (const question of quiz.questions) {
        expect(question.explanation.length, question.id).toBeGreaterThan(20);
        expect(question.skills.length, question.id).toBeGreaterThan(0);
      }
    }
  });

  it("ships a teacher's guide for every lesson, its misconceptions backed by the quiz's wrong-answer feedback", () => {
    for (const lesson of content.lessons) {
      expect(lesson.guide, lesson.meta.slug).toBeDefined();
      expect(lesson.guide!.plan.reduce((sum, step) => sum + step.minutes, 0)).toBe(45);
      expect(lesson.guide!.discussion.every((d) => d.strongAnswers.length >= 2)).toBe(true);
      expect(lesson.guide!.misconceptions.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("cites every paragraph of the answers the fact-check found only partly supported", () => {
    const byId = new Map(content.quizzes.flatMap((quiz) => quiz.questions.map((q) => [q.id, q] as const)));
    const anchors = (id: string) => evidenceAnchors(byId.get(id)!.evidence);
    expect(anchors("sanc-q10")).toEqual(["p10", "p11", "p12"]);
    expect(anchors("thaad-q07")).toEqual(["p5", "p6", "p7", "p8", "p9"]);
    expect(anchors("thaad-q11")).toEqual(["p11", "p15", "p18"]);
    expect(anchors("thaad-q12")).toEqual(["p13", "p14"]);
    expect(anchors("spt-q09")).toEqual(["p4", "p7", "p9", "p10", "p12", "p13", "p15"]);
    expect(anchors("spt-q15")).toEqual(["p17", "p19", "p20"]);
  });

  it("credits the original CBS News report in the article lesson", () => {
    const article = content.lessons.find((l) => l.meta.slug === "who-is-responsible")!;
    expect(article.meta.sources.some((s) => s.publisher === "CBS News" && s.url?.includes("cbsnews.com"))).toBe(true);
  });
});

describe("content checks fail loudly on broken content", () => {
  it("accepts the valid fixture", () => {
    expect(problemsIn(VALID)).toEqual([]);
  });

  const cases: { name: string; file: string; edit: (t: string) => string; expect: { file?: string; field?: string; message: RegExp } }[] = [
    { name: "answer not among the choices", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("    answer: a\n", "    answer: z\n"), expect: { file: "quizzes/mini-quiz.yaml", field: "questions[0 mini-q1].answer", message: /"z" is not one of the choice ids/ } },
    { name: "evidence anchor that does not exist", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("evidence: p1\n    topic: sanctions\n    skills: [recall]\n    difficulty: 1", "evidence: p9\n    topic: sanctions\n    skills: [recall]\n    difficulty: 1"), expect: { field: "questions[0 mini-q1].evidence", message: /unknown paragraph anchor "p9"/ } },
    { name: "duplicate question id", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("id: mini-q2", "id: mini-q1"), expect: { field: "questions[1 mini-q1].id", message: /duplicate question id/ } },
    { name: "cloze blank without answers", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace('votes: ["9", "nine"]', 'ballots: ["9"]'), expect: { message: /blank "votes" has no accepted answers/ } },
    { name: "unknown glossary term in text", file: "lessons/mini/level-2.md", edit: (t) => t.replace("[[veto]]", "[[filibuster]]"), expect: { field: "{#p1}", message: /unknown term "filibuster"/ } },
    { name: "unknown vocabulary id", file: "lessons/mini/lesson.yaml", edit: (t) => t.replace("vocabulary: [veto]", "vocabulary: [vetoo]"), expect: { field: "vocabulary[0]", message: /unknown glossary term "vetoo"/ } },
    { name: "missing required field", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("    explanation: Fifteen members; nine votes.\n", ""), expect: { field: "questions[1 mini-q2].explanation", message: /./ } },
    { name: "invalid YAML", file: "glossary.yaml", edit: (t) => t.replace("terms:", "terms: [unclosed"), expect: { file: "glossary.yaml", field: "(file)", message: /invalid YAML/ } },
    { name: "paragraph without anchor", file: "lessons/mini/level-2.md", edit: (t) => t.replace("{#p2} ", ""), expect: { message: /does not start with an anchor/ } },
    { name: "a level that doesn't match the file name", file: "lessons/mini/level-2.md", edit: (t) => t.replace("level: 2", "level: 3"), expect: { field: "level", message: /level 3 does not match the file name/ } },
    { name: "a spanning answer that cites only one of its paragraphs", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("evidence: [p1, p2]", "evidence: p1"), expect: { field: "questions[2 mini-q3].evidence", message: /rests on p1, p2 but evidence does not cite p2/ } },
    { name: "an ordering item without its own anchor", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("      argue: p2\n", ""), expect: { field: "questions[2 mini-q3].evidenceFor", message: /every ordering item names its own anchor; missing for "argue"/ } },
    { name: "a cloze without per-blank anchors", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("    evidenceFor: { members: p1, votes: p1 }\n", ""), expect: { field: "questions[1 mini-q2].evidenceFor", message: /every blank names its own anchor; missing for "members", "votes"/ } },
    { name: "evidenceFor naming something that is not part of the answer", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("      vote: p1\n", "      vote: p1\n      veto: p2\n"), expect: { field: "questions[2 mini-q3].evidenceFor.veto", message: /"veto" is not a ordering item/ } },
    { name: "an evidence anchor no part needs", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("      argue: p2\n", "      argue: p1\n"), expect: { field: "questions[2 mini-q3].evidence", message: /cites p2, which no part of the answer names/ } },
    { name: "evidenceFor on a one-claim question", file: "quizzes/mini-quiz.yaml", edit: (t) => t.replace("    evidence: p1\n    topic: sanctions\n    skills: [recall]\n    difficulty: 1", "    evidence: p1\n    evidenceFor: { a: p1 }\n    topic: sanctions\n    skills: [recall]\n    difficulty: 1"), expect: { field: "questions[0 mini-q1]", message: /evidenceFor/ } },
    { name: "a teacher's plan that does not add up to 45 minutes", file: "lessons/mini/teacher-guide.yaml", edit: (t) => t.replace("minutes: 13", "minutes: 20"), expect: { field: "plan", message: /minutes add up to 52, not 45/ } },
    { name: "a teacher's plan with its phases out of order", file: "lessons/mini/teacher-guide.yaml", edit: (t) => t.replace("phase: warm-up", "phase: quiz").replace("phase: quiz, minutes: 13", "phase: warm-up, minutes: 13"), expect: { field: "plan", message: /phases must be warm-up, reading, discussion, quiz/ } },
    { name: "a misconception tied to a question of another quiz", file: "lessons/mini/teacher-guide.yaml", edit: (t) => t.replace("questions: [mini-q1]\n  - misconception: A simple", "questions: [sanc-q01]\n  - misconception: A simple"), expect: { field: "misconceptions[0].questions[0]", message: /"sanc-q01" is not a question of this lesson's quiz/ } },
    { name: "a misconception tied to a question without wrong-answer feedback", file: "lessons/mini/teacher-guide.yaml", edit: (t) => t.replace("questions: [mini-q1]\n  - misconception: A simple", "questions: [mini-q2]\n  - misconception: A simple"), expect: { field: "misconceptions[0].questions[0]", message: /"mini-q2" has no wrong-answer feedback/ } },
    { name: "a discussion question citing an unknown paragraph", file: "lessons/mini/teacher-guide.yaml", edit: (t) => t.replace("evidence: [p1]", "evidence: [p9]"), expect: { field: "discussion[0].evidence[0]", message: /unknown paragraph anchor "p9"/ } },
    { name: "a teacher's guide missing its extension", file: "lessons/mini/teacher-guide.yaml", edit: (t) => t.replace(/extension:[\s\S]*$/, ""), expect: { field: "extension", message: /./ } },
    { name: "check after an unknown section", file: "lessons/mini/lesson.yaml", edit: (t) => t.replace("after: s-votes", "after: s-nowhere"), expect: { field: "checks[0 check-1].after", message: /unknown section/ } },
  ];

  for (const testCase of cases) {
    it(`reports ${testCase.name} with file and field`, () => {
      const problems = problemsIn(brokenCopy(testCase.file, testCase.edit));
      const match = problems.find((p) => testCase.expect.message.test(p.message) && (!testCase.expect.field || p.field === testCase.expect.field));
      expect(match, JSON.stringify(problems, null, 2)).toBeDefined();
      expect(match!.file).toContain(testCase.expect.file ?? testCase.file);
    });
  }

  it("reports a reading grade outside its level's band", () => {
    const dir = brokenCopy("lessons/mini/level-2.md", (t) => t.replace("level: 2", "level: 1"));
    fs.renameSync(path.join(dir, "lessons/mini/level-2.md"), path.join(dir, "lessons/mini/level-1.md"));
    const problems = problemsIn(dir);
    expect(problems.some((p) => p.file.endsWith("level-1.md") && /grade 8\.8 is outside 5–8 for level 1/.test(p.message))).toBe(true);
  });

  it("reports leveled lessons whose anchors differ between levels", () => {
    const dir = brokenCopy("lessons/mini/level-2.md", (t) => `${t}\n`);
    const level2 = fs.readFileSync(path.join(dir, "lessons/mini/level-2.md"), "utf8");
    fs.writeFileSync(path.join(dir, "lessons/mini/level-3.md"), level2.replace("level: 2", "level: 3").replace("{#p2}", "{#p3}"));
    const problems = problemsIn(dir);
    expect(problems.some((p) => p.file.endsWith("level-3.md") && /missing p2; extra p3/.test(p.message))).toBe(true);
  });

  it("content:check exits non-zero and prints every problem with file and field", async () => {
    const dir = brokenCopy("quizzes/mini-quiz.yaml", (t) => t.replace("    answer: a\n", "    answer: z\n").replace("evidence: [p1, p2]", "evidence: [p1, p7]"));
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/content-check.ts", dir]);
    await expect(run).rejects.toMatchObject({ code: 1 });
    const error = (await run.catch((e: unknown) => e)) as { stderr: string };
    expect(error.stderr).toMatch(/4 problems/);
    expect(error.stderr).toMatch(/mini-quiz\.yaml: questions\[0 mini-q1\]\.answer: "z" is not one of the choice ids/);
    expect(error.stderr).toMatch(/mini-quiz\.yaml: questions\[2 mini-q3\]\.evidence: unknown paragraph anchor "p7"/);
    // The answer spans p1 and p2: citing p7 instead of p2 breaks the coverage rule both ways.
    expect(error.stderr).toMatch(/mini-quiz\.yaml: questions\[2 mini-q3\]\.evidence: the answer rests on p1, p2 but evidence does not cite p2/);
    expect(error.stderr).toMatch(/mini-quiz\.yaml: questions\[2 mini-q3\]\.evidence: cites p7, which no part/);
  });
});
