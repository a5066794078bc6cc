/** Sentence splitting: abbreviations, initials and parentheses never end a sentence (outside rating, pattern 3). */
import { describe, expect, it } from "vitest";
import { falseBreak, splitSentences } from "@/lib/import/analyze/sentences";

const split = (...paragraphs: string[]) => splitSentences(paragraphs, paragraphs.map(() => "paragraph" as const), []).sentences.map((s) => s.text);

describe("splitSentences", () => {
  it("does not break after a plural title before the names (Sens., Reps.)", () => {
    expect(split("Ozark Sens. Dana Whitfield and Omar Reyes voted against the measure. Their offices gave no reason.")).toEqual([
      "Ozark Sens. Dana Whitfield and Omar Reyes voted against the measure.",
      "Their offices gave no reason.",
    ]);
  });

  it("keeps a two-title name and an initial together (Atty. Gen., Lt. Gov., R. J.)", () => {
    const sentences = split("Atty. Gen. Lena Ortiz of Ark. said the rule was void. Lt. Gov. Sam Pruitt met Gen. R. J. Hale on Monday.");
    expect(sentences).toEqual(["Atty. Gen. Lena Ortiz of Ark. said the rule was void.", "Lt. Gov. Sam Pruitt met Gen. R. J. Hale on Monday."]);
  });

  it("does not end a sentence inside an open parenthesis that the next piece closes", () => {
    const sentences = split("The measure passed 61-38 (two members were absent. One was ill) and goes to the House. The vote came late.");
    expect(sentences).toEqual(["The measure passed 61-38 (two members were absent. One was ill) and goes to the House.", "The vote came late."]);
  });

  it("still splits real sentence ends, including one after an abbreviation that can end a sentence", () => {
    expect(falseBreak("The plant is in Little Rock, Ark.", "The owners plan to expand.")).toBe(false);
    expect(falseBreak("The hearing starts at 9 a.m.", "tomorrow in Room 4.")).toBe(true);
    expect(falseBreak("They met at 9 a.m.", "Nobody else came.")).toBe(false);
    expect(falseBreak("She wrote Plan A.", "Then she slept.")).toBe(false);
  });
});
