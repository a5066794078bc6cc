/**
 * Blanks after blind rating 6 (10 of 87 needed edits): no blank inside a name or title ("Prime ___ Netanyahu", "the
 * Tarsand ___"), none on a word every student knows, no answer asked twice (one inside the other), none shown by
 * another question in the same words, and wider accepted answers (the other spelling, the synonyms of the sense the
 * sentence means).
 */
import { describe, expect, it } from "vitest";
import { blankProblem, nameCollocation, repeatedAnswers } from "@/lib/import/gates/blank";
import { shownInContext } from "@/lib/import/gates/overlap";
import { senseSynonyms, spellingVariants } from "@/lib/import/analyze/synonyms";
import { wordnetSense } from "@/lib/import/analyze/terms";
import { contentWords } from "@/lib/import/analyze/text";
import type { DraftQuestion } from "@/lib/import/types";

describe("blanks a name or title gives away", () => {
  const cases: [string, string][] = [
    ["Prime Minister Benjamin Netanyahu said the talks would resume next week.", "Minister"],
    ["The prime minister Benjamin Netanyahu said the talks would resume next week.", "prime minister"],
    ["Under Article 88 of the Tarsand constitution, a motion of no confidence needs one fifth of members.", "constitution"],
    ["The bill now goes to the Senate Judiciary Committee for a hearing in May.", "Committee"],
    ["A spokesman for the governor said Senator Alvarez would vote against it.", "Senator"],
  ];
  for (const [sentence, answer] of cases) it(`“${answer}” in “${sentence}”`, () => expect(nameCollocation(sentence, answer)).toBeDefined());

  const fine: [string, string][] = [
    ["The council approved the levy after a long debate on Tuesday.", "levy"],
    ["Sanctions on the port were lifted in March, the ministry said.", "Sanctions"],
    ["The treaty bans tests in the atmosphere, under water and in space.", "treaty"],
  ];
  for (const [sentence, answer] of fine) it(`not “${answer}” in “${sentence}”`, () => expect(nameCollocation(sentence, answer)).toBeUndefined());
});

describe("blanks on common words", () => {
  it("refuses a word every student knows, and keeps the civic words the lesson is about", () => {
    const problem = (sentence: string, answer: string) => blankProblem(sentence, answer, [answer.toLowerCase()], [answer.toLowerCase()]);
    expect(problem("The process forced students to confront the limits of a budget.", "students")).toBe("the gap is a common word");
    expect(problem("The scanners jammed twice before the machines were replaced by noon.", "machines")).toBe("the gap is a common word");
    expect(problem("The governor can sign the bill or send it back with a veto.", "governor")).toBeUndefined();
    expect(problem("Voters approved the levy by a wide margin on Tuesday.", "levy")).toBeUndefined();
  });
});

describe("answers asked twice", () => {
  it("counts an answer inside another as the same answer", () => {
    expect(repeatedAnswers(["spending bills", "full spending bills"])).toEqual([1]);
    expect(repeatedAnswers(["full spending bill", "spending bills"])).toEqual([1]);
    expect(repeatedAnswers(["sanctions", "asset freeze", "veto"])).toEqual([]);
  });

  it("sees a blank's answer shown by another question in the same words", () => {
    const cloze = { type: "cloze", prompt: "Fill in the blank.", text: "The council voted to impose new {{blank}} on the shipping firm after the spill.", answer: { blank: ["sanctions", "sanction"] }, evidence: "x" } as unknown as DraftQuestion;
    const giveaway = { type: "true_false", prompt: "True or false: the council imposed new sanctions on the shipping firm.", evidence: "y" } as unknown as DraftQuestion;
    const elsewhere = { type: "true_false", prompt: "True or false: sanctions on the neighbouring country were eased in March.", evidence: "z" } as unknown as DraftQuestion;
    expect(shownInContext(giveaway, cloze)).toBe(true);
    expect(shownInContext(elsewhere, cloze)).toBe(false);
  });
});

describe("wider accepted answers", () => {
  it("accepts the other spelling", () => {
    expect(spellingVariants("millimetres")).toContain("millimeters");
    expect(spellingVariants("harbor")).toContain("harbour");
    expect(spellingVariants("labour union")).toContain("labor union");
    expect(spellingVariants("paper")).toEqual([]);
  });

  it("accepts WordNet synonyms only of a sense the sentence clearly means", () => {
    const sentence = "Union leaders and the port authority resumed negotiations on Monday, hoping to reach an agreement on pay before the strike deadline.";
    const sense = wordnetSense("negotiations", "n", sentence, contentWords(sentence));
    expect(senseSynonyms("negotiations", sense)).toContain("talks");
    expect(senseSynonyms("negotiations", sense)).not.toContain("talk");
    // No sense the sentence clearly means: no synonyms ("lawmakers" is not "legislators" to WordNet anyway).
    expect(senseSynonyms("negotiations", undefined)).toEqual([]);
  });
});
