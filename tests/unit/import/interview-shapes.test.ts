/**
 * Interview shapes seen on real pages (issue 13, after the sixth blind rating): a print Q&A whose questions are bold
 * paragraphs (some of them statements, not questions) after a guest's opening statement; a podcast panel pasted line by
 * line with first-name labels, where the hosts talk at length; a press conference's "Q Mr. Mayor, …" with no colon.
 * Fixtures are our own: `tests/fixtures/interview/bold-questions-county-clerk.md`, `podcast-panel-transit.md`.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/import/analyze";
import { declaredRoles, labelOf } from "@/lib/import/analyze/turns";
import { extractArticle } from "@/lib/import/extract";
import { Context } from "@/lib/import/generators/common";
import { interviewQuestions } from "@/lib/import/generators/interview";
import { draftFromArticle } from "@/lib/import";
import type { ArticleAnalysis, ExtractedArticle } from "@/lib/import/types";

const DIR = path.resolve(__dirname, "../../fixtures/interview");

function load(file: string): { article: ExtractedArticle; analysis: ArticleAnalysis } {
  const article = extractArticle({ content: fs.readFileSync(path.join(DIR, file)) });
  return { article, analysis: analyzeArticle(article, { glossary: [] }) };
}
/** A single-choice item's key and wrong choices. */
function keyOf(item: unknown): { key: string; wrong: string[] } {
  const q = item as { choices: { id: string; text: string }[]; answer: string };
  return { key: q.choices.find((c) => c.id === q.answer)!.text, wrong: q.choices.filter((c) => c.id !== q.answer).map((c) => c.text) };
}
function turnOf(article: ExtractedArticle, analysis: ArticleAnalysis, text: string) {
  const index = article.paragraphs.findIndex((p) => p.includes(text));
  expect(index, text).toBeGreaterThanOrEqual(0);
  return analysis.transcript?.turns.find((t) => t.paragraph === index);
}

beforeAll(() => {
  load("bold-questions-county-clerk.md");
}, 120_000);

describe("print Q&A with bold questions", () => {
  it("keeps which paragraphs the page set wholly in bold, a bold statement too, and not a paragraph with a bold label", () => {
    const { article } = load("bold-questions-county-clerk.md");
    const bold = new Set(article.boldParagraphs);
    const at = (text: string) => article.paragraphs.findIndex((p) => p.includes(text));
    expect(bold.has(at("Where does that stand now?"))).toBe(true);
    expect(bold.has(at("In March, the county board voted 4 to 1"))).toBe(true);
    expect(bold.has(at("We are in much better shape."))).toBe(false);
    const answer = "<p>Because the buses are full by seven every morning, the waiting lists keep growing in every part of the county, and the state grant we won last spring can only be spent on new service, not on the routes we already run.</p>";
    const html = extractArticle({ content: Buffer.from(`<html><body><article><h1>The transit chief on the express line</h1><p><strong>Why build an express line now?</strong></p>${answer}<p><b>Mercer:</b> We will see about that in the spring, when the first riders have tried it and the council looks at the numbers again.</p>${answer}</article></body></html>`) });
    expect(html.boldParagraphs).toEqual([0]);
  });

  it("reads every bold paragraph as the interviewer's and the guest's opening statement as the guest's", () => {
    const { article, analysis } = load("bold-questions-county-clerk.md");
    expect(analysis.transcript?.shape).toBe("bold");
    expect(turnOf(article, analysis, "In March, the county board voted")?.role).toBe("interviewer");
    expect(turnOf(article, analysis, "First of all, I want to thank")).toMatchObject({ role: "guest", speaker: "Rosa Lindqvist" });
    expect(turnOf(article, analysis, "We also have to be honest")).toMatchObject({ role: "guest", speaker: "Rosa Lindqvist" });
    expect(turnOf(article, analysis, "paused and looked at her deputy")?.role).toBe("narration");
    expect(turnOf(article, analysis, "The 45-minute conversation")?.role).toBe("intro");
  });

  it("credits no quotation inside an answer to someone else, and asks nothing about the interviewer's statements", () => {
    const { article, analysis } = load("bold-questions-county-clerk.md");
    expect(analysis.quotations.find((q) => q.text.includes("finally somebody noticed"))).toBeUndefined();
    const asked = new Set(analysis.transcript!.turns.filter((t) => t.role === "interviewer").map((t) => t.paragraph));
    const ctx = new Context(analysis);
    expect(analysis.sentences.filter((s) => asked.has(s.paragraph) && ctx.eligible(s)).map((s) => s.text)).toEqual([]);
    // "Which of these does Rosa Lindqvist say?": the key is hers; no wrong answer comes from her own turns.
    const items = interviewQuestions(ctx);
    expect(items.length).toBeGreaterThanOrEqual(2);
    const own = new Set(analysis.transcript!.turns.filter((t) => t.role === "guest").map((t) => t.paragraph));
    for (const item of items) {
      const { key, wrong } = keyOf(item);
      const paragraphOf = (text: string) => article.paragraphs.findIndex((p) => p.includes(text.replace(/[.]$/, "")));
      expect(own.has(paragraphOf(key)), key).toBe(true);
      for (const w of wrong) expect(own.has(paragraphOf(w)), w).toBe(false);
    }
  });

  it("drafts no question whose evidence is an interviewer's paragraph, and no true/false on the board's vote as told by the host", () => {
    const draft = draftFromArticle({ content: fs.readFileSync(path.join(DIR, "bold-questions-county-clerk.md")) }, { glossary: [] });
    const { article, analysis } = load("bold-questions-county-clerk.md");
    const asked = new Set(analysis.transcript!.turns.filter((t) => t.role === "interviewer").map((t) => article.paragraphs[t.paragraph]));
    for (const q of draft.questions) {
      if (q.generator === "interview-question" || q.generator === "author-purpose") continue;
      expect([...asked].some((p) => q.evidence && p!.includes(q.evidence)), `${q.generator}: ${q.prompt}`).toBe(false);
    }
  });
});

describe("podcast panel pasted line by line", () => {
  it("splits each labelled line into its own paragraph", () => {
    const { article } = load("podcast-panel-transit.md");
    expect(article.paragraphs.some((p) => p.startsWith("Tom: Hi, Ruth."))).toBe(true);
    expect(article.paragraphs.some((p) => p.includes("studio.") && p.includes("Ruth: We have two guests"))).toBe(false);
  });

  it("takes the hosts and guests the introduction declares, whoever asks", () => {
    expect(declaredRoles(["Podcast hosts Ruth Adeyemi and Tom Kessler | Podcast guests Marisol Vega and Idris Boateng"])).toEqual({ hosts: ["Ruth Adeyemi", "Tom Kessler"], guests: ["Marisol Vega", "Idris Boateng"] });
    expect(declaredRoles(["In this episode, Ruth Adeyemi and Tom Kessler are joined by Marisol Vega and Idris Boateng to ask who pays."])).toEqual({ hosts: ["Ruth Adeyemi", "Tom Kessler"], guests: ["Marisol Vega", "Idris Boateng"] });
    const { article, analysis } = load("podcast-panel-transit.md");
    expect(analysis.transcript?.shape).toBe("labels");
    // Tom's long statement ends in no question, yet he is a host.
    expect(turnOf(article, analysis, "I've covered transit for a long time")?.role).toBe("interviewer");
    expect(turnOf(article, analysis, "Collecting fares costs money too")).toMatchObject({ role: "guest", speaker: "Marisol Vega" });
    // A guest the article finds no person for is credited to no one, never to the other guest.
    for (const q of analysis.quotations.filter((q) => q.resolvedBy === "interview")) expect(q.text).not.toMatch(/payroll tax|fix frequency first|fifth of our operating budget/);
    expect(analysis.quotations.some((q) => /Tom|fare is often the smallest problem/.test(q.text) && q.resolvedBy === "interview")).toBe(false);
  });

  it("never keys a greeting or a self-introduction", () => {
    const { analysis } = load("podcast-panel-transit.md");
    for (const item of interviewQuestions(new Context(analysis))) {
      const { key } = keyOf(item);
      expect(key).not.toMatch(/^(?:Hi|Hello)\b|I'm Marisol Vega|My name is/);
    }
  });
});

describe("press conference", () => {
  it("reads “Q Mr. Mayor, …” (a Q with no colon) as the reporters' turn and credits the answers to no one the remarks name", () => {
    expect(labelOf("Q Mr. Mayor, what do you make of the senator's plan?")).toMatchObject({ name: "Q" });
    expect(labelOf("Q and A sessions ran long.")).toBeUndefined();
    const remarks = "Good afternoon, everybody. Today we are sending the council a budget that keeps every library branch open on Saturdays. I want to thank Senator Ada Whitcomb, who fought for the state grant that made it possible.";
    const text = [
      "Remarks by the Mayor at a Press Conference",
      remarks,
      "Q Thank you, Mr. Mayor. How will the city pay for the Saturday hours?",
      "THE MAYOR: From the state grant, for the first two years, and after that from the savings on the old branch leases.",
      "Q And if the grant runs out early?",
      "THE MAYOR: Then we come back to the council with a plan, in public, before any branch changes its hours.",
      "Q Senator Whitcomb says the grant could be cut next year. Is she wrong?",
      "THE MAYOR: She knows the state budget better than I do, but the grant is written into law for two years.",
    ].join("\n\n");
    const article = extractArticle({ content: Buffer.from(text) });
    const analysis = analyzeArticle(article, { glossary: [] });
    expect(analysis.transcript?.shape).toBe("labels");
    expect(analysis.transcript?.turns.find((t) => article.paragraphs[t.paragraph]?.startsWith("Q And if"))?.role).toBe("interviewer");
    expect(analysis.quotations.filter((q) => q.speaker === "Ada Whitcomb" && /grant is written into law|savings on the old branch/.test(q.text))).toEqual([]);
  });
});
