import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { checkContent } from "@/lib/content/check";
import { loadContent } from "@/lib/content/load";
import { parseLessonMarkdown } from "@/lib/content/markdown";
import { draftFromArticle } from "@/lib/import";
import { draftToContent, levelForGrade } from "@/lib/import/to-content";

const content = loadContent().content;
const FIXTURES = path.resolve("tests/fixtures/articles");

function writeAndCheck(files: { path: string; contents: string }[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-content-"));
  for (const shared of ["topics.yaml", "glossary.yaml", "timeline.yaml", "actors.yaml"]) fs.copyFileSync(path.resolve("content", shared), path.join(dir, shared));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.contents);
  }
  const loaded = loadContent(dir);
  return { loaded, problems: [...loaded.problems, ...checkContent(loaded.content)] };
}

describe("draftToContent", () => {
  it.each(["wire-story.txt", "feature.md", "explainer.txt", "news-page.html"])("writes %s as content that passes content:check", (name) => {
    const draft = draftFromArticle({ content: fs.readFileSync(path.join(FIXTURES, name)) }, { glossary: content.glossary });
    const exported = draftToContent(draft, { asOf: "2024-01-01" });
    expect(exported.files.map((f) => f.path)).toEqual([`lessons/${exported.slug}/lesson.yaml`, `lessons/${exported.slug}/level-${exported.level}.md`, `quizzes/${exported.slug}-quiz.yaml`]);
    const { loaded, problems } = writeAndCheck(exported.files);
    expect(problems).toEqual([]);
    expect(loaded.content.quizzes[0]!.questions).toHaveLength(draft.questions.length);
    // The stored body and the Markdown file are the same lesson.
    expect(loaded.content.lessons[0]!.levels[0]!.body).toEqual(exported.body);
  });

  it("marks the first use of each glossary term and anchors every paragraph", () => {
    const draft = draftFromArticle({ content: fs.readFileSync(path.join(FIXTURES, "wire-story.txt")) }, { glossary: content.glossary });
    const exported = draftToContent(draft, { asOf: "2024-01-01" });
    expect(exported.markdown).toContain("[[sanctions|sanctions]]");
    expect(exported.markdown.match(/\|sanctions\]\]/g)).toHaveLength(1);
    const anchors = exported.body.sections.flatMap((s) => s.paragraphs.map((p) => p.anchor)).filter((a) => a.startsWith("p"));
    expect(anchors).toEqual(draft.paragraphs.map((_, i) => `p${i + 1}`));
    expect(YAML.parse(exported.files[0]!.contents)).toMatchObject({ original: true, topic: "article", quiz: `${exported.slug}-quiz` });
  });

  it("writes the key people and the timeline into the lesson, and objectives that follow the quiz's skills", () => {
    const draft = draftFromArticle({ content: fs.readFileSync(path.join(FIXTURES, "wire-story.txt")), date: "2023-03-21" }, { glossary: content.glossary });
    const exported = draftToContent(draft, { asOf: "2024-01-01" });
    const people = exported.body.sections.find((s) => s.id === "s-people");
    const timeline = exported.body.sections.find((s) => s.id === "s-timeline");
    expect(people?.paragraphs.map((p) => p.plain).join("\n")).toMatch(/Helen Carter, ambassador\. Also called Carter/);
    expect(timeline?.paragraphs).toHaveLength(draft.lesson.timeline.length);
    expect(timeline?.paragraphs[0]?.plain).toMatch(/^June 2016: The first sanctions/);
    const meta = YAML.parse(exported.files[0]!.contents) as { objectives: string[]; summary: string; discussion: string[] };
    expect(meta.objectives).toEqual(draft.lesson.objectives);
    const skills = new Set(draft.questions.flatMap((q) => q.skills));
    if (skills.has("main-idea")) expect(meta.objectives.join(" ")).toMatch(/main idea/);
    expect(meta.summary.split(/(?<=\.)\s+/).length).toBeGreaterThanOrEqual(2);
    expect(meta.discussion.some((d) => d.startsWith("Write: "))).toBe(true);
  });

  it("turns the article's headings into lesson sections", () => {
    const draft = draftFromArticle({ content: fs.readFileSync(path.join(FIXTURES, "opinion-face-cameras.html")) }, { glossary: content.glossary });
    expect(draft.lesson.sections.length).toBeGreaterThanOrEqual(2);
    const exported = draftToContent(draft, { asOf: "2024-01-01" });
    const titles = exported.body.sections.map((s) => s.heading);
    for (const section of draft.lesson.sections) expect(titles).toContain(section.title);
    expect(writeAndCheck(exported.files).problems).toEqual([]);
  });

  it("keeps article characters from becoming markup", () => {
    const draft = draftFromArticle({ content: fs.readFileSync(path.join(FIXTURES, "explainer.txt")) }, { glossary: content.glossary });
    draft.paragraphs[0] = `A *starred* claim, a [[mark]], a <b>tag</b> and {#p9} in text. ${draft.paragraphs[0]}`;
    const exported = draftToContent(draft, { asOf: "2024-01-01" });
    const { problems } = parseLessonMarkdown(exported.markdown.replace(/^---\n[\s\S]*?\n---\n/, ""));
    expect(problems).toEqual([]);
    expect(writeAndCheck(exported.files).problems).toEqual([]);
  });

  it("picks the reading level whose band is nearest the grade", () => {
    expect(levelForGrade(9)).toBe(2);
    expect(levelForGrade(12.5)).toBe(3);
    expect(levelForGrade(18)).toBe(3);
    expect(levelForGrade(6)).toBe(1);
  });
});
