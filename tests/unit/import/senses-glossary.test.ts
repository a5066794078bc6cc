/**
 * The lesson glossary after blind rating 6 (11 wrong senses in 81 entries): a WordNet sense must agree with the
 * article (part of speech in real use, no food, drink, plant or body sense in a story about something else), one
 * entry a word and a meaning, and only words a student needs (not ones read off familiar parts).
 */
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { analyzeArticle } from "@/lib/import/analyze";
import { domainFits, isCircular, isEverydayWord, isTransparent, rarePartOfSpeech, wordnetSense } from "@/lib/import/analyze/terms";
import { contentWords } from "@/lib/import/analyze/text";
import { commonSenses } from "@/lib/import/analyze/wordnet";

const glossary = loadContent().content.glossary;

const SUMMIT = [
  "The two foreign ministers met for three hours in Geneva on Tuesday, and both sides called the talks cordial but said no agreement was reached.",
  "Diplomats said the meeting was the first since the ceasefire collapsed in March, and that a second round could follow if the prisoner exchange goes ahead.",
  "The envoy (who declined to comment on the record) said the ministers had agreed to keep a hotline open between their capitals.",
  "Senator Dana Whitcomb (R-Ohio) said the administration should not ease sanctions until the exchange was complete.",
  "Analysts said the cordial tone was a change from the last summit, when both delegations walked out before the final communique was drafted.",
  "A communique, a joint statement that governments issue at the end of a meeting, is usually agreed line by line before it is released.",
  "Some commentators said the ministers were playing for time before elections in both countries next year.",
].join("\n\n");

describe("WordNet senses that agree with the article", () => {
  it("never reads a friendly \"cordial\" as the liqueur", () => {
    const words = contentWords(SUMMIT);
    expect(rarePartOfSpeech("cordial", "n")).toBe(true);
    expect(wordnetSense("cordial", "n", "Both sides called the talks cordial.", words)).toBeUndefined();
    const analysis = analyzeArticle(SUMMIT.split("\n\n"), { glossary });
    const texts = analysis.definitions.map((d) => `${d.term}: ${d.definition}`).join("\n");
    expect(texts).not.toMatch(/liqueur|liquor/i);
  });

  it("keeps food, drink, plant and body senses out of a story about something else", () => {
    const politics = contentWords("The council voted on the budget, the mayor signed the ordinance and the tax rate rose.");
    const punch = commonSenses("punch", "n").find((s) => /beverage|drink/i.test(s.gloss));
    expect(punch).toBeDefined();
    expect(domainFits(punch!, "punch", politics)).toBe(false);
    const market = contentWords("Stallholders sold bread, cheese, honey, apples, lemonade and punch at the market while the mayor spoke.");
    expect(domainFits(punch!, "punch", market)).toBe(true);
    // A word with no other kind of meaning ("uranium") is not held back.
    const uranium = commonSenses("uranium", "n")[0]!;
    expect(domainFits(uranium, "uranium", politics)).toBe(true);
  });

  it("takes no aside in brackets and keeps the article's real definition", () => {
    const analysis = analyzeArticle(SUMMIT.split("\n\n"), { glossary });
    const terms = analysis.definitions.map((d) => d.term.toLowerCase());
    expect(terms).toContain("communique");
    expect(analysis.definitions.find((d) => d.term === "communique")?.definition).toMatch(/^A joint statement that governments issue/);
    expect(analysis.definitions.map((d) => d.definition).join("\n")).not.toMatch(/declined to comment|R-Ohio/);
    expect(terms).not.toContain("envoy (who declined to comment on the record)");
  });
});

describe("words a student needs", () => {
  it("counts words made of familiar parts as known", () => {
    for (const word of ["islanders", "monthly", "lifeguards", "neighbourhoods", "lawmakers", "deadline", "meantime", "laptops"]) expect(isTransparent(word), word).toBe(true);
    for (const word of ["arbitrator", "gerrymandering", "referendum", "filibuster", "subsidence", "legislature", "incumbent", "ordinance"]) {
      expect(isTransparent(word), word).toBe(false);
      expect(isEverydayWord(word), word).toBe(false);
    }
  });

  it("never defines a word by the word it is made from (the sixth blind rating's “sustainability”: being sustainable)", () => {
    const first = (word: string) => commonSenses(word, "n")[0]!;
    for (const word of ["sustainability", "federalism", "representative", "amendment"]) expect(isCircular(word, first(word)), `${word}: ${first(word).gloss}`).toBe(true);
    for (const word of ["referendum", "election", "recount", "sovereignty", "legislature", "embargo", "filibuster", "incumbent", "diplomacy"]) {
      expect(isCircular(word, first(word)), `${word}: ${first(word).gloss}`).toBe(false);
    }
  });

  it("gives one entry to a word and its plural, and one to a meaning", () => {
    const analysis = analyzeArticle(
      [
        "Each precinct in the county reported its results by 10 p.m., and the clerk posted precinct totals online overnight.",
        "Poll workers in three precincts said the new scanners jammed twice during the morning rush.",
        "The canvass, in which officials check the precincts' tallies against the paper ballots, begins on Thursday.",
        "Two precincts will be recounted by hand because their totals differed from the scanner tapes by more than ten votes.",
      ],
      { glossary },
    );
    const precinct = analysis.definitions.filter((d) => /^precincts?$/.test(d.term));
    expect(precinct.length).toBeLessThanOrEqual(1);
    const meanings = analysis.definitions.filter((d) => d.source === "wordnet").map((d) => d.definition);
    expect(new Set(meanings).size).toBe(meanings.length);
  });
});
