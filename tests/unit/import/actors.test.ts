/** People of the story (outside rating, pattern 5): no titles, headline fragments or bill codes as people; Q&A answers go to the interviewee. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/import/analyze";
import { canBePerson, cleanEntity } from "@/lib/import/analyze/entities";
import { extractArticle } from "@/lib/import/extract";

const read = (name: string) => fs.readFileSync(path.join(path.resolve("tests/fixtures/genres"), name), "utf8");
const people = (content: string) => {
  const article = extractArticle({ content });
  return analyzeArticle(article, { glossary: [], articleDate: "2026-03-05" });
};

describe("people", () => {
  it("never lists a headline fragment, a determiner phrase or a bill code as a person", () => {
    for (const name of ["Every Virginia", "Each Senate", "Smith Signs SB", "Council Backs Plan", "Gov", "Sens"]) expect(canBePerson(name) && cleanEntity(name) !== undefined, name).toBe(false);
    for (const name of ["Dana Whitfield", "Priya Saldana", "Omar Reyes"]) expect(canBePerson(name), name).toBe(true);
  });

  it("strips abbreviated titles (Sens., Lt. Gov.) and finds the people behind them", () => {
    const analysis = people(read("news-senators.txt"));
    const names = analysis.entities.filter((e) => e.kind === "person").map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["Dana Whitfield", "Omar Reyes", "Nathan Cole", "Priya Saldana"]));
    expect(names.filter((n) => /^(Sens?|Gov|Lt)\b/.test(n) || /\b(Signs|Split)\b/.test(n))).toEqual([]);
  });

  it("credits a Q&A's answers to the interviewee, not to a person the questions mention", () => {
    const text = [
      "Mill County engineer speaks on roads",
      "Rosalind Achebe has been the chief engineer of Mill County for eleven years. We spoke with her about the road backlog after the board delayed its vote.",
      "Board member Victor Lund says the county should wait for state money. What do you make of Victor Lund's view?",
      "I understand the wish to wait, but the roads will not wait with us. A road that costs $80,000 to resurface today costs three times as much to rebuild later.",
      "Victor Lund also says the bond is too large. Is he right?",
      "I think the bond is the right size. We have 140 miles of road rated poor, and we repave nine miles a year.",
      "Has Victor Lund seen the list of roads?",
      "He has, and I have walked those roads with him. My staff showed him every one.",
    ].join("\n\n");
    const analysis = people(text);
    const answers = analysis.quotations.filter((q) => /\b(I|My|We)\b/.test(q.text));
    expect(answers.length).toBeGreaterThan(0);
    for (const quote of answers) expect(quote.speaker, quote.text).toBe("Rosalind Achebe");
  });
});
