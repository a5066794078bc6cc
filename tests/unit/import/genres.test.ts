/**
 * Genres beyond news/opinion/analysis (outside rating, pattern 1) and titles from page furniture (pattern 4), on
 * short articles of our own in tests/fixtures/genres/.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromArticle } from "@/lib/import";
import { extractArticle } from "@/lib/import/extract";
import { PURPOSES } from "@/lib/import/generators/author-purpose";
import { detectGenre } from "@/lib/import/genre";

const read = (name: string) => fs.readFileSync(path.join(path.resolve("tests/fixtures/genres"), name), "utf8");
const purposeOf = (name: string) => {
  const draft = draftFromArticle({ content: read(name), date: "2026-03-05" }, { glossary: [] });
  const item = draft.questions.find((q) => q.generator === "author-purpose");
  return { draft, key: item && item.type === "single" ? item.choices.find((c) => c.id === item.answer)?.text : undefined };
};

describe("genre detection: more genres, from labels, titles and structure", () => {
  it.each([
    ["press-release.txt", "press-release"],
    ["court-summary.md", "legal"],
    ["interview-plain.txt", "interview"],
    ["opinion-pipe-title.html", "opinion"],
    ["feature-first-person.txt", "feature"],
    ["news-senators.txt", "news"],
    ["explainer-stopgap.txt", "analysis"],
    ["tagline-page.html", "news"],
    ["opinion-unlabelled.txt", "opinion"],
    ["feature-scene-lede.txt", "feature"],
    ["explainer-questions.txt", "analysis"],
  ])("%s is %s", (file, genre) => {
    expect(extractArticle({ content: read(file) }).genre).toBe(genre);
  });

  const report = [
    "The town council voted 5-2 on Tuesday to sell the old library building on Chestnut Street to a developer for $1.2 million.",
    "Council member Ada Price said the money would pay for repairs at the new library across town.",
    "The sale still needs approval from the county planning board, which meets in April.",
  ];

  it("reads a genre label after the headline (\"… | Opinion\") even where the body reads like a report", () => {
    expect(detectGenre({ title: "Selling the old library is a mistake", paragraphs: report }).genre).toBe("news");
    for (const title of ["Selling the old library is a mistake | Opinion", "Selling the old library is a mistake - Op-Ed", "Commentary: selling the old library is a mistake"]) {
      expect(detectGenre({ title, paragraphs: report }).genre, title).toBe("opinion");
    }
    const page = `<html><head><meta property="og:title" content="Selling the old library is a mistake | Opinion"></head><body><article><h1>Selling the old library is a mistake</h1>${[...report, ...report].map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const article = extractArticle({ content: page });
    expect(article.title).toBe("Selling the old library is a mistake");
    expect(article.genre).toBe("opinion");
  });

  it("reads questions as plain paragraphs, answered in the first person, as an interview, not a column", () => {
    const turns = [
      "Rosa Delgado has chaired the harbor board for six years. We spoke after the vote.",
      "Why did you vote against the seawall?",
      "I think the marsh would protect the same homes for less money, and I have said so since 2022.",
      "What happens now?",
      "The design goes out for comment, and I will push for the marsh to be part of it. My neighbors agree.",
      "Do you expect to win?",
      "Not this year, but I believe the grant rules give us another chance in the spring.",
    ];
    const verdict = detectGenre({ title: "A board chair on her seawall vote", paragraphs: turns });
    expect(verdict.genre).toBe("interview");
    expect(verdict.scores.opinion).toBeLessThan(verdict.scores.interview);
  });

  it("keeps a news report of a court ruling as news, and a case summary as legal", () => {
    const reported = [
      "The state Supreme Court ruled Thursday that the county's new voting map broke the state constitution, the court's spokesman said.",
      "Four justices joined the majority opinion, and two dissented.",
      "County officials said they would draw a new map before the filing deadline.",
    ];
    expect(detectGenre({ title: "Court strikes down county map", paragraphs: reported }).genre).toBe("news");
    expect(detectGenre({ title: "Okafor v. Marlow County", paragraphs: reported.slice(1), headings: ["Facts of the case", "Question", "Holding"] }).genre).toBe("legal");
  });
});

describe("genre on real pages, without labels (v2.4)", () => {
  it.each([
    ["opinion-unlabelled.txt", "opinion"],
    ["feature-scene-lede.txt", "feature"],
    ["explainer-questions.txt", "analysis"],
  ])("reads %s as %s from its text alone, with certainty", (file, genre) => {
    const article = extractArticle({ content: read(file) });
    expect(article.genre).toBe(genre);
    expect(article.genreCertain).toBe(true);
  });

  const column = [
    "Every spring our town argues about the bus depot, and every spring we end up exactly where we started.",
    "Think about who rides the number 4 bus. Our neighbors who work the early shift at the hospital cannot wait for another study.",
    "We have the money in the transit fund. Why does the council keep asking for a fourth report on the same depot?",
    "The depot should be rebuilt this year, and the council should stop pretending the answer is unclear.",
    "If you ride the bus, tell your council member before the vote. We owe the early shift that much.",
  ];

  it("reads a column written as \"we\" with no label as opinion, where the old cues saw news", () => {
    const verdict = detectGenre({ title: "Rebuild the bus depot now", paragraphs: column });
    expect(verdict.genre).toBe("opinion");
    expect(verdict.certain).toBe(true);
    expect(verdict.cues.join(" ")).toMatch(/speaks as "we"/);
  });

  it("counts a columnist's byline on the page, which extraction drops as furniture", () => {
    const plain = ["The council voted to delay the depot repairs until a fourth study is complete.", "The study will cost $40,000 and take eight months.", "Riders have waited for the depot since 2019."];
    expect(detectGenre({ title: "The depot can't wait", paragraphs: plain }).genre).toBe("news");
    const signed = detectGenre({ title: "The depot can't wait", paragraphs: plain, pageText: `The depot can't wait\n\n${plain.join("\n\n")}\n\nMara Lind is a contributing columnist for the Weekly Ledger.` });
    expect(signed.genre).toBe("opinion");
    // A reporter's bio is not a columnist's.
    expect(detectGenre({ title: "The depot can't wait", paragraphs: plain, pageText: "Mara Lind covers transit for the Weekly Ledger." }).genre).toBe("news");
  });

  it("reads a \"Where …?\" headline and a question heading over a report as analysis", () => {
    const paragraphs = [
      "The governor signed the water compact last month after two years of talks with the three neighboring states.",
      "Over the longer term, analysts expect the compact to shift how much river water each state may draw in dry years, which means farms upstream could face cuts first.",
      "The first test could come this summer if the river runs low again, as it did in 2022.",
      "The compact sets a formula rather than fixed amounts. That means each state's share rises and falls with the river.",
    ];
    const verdict = detectGenre({ title: "Where does the river deal leave farmers?", paragraphs, headings: ["Where do the states go from here?"] });
    expect(verdict.genre).toBe("analysis");
  });

  it("keeps wire news with \"said\" in every paragraph and a weekday in the lead as news, with certainty", () => {
    const wire = [
      "The city council voted 6-1 on Tuesday to raise bus fares by 25 cents, the council's clerk said.",
      "Council member Ruth Adair said the increase would cover rising fuel costs.",
      "Rider groups said they would ask the state to step in, according to a statement.",
      "The new fares take effect on March 1, the transit authority said.",
    ];
    const verdict = detectGenre({ title: "Council raises bus fares", paragraphs: wire, hasDateline: true });
    expect(verdict.genre).toBe("news");
    expect(verdict.certain).toBe(true);
    expect(verdict.cues).not.toContain("feature: scene-setting lead");
  });

  it("does not take a procedure's \"must\" for a columnist's thesis", () => {
    const steps = [
      "A voter who wants a mail ballot must ask the county clerk at least seven days before the election.",
      "The clerk checks the voter's registration and mails the ballot with two envelopes.",
      "The voter must sign the outer envelope. A ballot without a signature is set aside, and the clerk sends a letter.",
      "Ballots must arrive by the close of polls on Election Day to be counted.",
    ];
    expect(detectGenre({ title: "How a mail ballot is counted", paragraphs: steps }).cues.join(" ")).not.toMatch(/thesis/);
  });
});

describe("author's purpose follows the genre", () => {
  it("announces and promotes for a press release", () => {
    expect(purposeOf("press-release.txt").key).toBe(PURPOSES["press-release"]);
  });
  it("summarizes the court's decision for a case summary", () => {
    expect(purposeOf("court-summary.md").key).toBe(PURPOSES.legal);
  });
  it("lets the interviewee explain for a Q&A, never \"to persuade\"", () => {
    const { key, draft } = purposeOf("interview-plain.txt");
    expect(key).toBe(PURPOSES.interview);
    expect(draft.lesson.discussion.join(" ")).not.toMatch(/persuade/);
  });
  it("never tells students a feature wants to persuade them", () => {
    const { key, draft } = purposeOf("feature-first-person.txt");
    expect(key === undefined || key === PURPOSES.feature).toBe(true);
    expect(draft.lesson.discussion.join(" ")).not.toMatch(/persuade/);
  });
});

describe("titles from page furniture", () => {
  it("skips a site slogan used as og:title for the page's own headline", () => {
    const article = extractArticle({ content: read("tagline-page.html") });
    expect(article.title).toBe("County clerk adds weekend hours for voter registration");
    expect(article.sections.map((s) => s.title)).not.toContain("County clerk adds weekend hours for voter registration");
  });
  it("skips a \"PRESS RELEASE from Office of …\" header for the release's headline", () => {
    expect(extractArticle({ content: read("press-release.txt") }).title).toBe("Governor Marsh Signs Rural Broadband Act Into Law");
  });
  it("takes a pasted text's first line as the headline when the story follows without a blank line", () => {
    const body = "The county clerk's office will open on Saturdays in September so residents can register before the deadline, the clerk said on Monday.\nThe office will be open from 9 a.m. to 1 p.m. on four Saturdays, and the county board approved $6,000 for overtime.";
    const article = extractArticle({ content: `Clerk adds weekend hours\n${body}\n\n${body}` });
    expect(article.title).toBe("Clerk adds weekend hours");
    expect(article.paragraphs[0]).toMatch(/^The county clerk's office/);
  });
});
