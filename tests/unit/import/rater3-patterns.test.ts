/**
 * The patterns of the third blind rating, as general rules (issue #13): page furniture of every genre never becomes
 * text (captions repeated as paragraphs, podcast greetings and credits, press-release headers and boilerplate,
 * docket numbers, reader prompts), broken markup never costs the rest of the page, and the question generators
 * abstain or attribute where the rater found guesses. All texts are made up for these tests.
 */
import { describe, expect, it } from "vitest";
import { extractArticle, repairHtml } from "@/lib/import/extract";
import { isFurniture } from "@/lib/import/analyze/sentences";

const P = [
  "The Harbor City council voted 6 to 3 on Monday to rebuild the seawall along the old fishing pier, ending a debate that had lasted almost two years.",
  "The project will cost about $48 million, according to the city budget office, and most of the money will come from a state resilience grant approved last spring.",
  "Residents who live near the pier have complained for years that storm surges flood their basements, and several of them spoke at the meeting before the vote.",
  "Council member Rosa Delgado, who voted against the plan, said the city should have studied cheaper options such as restoring the marsh north of the harbor first.",
  "Construction is expected to start next summer and to take three years, during which the pier will stay open to fishing boats but closed to visitors on weekdays.",
];
const page = (body: string) => `<!doctype html><html><head><title>Harbor City votes to rebuild seawall</title></head><body><article><h1>Harbor City votes to rebuild seawall</h1>${body}</article></body></html>`;
const paras = (...idx: number[]) => idx.map((i) => `<p>${P[i]}</p>`).join("");

describe("broken markup keeps the rest of the page", () => {
  it.each([
    ["a self-closing <textarea/>", `<textarea name="comment"/>`],
    ["a self-closing <script/>", `<script src="/tracker.js"/>`],
    ["a comment that never ends", `<!-- ad slot `],
    ["an unclosed <xmp>", `<xmp>`],
    ["an unclosed <plaintext>", `<plaintext>`],
  ])("after %s", (_label, broken) => {
    const result = extractArticle({ content: page(`${paras(0, 1)}${broken}${paras(2, 3, 4)}`) });
    expect(result.paragraphs).toEqual(P);
  });

  it("still drops a closed comment and a closed <xmp> with their contents", () => {
    expect(repairHtml(`<p>a</p><!-- hidden note --><xmp>raw code</xmp>`)).not.toContain("hidden note");
    const result = extractArticle({ content: page(`${paras(0, 1)}<xmp>raw code words here</xmp>${paras(2, 3, 4)}`) });
    expect(result.paragraphs.join(" ")).not.toContain("raw code");
  });
});

describe("furniture of every genre", () => {
  it("drops a photo caption repeated as a plain paragraph next to its figure", () => {
    const caption = "Waves break over the old seawall on Monday morning.";
    const html = page(`${paras(0)}<figure><img src="a.jpg"><figcaption>${caption} Photo by Ana Ruiz / Coast Ledger</figcaption></figure><p>${caption}</p>${paras(1, 2, 3, 4)}`);
    expect(extractArticle({ content: html }).paragraphs).toEqual(P);
  });

  it.each([
    "HOST (JUNE PARK): Hello and welcome to The Civics Hour.",
    "Thanks for listening.",
    "ARTURO BLAINE: Thanks for having me, June.",
    "JUNE PARK: Arturo Blaine, thank you so much.",
    "My pleasure.",
    "That's our show for this week.",
    "The Civics Hour is produced by Dana Whitlock and edited by Sam Ferreira.",
    "Our theme music is by the Lowtide Trio.",
    "If you enjoyed this episode, subscribe wherever you get your podcasts and leave us a review.",
    "FOR IMMEDIATE RELEASE",
    "Contact: Priya Nandakumar, Communications Office",
    "About the Bellmont Water Authority: The authority serves 118,000 customers in Bellmont.",
    "###",
    "Photo caption: The county library in Ashford, where the case began. (Staff photo)",
    "Docket No. 2025-SC-0417",
    "Have a question about voting? Send it to our newsroom and we may answer it.",
    "Send it to our newsroom and we may answer it in a future explainer.",
  ])("“%s” is furniture", (text) => {
    expect(isFurniture(text)).toBe(true);
  });

  it.each([
    "Thanks to a state grant, the town paid for half of the new fixtures.",
    "Contact with the virus is most likely in crowded rooms, the health office said.",
    "About 6,300 homes in Bellmont still receive water through lead pipes.",
    "The board asked residents to send comments to the clerk before Friday.",
  ])("“%s” is not furniture", (text) => {
    expect(isFurniture(text)).toBe(false);
  });

  it("reads a podcast episode title as the title and drops its greeting and credits", () => {
    const text = [
      "The Civics Hour, Episode 58: Who draws the lines?",
      "HOST (JUNE PARK): Hello and welcome to The Civics Hour. I'm June Park, and thanks for listening.",
      `HOST (JUNE PARK): ${P[0]} ${P[1]}`,
      `ARTURO BLAINE: ${P[2]} ${P[3]}`,
      `JUNE PARK: ${P[4]}`,
      "JUNE PARK: That's our show for this week. The Civics Hour is produced by Dana Whitlock and edited by Sam Ferreira.",
    ].join("\n\n");
    const result = extractArticle({ content: text, format: "text" });
    expect(result.title).toBe("The Civics Hour, Episode 58: Who draws the lines?");
    expect(result.paragraphs.join(" ")).not.toMatch(/welcome|produced by/);
    expect(result.paragraphs).toHaveLength(3);
  });

  it("reads a press release's headline, not its contact line, and drops the boilerplate and end mark", () => {
    const text = [
      "FOR IMMEDIATE RELEASE\nContact: Priya Nandakumar, Communications Office, (555) 014-2231",
      "Harbor City approves $48 million plan to rebuild seawall",
      `HARBOR CITY, Oct. 14, 2026 — ${P[0]}`,
      P[1],
      P[2],
      P[3],
      "About the Harbor City Council: The council has nine members elected by district.",
      "###",
    ].join("\n\n");
    const result = extractArticle({ content: text, format: "text" });
    expect(result.title).toBe("Harbor City approves $48 million plan to rebuild seawall");
    expect(result.paragraphs).toEqual(P.slice(0, 4));
  });
});

import { analyzeArticle } from "@/lib/import/analyze";
import { Context } from "@/lib/import/generators/common";
import { pickMainIdeas } from "@/lib/import/generators/main-idea";
import { authorPurposeQuestions } from "@/lib/import/generators/author-purpose";
import { factOpinionQuestions } from "@/lib/import/generators/fact-opinion";
import { trueFalseQuestions } from "@/lib/import/generators/true-false";
import { perspectiveQuestions } from "@/lib/import/generators/perspective";
import type { Genre } from "@/lib/import/types";

const analyze = (paragraphs: string[], genre: Genre, title?: string) => analyzeArticle({ paragraphs, genre, ...(title ? { title } : {}) }, { glossary: [] });

describe("main idea and purpose abstain where the point is not in the opening", () => {
  const transcript = [
    "HOST (JUNE PARK): Today we are talking about redistricting, the redrawing of district lines after every census in each state.",
    "JUNE PARK: Let's start with the basics of redistricting. Who actually draws the district maps in most states?",
    "ARTURO BLAINE: In most states the legislature draws its own districts, so lawmakers choose the voters who will decide whether they keep their jobs.",
    "ARTURO BLAINE: About a dozen states hand redistricting to a commission, which usually includes members of both major parties and meets in public.",
    "JUNE PARK: Do commissions always produce fairer district maps than the legislatures do in those states?",
    "ARTURO BLAINE: Not always, since a commission can deadlock, and then a court often draws the district map instead of the commission.",
    "ARTURO BLAINE: Studies of the 2021 round found that commission maps were on average more competitive than maps drawn by legislatures.",
  ];
  it("makes no main-idea or purpose item from a podcast transcript", () => {
    const ctx = new Context(analyze(transcript, "interview", "Who draws the district maps in redistricting?"));
    expect(pickMainIdeas(ctx)).toEqual([]);
    expect(authorPurposeQuestions(ctx)).toEqual([]);
  });
  it("makes no main-idea item from a Q&A whose introduction sets a scene", () => {
    const qa = [
      "It was nearly midnight when we found the ranger Ines Carvalho on Marrow Ridge, checking the dark sky with a small meter.",
      "Carvalho has worked as a ranger at Halden Valley State Park for eleven years and led its application for dark-sky status.",
      "Q: What does the dark-sky status change for the park and for the people who visit the park at night?",
      "A: It commits the park to keeping artificial light low, and every outdoor light at the park has to point down and use warm bulbs.",
      "Q: Why does the dark sky matter to people who never visit the park at night?",
      "A: Light at night confuses migrating birds and insects, and darkness is part of the habitat of the park just like water is.",
      "Q: What do you want visitors to the park to take away from a night under the dark sky?",
      "A: That the dark sky is something we can lose without noticing, and one of the easiest things in the park to restore.",
    ];
    expect(pickMainIdeas(new Context(analyze(qa, "interview", "The ranger who protects the park's dark sky")))).toEqual([]);
  });
});

describe("fact or opinion: reported speech and procedures", () => {
  const news = [
    "The Riverton Transit Authority board voted 6-3 on Thursday to cut bus fares for students and riders over 65 by half.",
    "Board chair Miriam Castellanos called the cut overdue and unfair to wait any longer for.",
    "The reduced fare will be $1.25 a ride, down from $2.50, starting on Jan. 5 for all riders who qualify.",
    "Board member Grant Whitfield said the $3.2 million deficit made the cut reckless and irresponsible.",
    "The authority will cover the lost revenue of $2.4 million a year with a sales tax that voters approved in 2024.",
    "About 21,000 riders in 2025 would have qualified for the new fare, the planning office counted in March.",
  ];
  it("never says “according to the author” of a judgment someone else made in a news story", () => {
    const items = trueFalseQuestions(new Context(analyze(news, "news")));
    expect(items.map((q) => q.prompt).join("\n")).not.toMatch(/According to the author/);
  });
  it("never keys a sentence of reported speech as a fact", () => {
    const items = factOpinionQuestions(new Context(analyze([...news, "The fare cut is clearly the best decision the board has made in years, and it is long overdue."], "opinion")));
    const facts = items.filter((q) => q.type === "single" && q.answer === "a" && /fact or an opinion/.test(q.prompt));
    for (const q of facts) expect(q.prompt).not.toMatch(/\b(said|called|counted)\b/);
  });
  it("does not call a step of a procedure in an explainer an opinion", () => {
    const explainer = [
      "A registered voter asks the county clerk for an absentee ballot, either online or with a paper form, before the deadline.",
      "It is important that the request reaches the clerk at least seven days before Election Day in 2026.",
      "The voter must sign the outer envelope, and it is essential that the signature matches the one on file.",
      "An election worker compares the signature with the one in the voter's registration file when the envelope arrives.",
      "In 2024, about 38 percent of the state's 2.1 million votes arrived by mail, according to the secretary of state.",
      "Only after the signature is accepted is the outer envelope opened and the inner envelope separated from it.",
    ];
    const items = factOpinionQuestions(new Context(analyze(explainer, "analysis")));
    expect(items.filter((q) => q.answer === "b")).toEqual([]);
  });
});

describe("who said and who claims", () => {
  const ruling = [
    "The state Supreme Court ruled 4-3 on Tuesday that libraries may not give police a reader's records without a warrant.",
    "Justice Samuel Greer wrote the dissent, joined by Justices Lena Hart and Victor Amsel.",
    "“The majority rewrites a statute it does not like,” the dissent said.",
    "Justice Carla Benning wrote the majority opinion, joined by Chief Justice Owen Tate and Justice Priya Raman.",
  ];
  it("credits a dissent's words to the justice who wrote it, never to one who joined it", () => {
    const analysis = analyze(ruling, "news");
    const quote = analysis.quotations.find((q) => q.text.startsWith("The majority rewrites"));
    expect(quote?.speaker).toBe("Samuel Greer");
    expect(analysis.attributions.some((a) => /^the dissent, joined/.test(a.claim))).toBe(false);
  });
  it("credits “…,” Hart wrote in a dissent joined by Amsel to Hart, not Amsel", () => {
    const analysis = analyze(
      [ruling[0]!, "“Police will now wait weeks for what once took an afternoon,” wrote Justice Lena Hart, joined by Justice Victor Amsel and Justice Samuel Greer."],
      "news",
    );
    expect(analysis.quotations[0]?.speaker).toBe("Lena Hart");
  });
  it("asks “who claims” only when no he/she in the claim points at the answer", () => {
    const story = [
      "More than 200 parents and students attended the school board meeting on Tuesday night in Fenwick.",
      "Student Kai Albers said she regularly falls asleep in her first-period class at Fenwick High.",
      "Parent Douglas Fenner said a later end time would push sports practices past dark for most teams.",
      "Transportation director Wendell Brisco said the later schedule would require 14 additional buses.",
      "Board president Aurelia Stamos said the board still supported the idea of later start times.",
    ];
    const prompts = perspectiveQuestions(new Context(analyze(story, "news"))).map((q) => q.prompt);
    expect(prompts.some((p) => /who claims/.test(p))).toBe(true);
    expect(prompts.filter((p) => /who claims/.test(p) && /\b(she|he|her|his)\b/.test(p))).toEqual([]);
  });
});

import { argumentQuestions } from "@/lib/import/generators/argument";
import { inflections } from "@/lib/import/analyze/synonyms";

describe("an opinion column's argument", () => {
  const column = [
    "Harlow County voters will decide on Nov. 4 whether to use ranked-choice ballots in county elections, and they should say yes.",
    "Under the proposal, voters would rank up to five candidates for county commission instead of picking only one of them.",
    "In the 2022 commission race, Dale Prewitt won a five-way primary with 31 percent of the vote in the county.",
    "Critics say ranked ballots confuse voters and slow down the count.",
    "But the evidence from other places does not support the fear of confusion among voters.",
    "When Linwood County switched in 2021, its rate of spoiled ballots stayed under 1 percent of all ballots cast.",
    "The county already spends about $95,000 on every runoff election, and ranked ballots would end the runoffs.",
    "Some opponents also argue that the change helps fringe candidates.",
    "The opposite is more likely: a candidate with a narrow base cannot win without the second choices of other voters.",
  ];
  const analysis = analyzeArticle({ paragraphs: column, genre: "opinion", title: "Give ranked-choice voting a fair trial in Harlow County" }, { glossary: [] });
  const items = argumentQuestions(new Context(analysis), false);
  it("asks for the thesis, keyed to the author's claim, with the critics' view among the wrong choices", () => {
    const thesis = items.find((q) => /main claim/.test(q.prompt));
    expect(thesis?.type).toBe("single");
    if (thesis?.type !== "single") return;
    expect(thesis.choices.find((c) => c.id === thesis.answer)?.text).toBe(column[0]);
    expect(thesis.choices.map((c) => c.text)).toContain(column[3]);
    expect(thesis.evidence).toBe(column[0]);
  });
  it("asks for the author's reply to each objection, citing the reply", () => {
    const replies = items.filter((q) => /reply to it/.test(q.prompt));
    expect(replies.length).toBeGreaterThanOrEqual(1);
    for (const q of replies) {
      if (q.type !== "single") continue;
      const key = q.choices.find((c) => c.id === q.answer)!.text;
      expect([column[4], column[8]]).toContain(key);
      expect(q.evidence).toBe(key);
      // The critics' own words are never a choice.
      expect(q.choices.map((c) => c.text)).not.toContain(column[3]);
    }
  });
  it("makes no argument item outside an opinion column", () => {
    expect(argumentQuestions(new Context({ ...analysis, genre: "news" }), false)).toEqual([]);
  });
});

describe("accepted answers", () => {
  it("never accept a made-up singular (“bu” for “bus”)", () => {
    expect(inflections("bus")).not.toContain("bu");
    expect(inflections("school bus")).not.toContain("school bu");
    expect(inflections("ballots")).toContain("ballot");
    expect(inflections("ballot")).toContain("ballots");
  });
});

import { blankProblem, givenAway } from "@/lib/import/gates/blank";
import { clozeQuestions } from "@/lib/import/generators/cloze";

describe("blanks the sentence gives away", () => {
  it.each([
    ["A registered voter asks the county clerk for a ballot, either online or with a paper form.", "form"],
    ["The county clerk mails every ballot with two envelopes and a return label.", "clerk"],
    ["The voter signs the outer envelope, and the clerk checks the signature.", "signature"],
    ["The committee counted the votes again, and the count took two days.", "count"],
  ])("“%s” gives away “%s”", (sentence, answer) => {
    expect(givenAway(sentence, answer)).toBe(true);
    expect(blankProblem(sentence, answer, [answer], [answer])).toMatch(/gives the gap away/);
  });
  it.each([
    ["Voters cast ballots in every precinct of the county on Tuesday.", "ballots"],
    ["The board approved new sanctions on Monday after a long debate.", "sanctions"],
    ["The request must reach the clerk at least seven days before Election Day.", "clerk"],
  ])("“%s” does not give away “%s”", (sentence, answer) => {
    expect(givenAway(sentence, answer)).toBe(false);
  });
  it("accepts a hyphenated phrase written with a space, and the last two words of a three-word phrase", () => {
    const paragraphs = [
      "Harlow County will hold a vote on ranked-choice voting in local elections this fall, the county clerk announced on Monday.",
      "Supporters of ranked-choice voting say winners would need a majority of the vote to take office in the county.",
      "The state resilience grant will pay for most of the seawall, and the state resilience grant must be spent by 2028.",
      "Engineers said the seawall design would be ready in March, before the state resilience grant deadline arrives.",
    ];
    const items = clozeQuestions(new Context(analyze(paragraphs, "news")));
    const answers = items.flatMap((q) => (q.type === "cloze" ? Object.values(q.answer).flat() : []));
    if (answers.includes("ranked-choice voting")) expect(answers).toContain("ranked choice voting");
    if (answers.includes("state resilience grant")) expect(answers).toContain("resilience grant");
    expect(answers.some((a) => a === "ranked-choice voting" || a === "state resilience grant")).toBe(true);
  });
});

describe("press releases", () => {
  it("are read as press releases (their own purpose), never as a confident other genre", () => {
    const text = ["FOR IMMEDIATE RELEASE", "Harbor City approves $48 million plan to rebuild seawall", ...P, "###"].join("\n\n");
    const article = extractArticle({ content: text, format: "text" });
    expect(article.genre).toBe("press-release");
    expect(article.genreCertain).not.toBe(false);
    expect(extractArticle({ content: ["Harbor City approves $48 million plan to rebuild seawall", ...P].join("\n\n"), format: "text" }).genreCertain).not.toBe(false);
  });
});

describe("blanks after a verb", () => {
  it("a verb that can be a noun (“experts who study ____”) does not count as a modifier", () => {
    expect(givenAway("Experts who study sanctions say enforcement is the hard part.", "sanctions")).toBe(false);
  });
});
