import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerExplanation } from "@/app/quizzes/ui/answer-explanation";
import type { QuestionResult } from "@/lib/data/attempts";
import { ResultList } from "@/app/quizzes/ui/results-view";
import { anchorLabel } from "@/lib/content/evidence";

const link = (anchor: string) => ({ anchor, href: `/lessons/thaad?level=2#${anchor}`, label: anchorLabel(anchor) });

function hrefsIn(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

describe("evidence links in answer feedback", () => {
  it("one anchor: a single 'See it in the text' link naming the paragraph", () => {
    const html = renderToStaticMarkup(createElement(AnswerExplanation, { feedback: [], explanation: "Because.", evidence: [link("p8")] }));
    expect(hrefsIn(html)).toEqual(["/lessons/thaad?level=2#p8"]);
    expect(html).toContain("See it in the text (paragraph 8)");
  });

  it("several anchors: one link per paragraph, in the order the question cites them", () => {
    const html = renderToStaticMarkup(createElement(AnswerExplanation, { feedback: [], explanation: "Because.", evidence: ["p5", "p6", "p9"].map(link), questionNumber: 7 }));
    expect(hrefsIn(html)).toEqual(["/lessons/thaad?level=2#p5", "/lessons/thaad?level=2#p6", "/lessons/thaad?level=2#p9"]);
    expect(html).toContain("rests on 3 paragraphs");
    expect(html).toContain("Paragraph 9");
    expect(html).toContain('aria-label="Evidence paragraphs for question 7"');
  });

  it("no anchors (the lesson can no longer be opened): no link at all", () => {
    const html = renderToStaticMarkup(createElement(AnswerExplanation, { feedback: ["Not quite."], explanation: "Because.", evidence: [] }));
    expect(hrefsIn(html)).toEqual([]);
    expect(html).not.toContain("See it in the text");
  });

  it("the results list shows every anchor of every question", () => {
    const base = { type: "ordering" as const, answer: null, prompt: "Order these.", answerLines: ["a"], correctLines: ["a"], credit: 1, outcome: "correct" as const, explanation: "Because.", feedback: [] };
    const items: QuestionResult[] = [
      { ...base, questionId: "q1", number: 1, evidence: ["p5", "p6", "p7", "p8", "p9"].map(link) },
      { ...base, questionId: "q2", number: 2, evidence: [link("p13")] },
    ];
    const html = renderToStaticMarkup(createElement(ResultList, { items }));
    expect(hrefsIn(html).map((href) => href.split("#")[1])).toEqual(["p5", "p6", "p7", "p8", "p9", "p13"]);
  });
});

describe("anchorLabel", () => {
  it("names conventional anchors by paragraph number and leaves others as they are", () => {
    expect(anchorLabel("p12")).toBe("paragraph 12");
    expect(anchorLabel("intro")).toBe("intro");
  });
});
