/**
 * Import v2.4 (the fourth blind rating's patterns as rules): interview answers belong to the interviewee the labels
 * and the standfirst name, a joint statement is no one person's, interviews get items on what the interviewee says,
 * page furniture never becomes text, a release without a headline gets one from its lead, and true/false items are
 * reworded alike whatever their key. Every text here is made up for these tests.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/import/analyze";
import { isJointStatement } from "@/lib/import/analyze/quotes";
import { isFurniture } from "@/lib/import/analyze/sentences";
import { announcementTitle, extractArticle } from "@/lib/import/extract";
import { rewordFaithfully } from "@/lib/import/generators/true-false";
import { draftFromArticle, type DraftQuestion } from "@/lib/import";

const analyze = (content: string) => analyzeArticle(extractArticle({ content, format: "text" }), { glossary: [], articleDate: "2026-03-05" });
const importArticle = (input: { content: string; format?: "text"; date?: string }) => draftFromArticle(input, { glossary: [] });
const FIXTURE = fs.readFileSync("tests/fixtures/genres/interview-ferry-union.txt", "utf8");

describe("interview speakers", () => {
  it("credits labelled answers to the interviewee the labels name, and the interviewer's statements to no one", () => {
    const text = [
      "A conversation about the county ferries",
      "HOST: Our guest today is Halima Brandt. Brandt, 52, has been chief dispatcher of the Tarrow Bay ferries for fourteen years.",
      "BRANDT: We run forty-two crossings on a weekday, and every boat has to leave within five minutes of the timetable.",
      "HOST: Commissioner Viktor Lund says the timetable is too ambitious for the boats the county owns.",
      "BRANDT: The boats are old, but the timetable is not the problem. Most delays start at the ramp, where cars board one lane at a time.",
      "We asked the county to study the ramp years ago, and it never built a second lane, so the same delays come back every summer.",
      "Brandt's deputy, Tomas Rill, who has worked the morning shift since 2015, sat in on the conversation and said little.",
      "HOST: Riders say the ferry app shows the wrong arrival times.",
      "BRANDT: The app reads the boats' position every ten minutes, which is far too slow for a short crossing.",
    ].join("\n\n");
    const analysis = analyze(text);
    const speakers = new Set(analysis.quotations.map((q) => q.speaker));
    expect([...speakers]).toEqual(["Halima Brandt"]);
    const credited = analysis.quotations.map((q) => q.text).join(" ");
    // The unlabelled paragraph continues Brandt's turn; the host's statements (even without a question mark) are no one's.
    expect(credited).toContain("never built a second lane");
    // The reporter's narration after an answer is no one's answer, and neither are the host's statements.
    expect(credited).not.toMatch(/too ambitious|Riders say|sat in on/);
    // With no person the article names behind the answer label, no one else is credited with the answers.
    const unnamed = analyze(text.replace(/Halima Brandt\. Brandt, 52, has been/, "our dispatcher, who has been"));
    expect(unnamed.quotations.filter((q) => q.speaker === "Viktor Lund")).toEqual([]);
  });

  it("takes the interviewee from the standfirst, not from the person the questions keep naming", () => {
    const text = [
      "The dispatcher and the commissioner",
      "Lena Ortiz spoke with Halima Brandt about the ferry timetable and the strike that almost happened this spring. Brandt, 52, has been chief dispatcher for fourteen years.",
      "Q: Viktor Lund says the timetable is too ambitious. Viktor Lund also wants fewer crossings. Is Viktor Lund right?",
      "A: The boats are old, but the timetable is not the problem. Most delays start at the ramp, where cars board one lane at a time.",
      "Q: Has Viktor Lund seen the ramp?",
      "A: He has, and I walked it with him last winter. A second loading lane would save more time than any new boat.",
    ].join("\n\n");
    const analysis = analyze(text);
    const answers = analysis.quotations.filter((q) => q.resolvedBy === "interview");
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(new Set(answers.map((q) => q.speaker))).toEqual(new Set(["Halima Brandt"]));
  });

  it("keeps question turns that a plain-text page sets as short lines: they are turns, not section headings", () => {
    const article = extractArticle({ content: FIXTURE, format: "text" });
    expect(article.sections.map((s) => s.title).filter((t) => /\?$/.test(t))).toEqual([]);
    expect(article.paragraphs.filter((p) => /^Q: /.test(p)).length).toBe(7);
  });
});

describe("joint statements", () => {
  it.each([
    "Commissioner Lund and the union leader, Marta Quell, said in a joint statement that the drills will be paid.",
    "Ana Diaz and Li Wen, the two ministers, said the border would reopen.",
    "The talks will resume, said Diaz and Wen.",
    "The mayor and the council said the budget was balanced.",
    "The two governors jointly announced the plan on Monday.",
  ])("“%s” is a joint statement", (text) => {
    expect(isJointStatement(text)).toBe(true);
  });

  it.each(["After meeting Diaz and Wen, Brown said the talks went well.", "Diaz said the border would reopen.", "The mayor said the budget was balanced."])("“%s” is one speaker's", (text) => {
    expect(isJointStatement(text)).toBe(false);
  });

  it("never keys a joint statement to one of its speakers", () => {
    const analysis = analyze(FIXTURE);
    const joint = analysis.sentences.find((s) => /joint statement/.test(s.text))!;
    expect(analysis.quotations.filter((q) => q.sentenceId === joint.id)).toEqual([]);
    expect(analysis.attributions.filter((a) => a.sentenceId === joint.id && /Lund|Quell/.test(a.source))).toEqual([]);
    const draft = importArticle({ content: FIXTURE, format: "text" });
    for (const q of draft.questions) if (/drills will be paid/.test(JSON.stringify(q))) expect(q.generator).not.toMatch(/who-said|perspective-claim/);
  });
});

describe("interview drafts", () => {
  it("drafts at least six questions from the fixture interview, each on what the interviewee says attributed to her", () => {
    const draft = importArticle({ content: FIXTURE, format: "text" });
    expect(draft.questions.length).toBeGreaterThanOrEqual(6);
    const claims = draft.questions.filter((q) => q.generator === "interview-claim");
    expect(claims.length).toBeGreaterThanOrEqual(2);
    const article = extractArticle({ content: FIXTURE, format: "text" });
    const answers = article.paragraphs.filter((p) => /^A: /.test(p)).join(" ");
    const questions = article.paragraphs.filter((p) => /^Q: /.test(p)).join(" ");
    for (const q of claims) {
      if (q.type !== "single") throw new Error("interview-claim items are single choice");
      expect(q.prompt).toContain("Halima Brandt");
      const key = q.choices.find((c) => c.id === q.answer)!.text;
      // The key is her words, verbatim; no wrong answer is anything she says.
      expect(answers).toContain(key);
      for (const c of q.choices.filter((c) => c.id !== q.answer)) expect(answers).not.toContain(c.text);
      expect(q.choices.filter((c) => c.id !== q.answer).some((c) => questions.includes(c.text) || !answers.includes(c.text))).toBe(true);
    }
    // An answer is hers to hold: never copied as a plain true/false fact.
    for (const q of draft.questions) if (q.type === "true_false") expect(answers).not.toContain(q.prompt.replace(/^True or false\? /, ""));
  });

  it("never offers an answer in the first person among third-person statements only (the pronoun would give it away)", () => {
    const draft = importArticle({ content: FIXTURE, format: "text" });
    for (const q of draft.questions.filter((q) => q.generator === "interview-claim")) {
      if (q.type !== "single") continue;
      const key = q.choices.find((c) => c.id === q.answer)!.text;
      const others = q.choices.filter((c) => c.id !== q.answer).map((c) => c.text);
      if (/\b(I|we|my|our)\b/i.test(key)) expect(others.some((o) => /\b(I|we|my|our)\b/i.test(o))).toBe(true);
    }
  });
});

describe("page furniture", () => {
  it.each([
    "Adjust font size:",
    "Listen to this article",
    "Tip: Look for the cause and effect words in each answer before you take the quiz.",
    "Study guide",
    "Read more",
    "Advertisement",
    "Related: Ferry fares rise again",
    "Sign up for our morning newsletter.",
    "Share this",
    "Copyright © 2026 Tarrow Bay Courier",
    "Photo: Ferry crews tie up at the terminal before the morning run.",
    "Image: The new loading ramp at Tarrow Bay.",
    "Ferry crews tie up at the terminal before the morning run. (AP Photo/Jonah Pell)",
    "Crews tie up at the terminal. (Jonah Pell/Tarrow Bay Courier)",
    "Credit Jonah Pell/Tarrow Bay Courier",
    "A version of this article appears in print on , on Page A22 of the New York edition.",
    "This story appeared in the Sunday print edition.",
    "Source: Supplied",
  ])("“%s” is furniture", (text) => {
    expect(isFurniture(text)).toBe(true);
  });

  it.each([
    "The ferry service tips the balance toward the island in summer.",
    "The commissioner said the credit union would lend the money.",
    "Riders can share rides from the terminal to the school.",
    "The ruling appears in print on the court's website and in the county paper.",
    "The main source of the water is a reservoir above the town.",
  ])("“%s” is not furniture", (text) => {
    expect(isFurniture(text)).toBe(false);
  });

  it("drops a caption the page did not mark up: the line after a lone 'Photo' label and before a credit line", () => {
    const article = extractArticle({ content: FIXTURE, format: "text" });
    const text = article.paragraphs.join(" ");
    expect(text).not.toMatch(/Ferry crews tie up|Jonah Pell|Adjust font size|Tip:|Share this|Copyright/);
    expect(article.paragraphs[0]).toMatch(/^Lena Ortiz spoke with Halima Brandt/);
  });
});

describe("press release titles", () => {
  it("takes the title from the lead when the release's only header is the issuing office", () => {
    const text = [
      "Tarrow County Department of Transportation\nOffice of Public Affairs",
      "FOR IMMEDIATE RELEASE",
      "The Tarrow County Department of Transportation today announced a $4 million contract to build a second loading lane at the Tarrow Bay ferry terminal, to open next summer.",
      "The lane will let cars board two at a time, which the department expects to cut the average delay at the ramp by half. Construction will begin in April and is paid for by a state grant.",
      "Crews will work at night so that the ferries keep running on their regular timetable during construction, the department said.",
    ].join("\n\n");
    const article = extractArticle({ content: text, format: "text" });
    expect(article.title).toBe("Tarrow County Department of Transportation announces a $4 million contract to build a second loading lane at the Tarrow Bay ferry terminal");
    expect(announcementTitle("The Harbor Office today announced a plan to repair the north seawall and the old fishing pier with money from the state resilience grant approved in May.")).toBe("Harbor Office announces a plan to repair the north seawall and the old fishing pier");
    expect(article.genre).toBe("press-release");
    expect(article.paragraphs[0]).toMatch(/^The Tarrow County Department/);
  });

  it("keeps a real headline above the lead", () => {
    expect(announcementTitle("The council met on Tuesday.")).toBeUndefined();
    const text = ["FOR IMMEDIATE RELEASE", "County to Build Second Ferry Loading Lane", "The Tarrow County Department of Transportation today announced a $4 million contract to build a second loading lane at the ferry terminal.", "The lane will let cars board two at a time, which the department expects to cut the average delay at the ramp by half, and construction begins in April.", "Crews will work at night so that the ferries keep running on their regular timetable during construction, the department said in its notice to riders.", "Riders can follow the work on the department's website, where a weekly update will list any night crossings that move to the second ramp."].join("\n\n");
    expect(extractArticle({ content: text, format: "text" }).title).toBe("County to Build Second Ferry Loading Lane");
  });
});

describe("true/false rewording", () => {
  it.each([
    ["The ferry will add a second lane next year, county officials said Thursday.", "County officials said Thursday that the ferry will add a second lane next year."],
    ["On Friday, the county will open bids for the new ramp.", "The county will open bids for the new ramp on Friday."],
    ["The dispatcher said the app was too slow for short crossings.", "The dispatcher stated the app was too slow for short crossings."],
    ["Additionally, the board approved the contract for the ramp.", "The board approved the contract for the ramp."],
  ])("rewords “%s” without changing what it says", (from, to) => {
    expect(rewordFaithfully(from)).toBe(to);
  });

  it("leaves alone what it cannot reword safely (quotations, questions, a pronoun subject)", () => {
    expect(rewordFaithfully(`"We will open the lane," Brandt said.`)).toBeUndefined();
    expect(rewordFaithfully("Will the lane open next year?")).toBeUndefined();
    expect(rewordFaithfully("The lane will open next year, he said.")).toBe("The lane will open next year, he stated.");
  });

  it("rewords true and false items alike, so a reworded statement is not a clue to the key", () => {
    const text = [
      "Tarrow Bay to add second ferry loading lane",
      "TARROW BAY — The county will build a second loading lane at the ferry terminal next year, transportation director Ines Moreau said Thursday.",
      "On Friday, the county board will vote on a $4 million contract for the lane, which Moreau said would cut the average delay at the ramp by half.",
      "Board chair Oskar Lind has opposed the plan since 2024 and wants the county to buy a new boat instead of building the lane.",
      "In 2019, a county study found that most delays start at the ramp, where cars board one lane at a time during the summer months.",
      "The ferry service runs forty-two crossings on a weekday and thirty on a Saturday, and carries about 3,100 riders a day in the summer.",
      "A new boat would cost about $12 million and take three years to deliver, according to the county's transportation budget for this year.",
    ].join("\n\n");
    const draft = importArticle({ content: text, format: "text", date: "2026-03-05" });
    const items = [...draft.questions, ...Object.values(draft.alternates).flat()].filter((q): q is DraftQuestion => q !== undefined && q.type === "true_false");
    const reworded = items.filter((q) => !text.includes(q.prompt.replace(/^True or false\? /, "").replace(/\.$/, "")));
    const keys = new Set(reworded.map((q) => q.type === "true_false" && q.answer));
    // Reworded items exist with both keys (not only the false ones).
    expect(keys).toEqual(new Set([true, false]));
  });
});

describe("a transcript's summary", () => {
  // Our own radio transcript: the host's labelled turns and questions are long, central-looking sentences that share
  // the topic's words, and used to be picked as the summary of what the article says.
  const TRANSCRIPT = [
    "Harbor Radio, Episode 12: Who should pay to fix the Tarrow Bay seawall?",
    "HOST: The Tarrow Bay seawall cracked again this winter, and the county council will vote on a repair plan next month.",
    "HOST: Engineer Mira Okafor has inspected the seawall for the county since 2019, and she joins us today to explain the repair plan.",
    "MIRA OKAFOR: The seawall was built in 1961 for smaller storms than the ones the bay gets now.",
    "HOST: Why does the repair plan cost so much more than the county expected when the seawall first cracked?",
    "MIRA OKAFOR: Steel and concrete prices doubled, and the repair has to reach deeper water than the first estimate assumed.",
    "HOST: Would the seawall repair plan protect the harbor homes if another big storm hits before the council vote?",
    "MIRA OKAFOR: A temporary barrier of sandbags will protect the lowest streets until the repair starts in the spring.",
    "MIRA OKAFOR: The council has to choose between a bond that residents repay over twenty years and a smaller yearly fee.",
    "MIRA OKAFOR: Without a repair, the county expects flooding on the harbor streets several times a year within a decade.",
  ].join("\n\n");

  it("is built from what is said, never from a host's labelled turn or a question", () => {
    const draft = importArticle({ content: TRANSCRIPT, format: "text" });
    expect(draft.lesson.summary.length).toBeGreaterThan(0);
    expect(draft.lesson.summary).not.toMatch(/HOST:|MIRA OKAFOR:|\?/);
    expect(draft.lesson.summary).toMatch(/seawall|repair|flooding|barrier|bond/);
  });
});
