/**
 * The v2.1 precision rules (docs/IMPORT.md, "Import v2.1"), each on a small made-up text: accepted blank answers,
 * trivia numbers, furniture, yearless dates, pronoun and transcript speakers, and the header split of plain text.
 */
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/import/analyze";
import { findDates } from "@/lib/import/analyze/dates";
import { isFurniture } from "@/lib/import/analyze/sentences";
import { articleSynonyms, headWord } from "@/lib/import/analyze/synonyms";
import { extractArticle } from "@/lib/import/extract";
import { isTriviaNumber } from "@/lib/import/generators/numeric";
import type { Sentence } from "@/lib/import/types";

const sentence = (id: string, text: string, paragraph = 0): Sentence => ({ id, paragraph, anchor: `p${paragraph + 1}`, text, words: text.split(/\s+/).length, kind: "paragraph", section: -1 });
const analyze = (paragraphs: string[], genre: "news" | "interview" | "feature" = "news") => analyzeArticle({ paragraphs, genre }, { glossary: [], articleDate: "2026-08-24" });

describe("accepted answers for a blank", () => {
  it("accepts the head word of a modifier + noun phrase", () => {
    expect(headWord("legislative committee")).toBe("committee");
    expect(headWord("committee")).toBeUndefined();
  });

  it("never accepts a word that only modifies another noun in the context", () => {
    const context = "The regular session ended in June. The storm cut power to 120,000 customers at its peak.";
    expect(articleSynonyms("customers", context)).not.toContain("regular");
  });
});

describe("trivia numbers", () => {
  it("skips numbers in a list, ages after a name and numbers written as words", () => {
    expect(isTriviaNumber("Buses on routes 3, 7, 11 and 15 will stop at 8 p.m.", "3", 3)).toBe(true);
    expect(isTriviaNumber("Buses on routes 3, 7, 11 and 15 will stop at 8 p.m.", "11", 11)).toBe(true);
    expect(isTriviaNumber("Moll, 61, has crossed the sound many times.", "61", 61)).toBe(true);
    expect(isTriviaNumber("She has crossed the two miles of the sound.", "two", 2)).toBe(true);
    expect(isTriviaNumber("A bridge would cost about $62 million.", "$62 million", 62e6)).toBe(false);
  });
});

describe("furniture", () => {
  it("knows bios, funding notes and page prompts of any trade", () => {
    for (const text of [
      "Gideon Asare is a retired schoolteacher and a member of the Fairhaven Library Friends board.",
      "This story was produced with support from the Coastal Reporting Fund.",
      "Local news coverage is supported in part by the Riverbend Civic Trust.",
      "Donors have no control over our reporting.",
      "Reach her at someone@example.com.",
      "Posted Nov. 4, 2026, 11:47 p.m.",
      "The views expressed here are his own.",
    ])
      expect(isFurniture(text), text).toBe(true);
  });

  it("leaves reporting about support alone", () => {
    expect(isFurniture("The plan is supported by the Senate and most mayors.")).toBe(false);
  });
});

describe("yearless dates", () => {
  it("resolve back for what happened and ahead for what will happen", () => {
    const dates = findDates(
      [sentence("s1", "Since January 9, when the paper printed its final edition, nobody has sat there."), sentence("s2", "The new fees take effect Jan. 4 for every driver.")],
      "2026-08-24",
    );
    expect(dates.find((d) => d.sentenceId === "s1")?.iso).toBe("2026-01-09");
    expect(dates.find((d) => d.sentenceId === "s2")?.iso).toBe("2027-01-04");
  });
});

describe("speakers", () => {
  it("gives 'she said' to the woman just mentioned, not to a man who shares her surname", () => {
    const analysis = analyze(
      [
        "Henrike Moll starts the engine and wipes the window with her sleeve.",
        "Moll, 61, has crossed the sound about 40,000 times.",
        "Her father, Anton Moll, ran the same route for thirty years.",
        "Moll does not take sides in public about the new bridge.",
        "\"My father would have hated it,\" she said.",
      ],
      "feature",
    );
    expect(analysis.quotations.find((q) => q.text.startsWith("My father"))?.speaker).toBe("Henrike Moll");
  });

  it("does not let a kinship word of the other gender block 'he told'", () => {
    const analysis = analyze([
      "Marisol Ekdahl chairs the water board, and her plan raises rates slowly.",
      "Ekdahl's son, Jonas Ekdahl, is a plumber, and he disagrees with his mother about the pace.",
      "\"Four percent a year won't fix pipes this old,\" he told a board meeting.",
    ]);
    expect(analysis.quotations.find((q) => q.text.startsWith("Four percent"))?.speaker).toBe("Jonas Ekdahl");
  });

  it("credits a transcript turn to its labelled speaker, not the interviewer's question", () => {
    const analysis = analyze(
      [
        "Arnold Pike was president for eight years and now campaigns for term limits.",
        "Ruth Ambler: Why shouldn't voters re-elect a president they like?",
        "Arnold Pike: Because a president who stays forever controls the people who run the election.",
      ],
      "interview",
    );
    const turn = analysis.quotations.find((q) => q.text.startsWith("Because a president"));
    expect(turn?.speaker).toBe("Arnold Pike");
    expect(analysis.quotations.some((q) => q.text.includes("re-elect a president they like"))).toBe(false);
  });
});

describe("plain-text header", () => {
  it("reads label, date line, headline and byline on consecutive lines as separate parts", () => {
    const body = Array.from({ length: 6 }, (_, i) => `The council met on a Tuesday evening and debated the budget for the library in detail, paragraph ${i + 1}.`).join("\n\n");
    const article = extractArticle({ content: Buffer.from(`OPINION\nPosted 6:12 a.m. Oct. 3, 2026\nCutting library hours is the most expensive way to save money\nBy Gideon Asare\n\n${body}`) });
    expect(article.title).toBe("Cutting library hours is the most expensive way to save money");
    expect(article.genre).toBe("opinion");
  });
});
