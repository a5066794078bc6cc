/**
 * The two wrong-key patterns of the second blind rating, as general rules: yearless dates and weekdays resolve to
 * the occurrence nearest the publication date (ordering only on certain dates, never on broken items), and main-idea
 * and author's-purpose items abstain unless the key is clearly the article's central claim or its genre is clear.
 * All texts are made up for these tests.
 */
import { describe, expect, it } from "vitest";
import { buildTimeline, findDates } from "@/lib/import/analyze/dates";
import { withoutDates } from "@/lib/import/generators/timeline";
import { analyzeArticle } from "@/lib/import/analyze";
import { Context } from "@/lib/import/generators/common";
import { notCentral, pickMainIdeas } from "@/lib/import/generators/main-idea";
import { candidateProblems } from "@/lib/import/gates";
import { stemProblem } from "@/lib/import/gates/stem";
import { authorPurposeQuestions } from "@/lib/import/generators/author-purpose";
import { detectGenre } from "@/lib/import/genre";
import type { DateMention, Sentence } from "@/lib/import/types";

const sentence = (id: string, text: string, paragraph = 0): Sentence => ({ id, paragraph, anchor: `p${paragraph + 1}`, text, words: text.split(/\s+/).length, kind: "paragraph", section: -1 });
const PUBLISHED = "2025-10-15"; // a Wednesday

describe("dates without a year", () => {
  it("resolve to the occurrence nearest the publication date, whatever the verb tense", () => {
    const dates = findDates(
      [
        sentence("s1", "The recount was requested for the Nov. 4 race by two county clerks."),
        sentence("s2", "Registration closed Oct. 21 in most of the county's precincts."),
        sentence("s3", "Clerks mailed the first sample ballots on Sept. 30 to every household."),
      ],
      PUBLISHED,
    );
    expect(dates.find((d) => d.sentenceId === "s1")).toMatchObject({ iso: "2025-11-04", certain: true });
    expect(dates.find((d) => d.sentenceId === "s2")).toMatchObject({ iso: "2025-10-21", certain: true });
    expect(dates.find((d) => d.sentenceId === "s3")).toMatchObject({ iso: "2025-09-30", certain: true });
  });

  it("use the tense only when the nearest occurrence is months away, and then the year is not certain", () => {
    const dates = findDates([sentence("s1", "The school levy passed in April with a narrow margin.")], PUBLISHED);
    expect(dates[0]).toMatchObject({ iso: "2025-04", certain: false });
  });

  it("resolve weekdays against the publication date", () => {
    const dates = findDates(
      [sentence("s1", "The board met Friday to certify the primary results."), sentence("s2", "The canvass will finish next Tuesday, the clerk's office expects.")],
      PUBLISHED,
    );
    expect(dates.find((d) => d.sentenceId === "s1")?.iso).toBe("2025-10-10");
    expect(dates.find((d) => d.sentenceId === "s2")?.iso).toBe("2025-10-21");
  });
});

describe("ordering items", () => {
  it("leave out events whose year is a guess", () => {
    const sentences = [sentence("s1", "The school levy passed in April with a narrow margin.", 0), sentence("s2", "Voters elected a new clerk in March 2021 after a long race.", 1)];
    const timeline = buildTimeline(sentences, findDates(sentences, PUBLISHED), new Set());
    expect(timeline.map((e) => e.sentenceId)).toEqual(["s2"]);
  });

  it("are dropped when taking the date out would leave a broken phrase", () => {
    const saturday: DateMention = { sentenceId: "s1", text: "Saturday", iso: "2025-10-11", precision: "day", explicit: false, certain: true };
    expect(withoutDates("The poll worker had a heart attack on a Saturday and waited an hour for help.", [saturday])).toBeUndefined();
    const march: DateMention = { sentenceId: "s1", text: "March 2021", iso: "2021-03", precision: "month", explicit: true, certain: true };
    expect(withoutDates("Voters elected a new clerk in March 2021 after a long race.", [march])).toBe("Voters elected a new clerk after a long race.");
  });
});

describe("main-idea keys", () => {
  it("are never a sentence about the interview, a dissent or a statistic", () => {
    expect(notCentral({ text: "Reporter Ana Ruiz sat down with the county clerk to talk about the new ballot machines." })).toBe("meta");
    expect(notCentral({ text: "In a dissent, two justices wrote that the map should have stood until the next census." })).toBe("dissent");
    expect(notCentral({ text: "Turnout reached 41 percent, up from 33 percent four years earlier." })).toBe("figures");
    expect(notCentral({ text: "The state Supreme Court struck down the new district map on Oct. 9, 2025, and sent it back to lawmakers." })).toBeUndefined();
  });
});

describe("main-idea items", () => {
  const details = [
    "Holt has run elections in the county for eleven years and trained most of its poll workers.",
    "The county bought forty machines from a firm in Ohio after a long bidding process.",
    "Each machine reads a paper ballot and keeps an image of it for later checks.",
    "Poll workers spent two Saturdays learning how to clear paper jams and seal the bins.",
    "The audit after the spring primary matched the hand count in every precinct, the clerk's office reported.",
    "Holt keeps a spare machine in her office in case one breaks on election night.",
    "Volunteers from both parties watched the audit from behind a rope line in the gym.",
  ];
  const mainIdeas = (lead: string, title: string, genre: "news" | "interview") =>
    pickMainIdeas(new Context(analyzeArticle({ paragraphs: [lead, ...details], genre, title }, { glossary: [], articleDate: PUBLISHED }))).filter((i) => i.scope.kind === "article");

  it("abstain when the only candidates are an interview's introduction or sentences that share little with the headline", () => {
    expect(mainIdeas("Reporter Ana Ruiz sat down with county clerk Dana Holt to talk about the new ballot counting machines and the audit.", "The clerk behind the county's new ballot counting machines", "interview")).toEqual([]);
  });

  it("key a news lead that states the headline's claim", () => {
    const lead = "The county board approved new ballot counting machines on Tuesday, replacing scanners that jammed during the last two elections.";
    expect(mainIdeas(lead, "County board approves new ballot counting machines", "news").map((i) => i.key.text)).toEqual([lead]);
  });
});

describe("genre", () => {
  const filler = "Lawmakers must now draw new lines before the filing period opens, and county clerks are waiting to print ballots for the spring primary in every district of the state.";
  it("reads a court ruling reported as news as news, with a certain genre", () => {
    const paragraphs = [
      "The state Supreme Court ruled Thursday that the legislature's new district map breaks the constitution's rule on splitting counties.",
      "Four justices joined the majority opinion. Carmen Ortiz, 58, a retired teacher who brought the case, watched from the gallery.",
      "In a dissent, two justices wrote that the court should have waited for the next census.",
      ...Array.from({ length: 10 }, () => filler),
    ];
    const verdict = detectGenre({ title: "Court strikes down district map", paragraphs });
    expect(verdict.genre).toBe("news");
    expect(verdict.certain).toBe(true);
  });

  it("is uncertain when a story read as news opens on a scene", () => {
    const paragraphs = ["The line outside the library wrapped around the block before sunrise, thermoses in hand.", ...Array.from({ length: 16 }, () => filler)];
    const verdict = detectGenre({ title: "Early voting opens", paragraphs });
    expect(verdict.genre).toBe("news");
    expect(verdict.certain).toBe(false);
  });
});

describe("question stems", () => {
  it("drop speaker labels, stems cut off mid-phrase and quotations cut before their point", () => {
    expect(stemProblem("True or false? OKAFOR: The audit found no missing ballots.")).toMatch(/speaker label/);
    expect(stemProblem("According to the article, who claims that the county spent $2 million on machines and a roughly…?")).toMatch(/cut off/);
    expect(stemProblem("Who said “Not because I convinced them of anything, but.”?")).toMatch(/fragment/);
    expect(stemProblem("Who said “We counted every ballot twice, and the totals matched.”?")).toBeUndefined();
    expect(stemProblem("Part A: Which sentence best states the main idea of the article?")).toBeUndefined();
    expect(stemProblem("True or false? According to Mayor Ruiz, the audit found no missing ballots.")).toBeUndefined();
  });

  it("drop stems that lean on a pronoun they don't resolve (the sixth blind rating: “…, he added”, “who claims that even if it did …”)", () => {
    expect(stemProblem("True or false? The plant will close for two weeks during the holiday breaks a year, he added.")).toMatch(/pronoun/);
    expect(stemProblem("According to the article, who claims that even if it did have such clout, it would not use it?")).toMatch(/pronoun/);
    expect(stemProblem("True or false? It was the first strike at the port since 1998.")).toMatch(/pronoun/);
    expect(stemProblem("True or false? They voted to delay the levy until spring.")).toMatch(/pronoun/);
    // Named speakers and subjects are fine, and so is an impersonal "it is likely".
    expect(stemProblem("True or false? The plant will close for two weeks, Mayor Ruiz added.")).toBeUndefined();
    expect(stemProblem("According to the article, who claims that the port strike cost $40 million a week?")).toBeUndefined();
    expect(stemProblem("True or false? It is likely that the council will vote again in May.")).toBeUndefined();
    expect(stemProblem("True or false? The council said it would vote again in May.")).toBeUndefined();
  });
});

describe("genre-keyed items", () => {
  const paragraphs = [
    "The county board approved new ballot counting machines on Tuesday, replacing scanners that jammed during the last two elections.",
    "Each machine reads a paper ballot and keeps an image of it for later checks.",
    "Poll workers spent two Saturdays learning how to clear paper jams and seal the bins.",
  ];
  it("leave out the author's purpose when the genre was a close call", () => {
    const certain = analyzeArticle({ paragraphs, genre: "news", title: "County board approves machines" }, { glossary: [], articleDate: PUBLISHED });
    const unsure = analyzeArticle({ paragraphs, genre: "news", genreCertain: false, title: "County board approves machines" }, { glossary: [], articleDate: PUBLISHED });
    expect(authorPurposeQuestions(new Context(certain))).toHaveLength(1);
    expect(authorPurposeQuestions(new Context(unsure))).toEqual([]);
  });

  it("the stem gate is applied to every candidate", () => {
    const analysis = analyzeArticle({ paragraphs, genre: "news" }, { glossary: [], articleDate: PUBLISHED });
    const candidate = (prompt: string) =>
      ({ id: "", type: "single", prompt, choices: [{ id: "a", text: "True" }, { id: "b", text: "False" }], answer: "a", explanation: "", skills: ["recall"], difficulty: 1, generator: "true-false-original", score: 1, evidence: "Each machine reads a paper ballot and keeps an image of it for later checks.", sentenceId: "s1" }) as unknown as Parameters<typeof candidateProblems>[0];
    expect(candidateProblems(candidate("True or false? HOLT: Each machine reads a paper ballot."), analysis).join()).toMatch(/speaker label/);
    expect(candidateProblems(candidate("True or false? Each machine reads a paper ballot."), analysis).join()).not.toMatch(/stem/);
  });
});
