/**
 * Genre on real pages (issue 13, import v2.6): in the sixth blind rating both unlabelled columns and both analyses
 * came out "news". Real columns rarely say "should" three times or name their critics; they concede a point, take a
 * stance in the first person and talk to the reader, in contractions. Real explainers explain causes densely and head
 * their parts "Why …" without a question mark, a heading that plain-text extraction drops. Fixtures are our own
 * (tests/fixtures/genres).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromArticle } from "@/lib/import";
import { extractArticle } from "@/lib/import/extract";
import { opinionAsFactProblem } from "@/lib/import/gates/opinion-fact";
import type { DraftQuestion } from "@/lib/import/types";
import { detectGenre } from "@/lib/import/genre";

const read = (name: string) => fs.readFileSync(path.join(path.resolve("tests/fixtures/genres"), name), "utf8");

describe("genre from the moves of an argument and the shape of an explainer (v2.6)", { timeout: 60_000 }, () => {
  it("reads a restrained column with no label, no \"should\" and no named critics as opinion, with certainty", () => {
    const article = extractArticle({ content: read("column-restrained-argument.txt") });
    expect(article.genre).toBe("opinion");
    expect(article.genreCertain).toBe(true);
    const verdict = detectGenre({ title: article.title, paragraphs: article.paragraphs, paragraphKinds: article.paragraphKinds });
    expect(verdict.cues.join(" | ")).toMatch(/the moves of an argument \(a concession, a stance in the first person, the reader addressed\)/);
    expect(verdict.cues.join(" | ")).toMatch(/a conversational register/);
    // Its lead states the news the column argues about: with three moves of an argument it is not a feature's scene.
    expect(verdict.cues).not.toContain("feature: scene-setting lead");
  });

  it("keeps a news story whose speakers and a pasted post make those moves as news, with certainty", () => {
    const article = extractArticle({ content: read("news-quoted-argument.txt") });
    expect(article.genre).toBe("news");
    expect(article.genreCertain).toBe(true);
    const verdict = detectGenre({ title: article.title, paragraphs: article.paragraphs, paragraphKinds: article.paragraphKinds });
    expect(verdict.scores.opinion).toBeLessThanOrEqual(1);
  });

  it("reads a pasted explainer whose \"Why …\" headings extraction drops as analysis, with certainty", () => {
    const raw = read("explainer-why-heading.txt");
    const article = extractArticle({ content: raw });
    expect(article.genre).toBe("analysis");
    expect(article.genreCertain).toBe(true);
    const verdict = detectGenre({ title: article.title, paragraphs: article.paragraphs, pageText: raw });
    expect(verdict.cues.join(" | ")).toMatch(/explains causes \(\d+ causal links\)/);
    expect(verdict.cues.join(" | ")).toMatch(/2 heading\(s\) that explain/);
    // Without the page's own lines only the causes count.
    expect(detectGenre({ title: article.title, paragraphs: article.paragraphs }).cues.join(" | ")).not.toMatch(/heading\(s\) that explain/);
  });

  const report = [
    "The county board voted 4-1 on Monday to extend the library's weekend hours through June, the board's clerk said.",
    "The extension costs $84,000, which will come from the reserve fund, according to the budget office.",
    "Board member Iris Tan voted against it, saying the reserve was set aside for repairs.",
    "The longer hours start on Saturday, the library said.",
  ];
  const argued = [
    "The county board finally extended the library's weekend hours, and it's about time.",
    "It's true that the money comes from the reserve. Reserves exist for needs like this one.",
    "I don't think anyone who has seen the Saturday line outside the branch would call it a luxury.",
    "You could read the 4-1 vote as a close call. It wasn't: the one no vote was about repairs, not about the hours.",
    "Let's hope the board remembers this in June.",
  ];

  it("counts a blog post's metadata for opinion only together with the text's own cues", () => {
    const blogged = detectGenre({ title: "Weekend hours, at last", paragraphs: argued, schemaType: "BlogPosting" });
    expect(blogged.genre).toBe("opinion");
    expect(blogged.cues).toContain("opinion: a blog post");
    expect(detectGenre({ title: "Board extends library hours", paragraphs: report, schemaType: "BlogPosting" }).genre).toBe("news");
    expect(detectGenre({ title: "Board extends library hours", paragraphs: report, url: "https://example.org/blog/2026/04/library-hours" }).cues).toContain("opinion: a blog post");
    // A newsroom's live blog is news.
    expect(detectGenre({ title: "Board extends library hours", paragraphs: report, url: "https://example.org/live-blog/library-hours" }).cues).not.toContain("opinion: a blog post");
  });

  it("reads a page labelled ReportageNewsArticle, or in an \"Ideas\" or \"Voices\" section, by its label", () => {
    expect(detectGenre({ title: "Weekend hours, at last", paragraphs: argued, schemaType: "ReportageNewsArticle" }).scores.news).toBeGreaterThanOrEqual(3);
    expect(detectGenre({ title: "Board extends library hours", paragraphs: report, section: "Ideas" }).cues).toContain('opinion: section "Ideas"');
    expect(detectGenre({ title: "Board extends library hours", paragraphs: report, url: "https://example.org/voices/library-hours" }).cues).toContain("opinion: URL path /voices/library-hours");
  });

  it("does not take a closing line that reports what advisers say for a contributor's bio", () => {
    const pageText = `Board extends library hours\n\n${report.join("\n\n")}\n\nTan is the only member who has voted against every extension since 2024, her aides say.`;
    expect(detectGenre({ title: "Board extends library hours", paragraphs: report, pageText }).cues.join(" | ")).not.toMatch(/contributor's bio/);
  });
});

describe("a column's granted point and the author's answer (v2.6)", { timeout: 120_000 }, () => {
  const grantItems = (raw: string) => draftFromArticle({ content: raw }, { glossary: [] }).questions.filter((q) => q.prompt.startsWith("The author grants a point"));

  it("asks for the author's answer to a point the column grants (\"It's true that …\" then \"But …\")", () => {
    const items = grantItems(read("column-restrained-argument.txt"));
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.type).toBe("single");
    if (item.type !== "single") return;
    expect(item.prompt).toContain("It’s true that the landing sale wasn’t the only issue.");
    const key = item.choices.find((c) => c.id === item.answer)!.text;
    // The key drops its opening "But", which would give it away among statements that open without a turn.
    expect(key).toBe("A district doesn’t swing by 2,300 votes because of a school levy.");
    expect(item.evidence).toBe("But a district doesn’t swing by 2,300 votes because of a school levy.");
    expect(item.skills[0]).toBe("perspective");
    // The wrong choices come from other parts of the column, never from the closing bio, and none opens with a turn.
    for (const choice of item.choices.filter((c) => c.id !== item.answer)) {
      expect(choice.text).not.toMatch(/^Tomas Welling/);
      expect(choice.text).not.toMatch(/^(?:But|Yet|Still|However)\b/);
      expect(choice.text).not.toMatch(/sale wasn’t the only issue|school levy/);
    }
  });

  it("makes no such item from a news story whose speaker grants a point in a quotation, or from a grant answered in the same sentence", () => {
    expect(grantItems(read("news-quoted-argument.txt"))).toEqual([]);
    const oneSentence = read("column-restrained-argument.txt")
      .replace(/It’s true that the landing sale wasn’t the only issue\./, "It’s true that the landing sale wasn’t the only issue, but it was the one on every sign.")
      .replace(/Yes, there’s a risk that the new commission overcorrects and freezes every project on the waterfront for years\./, "The new commission could overcorrect and freeze every project on the waterfront for years.");
    expect(grantItems(oneSentence)).toEqual([]);
  });
});

describe("a writer's forecast is never a true/false fact in a column or an analysis (v2.6)", () => {
  const tf = (evidence: string, prompt = `True or false? ${evidence}`): DraftQuestion => ({
    id: "q1",
    type: "true_false",
    prompt,
    answer: true,
    explanation: "",
    skills: ["recall"],
    difficulty: 1,
    generator: "true-false-original",
    score: 1,
    evidence,
    evidenceAnchor: "p1",
  });
  const forecast = "The lessons learned in Dunmore County could also guide other fast-growing counties that face the same bills.";

  it("drops the forecast in an analysis or a column, keeps it in a news story, and keeps a reported or attributed one", () => {
    expect(opinionAsFactProblem(tf(forecast), false, "analysis")).toMatch(/forecast/);
    expect(opinionAsFactProblem(tf("The former commissioner may soon face a second recall."), false, "opinion")).toMatch(/forecast/);
    expect(opinionAsFactProblem(tf(forecast), false, "news")).toBeUndefined();
    expect(opinionAsFactProblem(tf("The utility said the new plant could open in 2028."), false, "analysis")).toBeUndefined();
    expect(opinionAsFactProblem(tf(forecast, `True or false? According to the author, ${forecast}`), false, "analysis")).toBeUndefined();
    // A checkable past fact in an analysis stays.
    expect(opinionAsFactProblem(tf("Water bills in Dunmore County rose by an average of 18 percent in July."), false, "analysis")).toBeUndefined();
  });
});
