/** True/false items must not give their key away through wording (outside rating, pattern 6). */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { draftFromArticle } from "@/lib/import";
import { analyzeArticle } from "@/lib/import/analyze";
import { entitySwap } from "@/lib/import/generators/true-false";

const paragraphs = [
  "Council member Nadia Petrov proposed the new bus route on Monday, saying riders in the east end had waited long enough.",
  "Council member Luis Ferreira asked for a study of the route's cost before any vote.",
  "Council member Grace Mbeki said the route should also stop at the hospital.",
  "Council member Owen Tasker said the plan would need a second driver on weekends.",
  "Petrov said she expected a vote in April.",
  "Ferreira said the study would take about six weeks.",
  "Mbeki said the hospital had offered to pay for a shelter.",
];

describe("swapped true/false statements", () => {
  const analysis = analyzeArticle(paragraphs, { glossary: [], articleDate: "2026-03-05" });

  it("plant different wrong names across items, not the same one every time", () => {
    const used = new Map<string, number>();
    const swaps = analysis.sentences.slice(4).map((s) => entitySwap(s, analysis, used)).filter((s) => s !== undefined);
    expect(swaps.length).toBeGreaterThanOrEqual(2);
    const planted = swaps.map((s) => s.to);
    expect(new Set(planted).size).toBe(planted.length);
  });

  it("replace a surname with a surname, so the altered statement reads as naturally as the original", () => {
    for (const sentence of analysis.sentences.slice(4)) {
      const swap = entitySwap(sentence, analysis);
      if (!swap) continue;
      expect(["Petrov", "Ferreira", "Mbeki", "Tasker"]).toContain(swap.to);
    }
  });
});

describe("true/false in a Q&A", () => {
  it("never copies or swaps an interviewee's answer as a statement of fact", () => {
    const content = fs.readFileSync("tests/fixtures/genres/interview-plain.txt", "utf8");
    const draft = draftFromArticle({ content, date: "2026-03-05" }, { glossary: [] });
    const answers = new Set(draft.paragraphs.slice(1));
    for (const question of draft.questions.filter((q) => q.type === "true_false")) {
      expect([...answers].some((p) => p.includes(question.evidence) && !/\?$/.test(p) && !/has been the chief engineer/.test(p)), question.prompt).toBe(false);
    }
  });
});
