/**
 * Word senses for the glossary and vocabulary items (outside rating, pattern 2): never a proper-noun or instance
 * sense for a common word, the base form's senses beside an inflected form's own entry, a Lesk overlap that must
 * clearly win or the entry is dropped, no function words, multi-word civics terms found as terms.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { draftFromArticle } from "@/lib/import";
import { analyzeArticle } from "@/lib/import/analyze";
import { STOP_WORDS, wordnetSense } from "@/lib/import/analyze/terms";
import { contentWords } from "@/lib/import/analyze/text";
import { commonSenses } from "@/lib/import/analyze/wordnet";

const glossary = loadContent().content.glossary;
const read = (name: string) => fs.readFileSync(path.join(path.resolve("tests/fixtures/genres"), name), "utf8");
const BILL = "The spending bill carries provisions that change the law, and both chambers of the legislature must pass it before the deadline.";

describe("WordNet senses in context", () => {
  it("never offers a proper-noun or instance sense for a common word", () => {
    expect(commonSenses("chambers", "n").some((s) => /architect/i.test(s.gloss))).toBe(false);
    expect(commonSenses("chambers", "n").length).toBeGreaterThan(0);
    expect(commonSenses("numbers", "n").some((s) => /Old Testament/i.test(s.gloss))).toBe(false);
    const sense = wordnetSense("chambers", "n", BILL, contentWords(BILL));
    expect(sense?.gloss ?? "").not.toMatch(/architect/i);
  });

  it("does not take an inflected form's own entry (\"provisions\": a stock of food) in a bill", () => {
    const sense = wordnetSense("provisions", "n", BILL, contentWords(BILL));
    expect(sense?.gloss ?? "").not.toMatch(/food/i);
  });

  it("never defines a function word", () => {
    expect(STOP_WORDS.has("by")).toBe(true);
    expect(wordnetSense("by", "a", "The bill passed by a wide margin.", new Set(["bill", "passed"]))).toBeUndefined();
  });
});

describe("glossary and vocabulary of an article", () => {
  const draft = draftFromArticle({ content: read("explainer-stopgap.txt"), date: "2026-10-01" }, { glossary });
  const vocabulary = draft.lesson.vocabulary;

  it("defines the multi-word term from the article, not a word of it alone", () => {
    expect(vocabulary.find((v) => v.term === "continuing resolution")?.definition).toMatch(/stopgap law/);
    expect(vocabulary.map((v) => v.term)).not.toContain("continuing");
  });

  it("keeps no wrong-sense, biographical or function-word entry, in the lesson or a vocabulary item", () => {
    for (const entry of vocabulary) {
      expect(entry.definition, entry.term).not.toMatch(/architect|\(\d{4}-\d{4}\)|supply of foods/i);
      expect(STOP_WORDS.has(entry.term.toLowerCase()), entry.term).toBe(false);
    }
    for (const question of draft.questions.filter((q) => q.generator === "vocabulary-in-context")) {
      expect(JSON.stringify(question)).not.toMatch(/architect|supply of foods/i);
    }
  });

  it("finds a curriculum term by its general first sentence when the rest of its definition is about another case", () => {
    const analysis = analyzeArticle(
      [
        "The two governments released a joint statement on Friday after three days of talks about the shared river.",
        "In the joint statement, both governments agreed to share data on water levels and to meet again in the spring.",
      ],
      { glossary, articleDate: "2026-03-01" },
    );
    const entry = analysis.definitions.find((d) => d.term === "joint statement");
    expect(entry?.definition).toMatch(/^A written declaration/);
    expect(entry?.definition).not.toMatch(/North Korea/);
  });
});
