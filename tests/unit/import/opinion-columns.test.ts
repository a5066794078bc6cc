/**
 * Opinion columns without a label (issue 13, import v2.5): the fifth blind rating found columns pasted with no
 * "Opinion" label or schema type read as news, their claims keyed True as facts and their purpose "to report". Genre
 * from the text itself (genre.ts), opinion never keyed as fact (analyze/opinion.ts, gates/opinion-fact.ts), and the
 * column's own items (thesis, fact or opinion, claim and evidence). Fixtures are our own, in tests/fixtures/articles
 * (with expectations) and tests/fixtures/import-dev.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromArticle } from "@/lib/import";
import { analyzeArticle } from "@/lib/import/analyze";
import { extractArticle } from "@/lib/import/extract";
import { authorJudgmentCues } from "@/lib/import/gates/opinion-fact";
import { PURPOSES } from "@/lib/import/generators/author-purpose";
import { detectGenre } from "@/lib/import/genre";
import type { DraftQuestion } from "@/lib/import/types";
import { loadCorpus, squash } from "../../fixtures/articles/expect-schema";

const corpus = loadCorpus();
const article = (name: string) => corpus.find((a) => a.name === name)!;
const devText = (file: string) => fs.readFileSync(path.resolve("tests/fixtures/import-dev", file), "utf8");
const contains = (haystack: string, needle: string) => squash(haystack).toLowerCase().includes(squash(needle).toLowerCase());
const keyText = (q: DraftQuestion) => (q.type === "single" ? (q.choices.find((c) => c.id === q.answer)?.text ?? "") : "");

/** The genre from the article's text alone: no page label, schema type, URL, section or byline. */
function textOnlyGenre(raw: string) {
  const extracted = extractArticle({ content: raw });
  return detectGenre({ title: extracted.title, paragraphs: extracted.paragraphs, paragraphKinds: extracted.paragraphKinds, headings: extracted.sections.map((s) => s.title) });
}

const COLUMNS = ["opinion-transit-levy", "opinion-pool-closure", "opinion-letter-crossing-guards", "opinion-editorial-redistricting"];

describe("genre from the text of an unlabelled column", { timeout: 120_000 }, () => {
  it.each([...COLUMNS.map((name) => [name, article(name).raw] as const), ["import-dev/opinion-ranked-choice.txt", devText("opinion-ranked-choice.txt")] as const, ["import-dev/unseen/opinion-curfew.txt", devText("unseen/opinion-curfew.txt")] as const])(
    "%s reads as opinion from its text alone",
    (_name, raw) => {
      expect(textOnlyGenre(raw).genre).toBe("opinion");
    },
  );

  it.each(COLUMNS)("%s reads as opinion, with certainty, through the whole importer", (name) => {
    const extracted = extractArticle({ content: article(name).raw });
    expect(extracted.genre).toBe("opinion");
    expect(extracted.genreCertain).toBe(true);
  });

  it("keeps a hard news story that quotes an angry speaker at length as news, with certainty", () => {
    const extracted = extractArticle({ content: article("news-council-censure").raw });
    expect(extracted.genre).toBe("news");
    expect(extracted.genreCertain).toBe(true);
    const verdict = textOnlyGenre(article("news-council-censure").raw);
    expect(verdict.genre).toBe("news");
    expect(verdict.scores.opinion).toBeLessThanOrEqual(1);
  });

  it("keeps every corpus article's genre", () => {
    const wrong = corpus.filter((a) => extractArticle({ content: a.raw }).genre !== a.expect.genre).map((a) => a.name);
    expect(wrong).toEqual([]);
  });

  const restrained = [
    "On March 3, county voters will decide whether to renew the library levy, about $30 a year for a typical household, according to the county's budget office.",
    "The levy pays for four branches and the bookmobile that reaches the farm towns north of the river.",
    "Opponents of the renewal argue that the county can no longer afford it. That is true only if the branches are treated as a luxury.",
    "But the branches are where people without a computer at home apply for jobs, file their taxes and renew their licenses.",
    "The county board should renew the levy, and it should publish a yearly report on how the money is spent.",
    "Vote yes on March 3, and then hold the board to its promise.",
  ];

  it("reads a restrained column (no \"I\", a recommendation, the other side answered, a call to vote) as opinion", () => {
    const verdict = detectGenre({ title: "The library levy is worth renewing", paragraphs: restrained });
    expect(verdict.genre).toBe("opinion");
    expect(verdict.cues.join(" ")).toMatch(/the other side's case answered/);
    expect(verdict.cues.join(" ")).toMatch(/a call to action at the end/);
    expect(verdict.cues.join(" ")).toMatch(/a headline that takes a side/);
  });

  it("does not take a report of critics and of what officials say should happen for a column", () => {
    const report = [
      "The county board voted 4-1 on Tuesday to put a library levy renewal on the March 3 ballot, the board's clerk said.",
      "Critics say the county can no longer afford the levy. But board chair Ruth Okafor said the branches should stay open on Saturdays.",
      "Opponents told the board that the tax falls hardest on retirees, according to the meeting's minutes.",
      "The levy would cost about $30 a year for a typical household, the budget office said.",
      "The board will hold a public hearing on Feb. 10, the clerk said.",
    ];
    const verdict = detectGenre({ title: "Library levy heads to the March ballot", paragraphs: report });
    expect(verdict.genre).toBe("news");
    expect(verdict.cues.join(" ")).not.toMatch(/recommendations in the author's voice|other side's case answered|call to action|takes a side/);
    expect(verdict.scores.opinion).toBeLessThan(verdict.scores.news);
  });

  it("reads a contributor's bio at the end as a column, a journalist's as not", () => {
    const plain = ["The council voted to delay the depot repairs until a fourth study is complete.", "The study will cost $40,000 and take eight months.", "Riders have waited for the depot since 2019."];
    const page = (bio: string) => `The depot can't wait\n\n${plain.join("\n\n")}\n\n${bio}`;
    const genre = (bio: string) => detectGenre({ title: "The depot study", paragraphs: plain, pageText: page(bio) });
    expect(genre("Mara Lind is a professor of urban planning at Riverton State University.").cues.join(" ")).toMatch(/contributor's bio/);
    expect(genre("Mara Lind teaches civics at Eastfield High School.").cues.join(" ")).toMatch(/contributor's bio/);
    for (const bio of ["Mara Lind is a correspondent for the Weekly Ledger.", "Mara Lind is the Ledger's political editor.", "Mara Lind is a freelance writer who lives on the coast."]) {
      expect(genre(bio).cues.join(" "), bio).not.toMatch(/contributor's bio/);
    }
  });

  it("reads a letter's salutation and an editorial board's byline", () => {
    const letter = ["To the editor:", "Your Feb. 27 article on the school budget reported that the board may stop paying for crossing guards.", "I hope the board thinks again, because the corner of Linden Avenue has no light.", "Nadia Ferreira, Elm Ridge"];
    expect(detectGenre({ title: "Keep the crossing guards", paragraphs: letter }).cues.join(" ")).toMatch(/letter to the editor/);
    const board = detectGenre({ title: "Maps drawn in public", paragraphs: restrained.slice(0, 2), pageText: "Maps drawn in public\nThe Courier Editorial Board\n\nEvery ten years …" });
    expect(board.cues.join(" ")).toMatch(/editorial board's byline/);
  });

  it("takes a side only in a headline that argues, not in a news headline that starts with a noun", () => {
    const cue = (title: string) => detectGenre({ title, paragraphs: ["The board met on Tuesday.", "It voted 4-1, the clerk said."] }).cues.join(" ");
    for (const title of ["Give ranked-choice voting a fair trial", "The transit levy is a fair price for a bus system", "Marlow deserves maps drawn in public"]) expect(cue(title), title).toMatch(/takes a side/);
    for (const title of ["Vote count delayed in Harlow County", "Fund for flood repairs runs dry", "Mayor says the levy should pass"]) expect(cue(title), title).not.toMatch(/takes a side/);
  });
});

describe("an author's claims are never keyed as plain fact", { timeout: 120_000 }, () => {
  it("marks a sweeping claim with a figure as the author's, and a reported account as not the author's", () => {
    const sentences = [
      "Anyone who has waited 40 minutes for a Sunday bus knows the problem runs the other way.",
      "The parks director, Lorna Whitcombe, told this paper that the pump system failed an inspection in June.",
      "Weekday ridership reached 21,400 trips last spring, the highest since 1994.",
      "The levy pays for most of the county's bus service, and I think voters should renew it.",
      "Since then, the county has bought 38 electric buses with help from a federal grant.",
    ];
    const analysis = analyzeArticle({ title: "Renew the transit levy", paragraphs: sentences, genre: "opinion" }, { glossary: [] });
    const holder = (start: string) => analysis.opinions.find((o) => analysis.sentences.find((s) => s.id === o.sentenceId)?.text.startsWith(start))?.holder;
    expect(holder("Anyone who")).toBe("author");
    expect(holder("The parks director")).not.toBe("author");
    expect(holder("Weekday ridership")).toBeUndefined();
    expect(holder("Since then")).toBeUndefined();
    expect(authorJudgmentCues(sentences[0]!)).not.toEqual([]);
  });

  it.each(COLUMNS)("%s: no claim keyed True or as a fact, no imperative or fragment offered as a fact or a claim", (name) => {
    const { raw, expect: e } = article(name);
    const { questions } = draftFromArticle({ content: raw }, { glossary: [] });
    for (const q of questions) {
      const opinion = e.opinions.find((o) => contains(q.evidence, o));
      if (q.type === "true_false" && q.answer === true && opinion) expect(q.prompt, q.prompt).toMatch(/according to|argues|claims|in the author's view/i);
      if (q.generator === "fact-opinion" && /^A fact/.test(keyText(q))) {
        expect(opinion, q.evidence).toBeUndefined();
        expect(q.evidence).not.toMatch(/^(Consider|Imagine|Think|Vote|Tell)\b/);
      }
      if (q.generator === "argument" && /^The author claims/.test(q.prompt)) expect(q.prompt).toMatch(/\b(is|are|was|were|has|have|should|must|\w+s)\b/);
    }
  });
});

describe("a column's own items", { timeout: 120_000 }, () => {
  it.each(COLUMNS)("%s: its purpose is to persuade, and it gets a fact-or-opinion item", (name) => {
    const { questions } = draftFromArticle({ content: article(name).raw }, { glossary: [] });
    const purpose = questions.find((q) => q.generator === "author-purpose");
    expect(purpose && keyText(purpose)).toBe(PURPOSES.opinion);
    expect(questions.some((q) => q.skills[0] === "fact-opinion")).toBe(true);
  });

  it("drafts at least 6 questions from the 650-word policy column, half of them above recall, with its thesis as the main claim", () => {
    const { raw, expect: e } = article("opinion-transit-levy");
    const { questions } = draftFromArticle({ content: raw }, { glossary: [] });
    expect(questions.length).toBeGreaterThanOrEqual(6);
    const above = questions.filter((q) => !["recall", "numeracy", "chronology"].includes(q.skills[0]!));
    expect(above.length * 2).toBeGreaterThanOrEqual(questions.length);
    const thesis = questions.find((q) => q.prompt === "Which statement best states the author's main claim in this column?");
    expect(thesis).toBeDefined();
    expect(e.opinions.some((o) => contains(keyText(thesis!), o))).toBe(true);
  });

  it("takes an editorial's recommendation as its main claim when the headline shares no word with it", () => {
    const { questions } = draftFromArticle({ content: article("opinion-editorial-redistricting").raw }, { glossary: [] });
    const thesis = questions.find((q) => q.prompt === "Which statement best states the author's main claim in this column?");
    expect(thesis && keyText(thesis)).toMatch(/^The legislature should send voters a constitutional amendment/);
  });
});
