/**
 * The opinion-as-fact gate (lib/import/gates/opinion-fact.ts): an author's judgment is never keyed as a fact, even
 * when the genre detector read the column as news. Sentences are our own.
 */
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/import/analyze";
import { generateQuestions } from "@/lib/import/generate-questions";
import { authorJudgmentCues, authorVoiced, opinionAsFactProblem } from "@/lib/import/gates/opinion-fact";
import type { DraftQuestion } from "@/lib/import/types";

const base = { id: "q1", explanation: "", difficulty: 1, evidenceAnchor: "p1", score: 1 } as const;
const trueFalse = (evidence: string, prompt = `True or false? ${evidence}`, answer = true): DraftQuestion =>
  ({ ...base, type: "true_false", prompt, answer, skills: ["recall"], generator: answer ? "true-false-original" : "true-false-swap", evidence });
const cloze = (evidence: string): DraftQuestion =>
  ({ ...base, type: "cloze", prompt: "Fill in the blank with the missing word or words from the article.", text: evidence, answer: { blank: ["council"] }, skills: ["recall"], generator: "cloze-key-sentence", evidence }) as unknown as DraftQuestion;
const FACT = "A fact: something that can be checked";
const OPINION = "An opinion: a judgment that people could disagree with";
const factOrOpinion = (evidence: string, key: "fact" | "opinion"): DraftQuestion =>
  ({
    ...base,
    type: "single",
    prompt: `Is this sentence from the article a fact or an opinion? “${evidence}”`,
    choices: [
      { id: "a", text: FACT },
      { id: "b", text: OPINION },
    ],
    answer: key === "fact" ? "a" : "b",
    skills: ["fact-opinion"],
    generator: "fact-opinion",
    evidence,
  });

describe("authorJudgmentCues", () => {
  it.each([
    ["The council should stop studying the pool and start fixing it.", "should"],
    ["I think the new schedule makes our buses less reliable.", "i think"],
    ["It is time the county paid its poll workers a fair wage.", "it is time"],
    ["The obvious answer is already in the council's own report.", "obvious"],
    ["Closing the library on Saturdays was a mistake.", "was a mistake"],
    ["Why does the board need a second study to learn what the first one said?", "a question to the reader"],
  ])("finds the author's judgment in %j", (sentence, cue) => {
    expect(authorJudgmentCues(sentence)).toContain(cue);
  });

  it.each([
    "The council voted 5-2 on Tuesday to close the pool for the summer.",
    "Critics said the plan was reckless and should be dropped.",
    "“This is a disgraceful decision,” said Ana Cole, who leads the swim club.",
    "Voters must register at least 15 days before the election.",
    "The storm was the worst to hit the coast since 1998.",
    "The two council members disagree on who should pay for the repairs.",
  ])("finds none in a report, a quotation, a rule or a factual superlative: %j", (sentence) => {
    expect(authorJudgmentCues(sentence)).toEqual([]);
  });
});

describe("opinionAsFactProblem", () => {
  const judgment = "The council should stop studying the pool and start fixing it.";
  const fact = "The council voted 5-2 on Tuesday to close the pool for the summer.";

  it("refuses a judgment copied or swapped as a plain true/false statement", () => {
    expect(opinionAsFactProblem(trueFalse(judgment))).toMatch(/true\/false/);
    expect(opinionAsFactProblem(trueFalse(judgment, "True or false? The mayor should stop studying the pool and start fixing it.", false))).toMatch(/true\/false/);
    expect(opinionAsFactProblem(trueFalse(fact))).toBeUndefined();
  });

  it("lets a judgment through once the prompt says whose it is", () => {
    expect(opinionAsFactProblem(trueFalse(judgment, `True or false? According to the author, ${judgment.toLowerCase()}`))).toBeUndefined();
  });

  it("refuses a blank in a judgment, attributed or not", () => {
    expect(opinionAsFactProblem(cloze(judgment))).toMatch(/blank/);
    expect(opinionAsFactProblem(cloze(fact))).toBeUndefined();
  });

  it("refuses a fact-or-opinion item that keys a judgment as the fact, and keeps one keyed as opinion", () => {
    expect(opinionAsFactProblem(factOrOpinion(judgment, "fact"))).toMatch(/keyed as a fact/);
    expect(opinionAsFactProblem(factOrOpinion(judgment, "opinion"))).toBeUndefined();
    expect(opinionAsFactProblem(factOrOpinion(fact, "fact"))).toBeUndefined();
  });

  it("refuses \"which sentence gives an opinion\" when a choice offered as a fact is a judgment too", () => {
    const item = {
      ...base,
      type: "single",
      prompt: "Which sentence from the article gives an opinion rather than a fact that can be checked?",
      choices: [
        { id: "a", text: judgment },
        { id: "b", text: fact },
        { id: "c", text: "Closing the library on Saturdays was a mistake." },
      ],
      answer: "a",
      skills: ["fact-opinion"],
      generator: "fact-opinion",
      evidence: judgment,
    } as DraftQuestion;
    expect(opinionAsFactProblem(item)).toMatch(/fact choice/);
    expect(opinionAsFactProblem({ ...item, choices: item.type === "single" ? item.choices.slice(0, 2) : [] } as DraftQuestion)).toBeUndefined();
  });

  it("in a first-person piece, refuses an unattributed statement with no figure to check", () => {
    const plain = "Another study will not put water in the pool.";
    expect(opinionAsFactProblem(trueFalse(plain))).toBeUndefined();
    expect(opinionAsFactProblem(trueFalse(plain), true)).toMatch(/first-person/);
    expect(opinionAsFactProblem(trueFalse("The town pays $38,000 a year to insure the empty pool."), true)).toBeUndefined();
  });
});

describe("authorVoiced", () => {
  it("is true when the author speaks as I or we in a fifth of the sentences, outside quotation marks", () => {
    const column = ["We have waited four summers.", "Our children ride to the lake.", "The pool is still closed.", "I grew up swimming there.", "The council meets Tuesday."].map((text) => ({ text }));
    const report = ["The pool is closed.", "“We have waited four summers,” said Ana Cole.", "“Our children ride to the lake,” she said.", "“I grew up there,” Cole said.", "The council meets Tuesday."].map((text) => ({ text }));
    expect(authorVoiced(column)).toBe(true);
    expect(authorVoiced(report)).toBe(false);
  });
});

describe("the pipeline never keys a column's judgment as fact, even when the genre is read as news", () => {
  it("keeps no unattributed true/false, blank or fact choice on the author's judgments", () => {
    const paragraphs = [
      "Every summer since 2021, we have watched a green tarp sit over the Harlow Street pool while the council argues about who should fix it.",
      "The obvious plan is already in the council's own files: apply for the state grant this spring and open the pool by the summer after next.",
      "Our children bike twenty minutes to the county lake, where there are no lifeguards after five o'clock. The town still pays $38,000 a year to insure an empty basin.",
      "Another study will not put water in the pool. The council voted in March to pay a consultant $60,000 for a second report.",
      "A town that cannot keep a pool open is telling its young people that they come last. The council should stop studying and start fixing.",
      "We should remember in November which members agreed. The council meets on the first Tuesday of every month.",
    ];
    // The detector's miss, forced: a column analysed as news, where the narration counts as the reporter's and no
    // sentence is marked as the author's view.
    const analysis = analyzeArticle({ paragraphs, genre: "news", genreCertain: false, title: "Harlow pool" }, { glossary: [], articleDate: "2026-05-04" });
    const draft = generateQuestions(analysis);
    expect(Object.keys(draft.rejected).join(" ")).toMatch(/author's judgment|author's view/);
    for (const question of draft.questions) expect(opinionAsFactProblem(question, true), `${question.generator}: ${question.prompt}`).toBeUndefined();
  });
});
