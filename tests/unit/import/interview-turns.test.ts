/**
 * Interview v2 (issue 13): transcript turns of every common shape, answers credited to the one who spoke the turn,
 * above-recall items from the guests' answers, and lesson sections by topic. Fixtures: our own
 * `interview-radio-vote-centers.txt` (HOST + two guests, a label alone on its line, surname labels, a break and
 * sponsor line), `interview-magazine-youth-court.html` (bold question paragraphs, one a request, a question that names
 * a senator, caption, ad, related links) and `interview-bold-labels-ombudsman.md` (bold "Interviewer:"/surname labels).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/import/analyze";
import { labelOf } from "@/lib/import/analyze/turns";
import { extractArticle } from "@/lib/import/extract";
import { Context } from "@/lib/import/generators/common";
import { answerEvidenceItems, answerPointItems, exchangesOf, standaloneQuestion } from "@/lib/import/generators/interview";
import { draftFromArticle } from "@/lib/import";
import type { ArticleAnalysis, ArticleDraft } from "@/lib/import/types";

const DIR = path.resolve(__dirname, "../../fixtures/articles");

function analyse(content: string | Buffer): { analysis: ArticleAnalysis; paragraphs: string[] } {
  const article = extractArticle({ content: typeof content === "string" ? Buffer.from(content) : content });
  const analysis = analyzeArticle(article, { glossary: [], ...(article.date ? { articleDate: article.date } : {}) });
  return { analysis, paragraphs: article.paragraphs };
}

const drafts = new Map<string, ArticleDraft>();
function draftOf(file: string): ArticleDraft {
  if (!drafts.has(file)) drafts.set(file, draftFromArticle({ content: fs.readFileSync(path.join(DIR, file)) }, { glossary: [] }));
  return drafts.get(file)!;
}
function analysisOf(file: string) {
  return analyse(fs.readFileSync(path.join(DIR, file)));
}

/** The speaker of the turn holding a paragraph that contains `text`. */
function speakerOf(analysis: ArticleAnalysis, paragraphs: string[], text: string) {
  const index = paragraphs.findIndex((p) => p.includes(text));
  expect(index, text).toBeGreaterThanOrEqual(0);
  return analysis.transcript?.turns.find((t) => t.paragraph === index);
}

// The language models load on first use: warm them up outside any one test's time limit.
beforeAll(() => {
  analysisOf("interview-bold-labels-ombudsman.md");
}, 120_000);

const INTRO = "Ana Reyes has led the Millbrook transit agency since 2022. She spoke with the Gazette about buses, fares and the new express line. This interview has been edited for length and clarity.";

describe("transcript turns: every common shape", () => {
  it("Q:/A: labels: the answers are the interviewee's, even after a question that names someone else", () => {
    const text = `Q&A: The transit chief on the express line\n\n${INTRO}\n\nQ: Why build an express line now?\n\nA: Because the buses are full by seven in the morning and ridership has grown every year since the pandemic ended.\n\nQ: Councilmember Dale Ortiz says the line will drain money from neighborhood routes. Is he right?\n\nA: I respect the councilmember, but the express line is paid for by a state grant that cannot be spent on local routes.\n\nQ: What happens to fares?\n\nA: Fares stay at two dollars for at least two years, and students still ride free on school days.\n\nQ: When does the line open?\n\nA: The first buses run in March, and we will add a second route in the fall if the numbers hold up.`;
    const { analysis, paragraphs } = analyse(text);
    expect(analysis.transcript?.shape).toBe("labels");
    const answer = speakerOf(analysis, paragraphs, "I respect the councilmember");
    expect(answer?.role).toBe("guest");
    expect(answer?.speaker).toBe("Ana Reyes");
    expect(speakerOf(analysis, paragraphs, "Dale Ortiz says")?.role).toBe("interviewer");
    const quote = analysis.quotations.find((q) => q.text.includes("state grant"));
    expect(quote?.speaker).toBe("Ana Reyes");
    // Nothing the interviewer says is anyone's quotation.
    expect(analysis.quotations.some((q) => q.text.includes("drain money"))).toBe(false);
  });

  it("HOST / GUEST NAME labels: a label alone on its line, surname labels, several guests each credited with their own turns", () => {
    const { analysis, paragraphs } = analysisOf("interview-radio-vote-centers.txt");
    expect(analysis.transcript?.guests.sort()).toEqual(["Lydia Fenwick", "Rafael Okonjo"]);
    expect(speakerOf(analysis, paragraphs, "This is Civic Hour. I'm Dana Mercer. Next November")?.role).toBe("interviewer");
    expect(speakerOf(analysis, paragraphs, "Because the old system is failing quietly")?.speaker).toBe("Rafael Okonjo");
    // An unlabelled paragraph that runs on from a guest's label is still that guest's turn.
    expect(speakerOf(analysis, paragraphs, "There is also the problem of the wrong precinct")?.speaker).toBe("Rafael Okonjo");
    expect(speakerOf(analysis, paragraphs, "Distance, first of all")?.speaker).toBe("Lydia Fenwick");
    // The host reads a listener's question that names her: the answer is still the director's.
    expect(speakerOf(analysis, paragraphs, "I understand the feeling")?.speaker).toBe("Rafael Okonjo");
    expect(analysis.quotations.filter((q) => q.speaker === "Carol Imbert")).toEqual([]);
    expect(analysis.quotations.filter((q) => q.speaker === "Dana Mercer")).toEqual([]);
  });

  it("bold name labels in Markdown (**Interviewer:** / **Okafor:**)", () => {
    const { analysis, paragraphs } = analysisOf("interview-bold-labels-ombudsman.md");
    expect(speakerOf(analysis, paragraphs, "Councilmember Hollis Brandt voted against")?.role).toBe("interviewer");
    expect(speakerOf(analysis, paragraphs, "I understand the worry")?.speaker).toBe("Gabriel Okafor");
    expect(analysis.quotations.some((q) => q.speaker === "Hollis Brandt")).toBe(false);
  });

  it("magazine Q&A: bold question paragraphs (one a request, one naming a senator) and unlabelled answers", () => {
    const { analysis, paragraphs } = analysisOf("interview-magazine-youth-court.html");
    // The page sets its questions in bold: read as the bold shape (the same turns as the unlabelled "qa" reading).
    expect(analysis.transcript?.shape).toBe("bold");
    expect(speakerOf(analysis, paragraphs, "Tell me about the first summer")?.role).toBe("interviewer");
    expect(speakerOf(analysis, paragraphs, "It was rough")?.speaker).toBe("Miriam Solberg");
    expect(speakerOf(analysis, paragraphs, "State Senator Paula Grieve has said")?.role).toBe("interviewer");
    expect(speakerOf(analysis, paragraphs, "I have a lot of respect for probation officers")?.speaker).toBe("Miriam Solberg");
    // An answer with no first person is still the answer ("On the facts, yes. They notice things adults miss.").
    expect(speakerOf(analysis, paragraphs, "They notice things adults miss")?.speaker).toBe("Miriam Solberg");
    expect(speakerOf(analysis, paragraphs, "Brennan County's youth court hears about 300 cases")?.role).toBe("intro");
    expect(analysis.quotations.some((q) => q.speaker === "Paula Grieve")).toBe(false);
  });

  it("the writer's narration between answers is nobody's answer", () => {
    const text = `The transit chief on the express line\n\n${INTRO}\n\nANA REYES: Thanks for having me on the program today.\n\nHOST: Why build an express line now?\n\nANA REYES: Because the buses are full by seven in the morning. Ridership has grown every year.\n\nReyes laughed when asked whether she rides the bus herself, and said she takes it twice a week.\n\nHOST: What happens to fares?\n\nANA REYES: Fares stay at two dollars for at least two years.\n\nHOST: When does the line open?\n\nANA REYES: The first buses run in March, and a second route follows in the fall.`;
    const { analysis, paragraphs } = analyse(text);
    expect(analysis.transcript?.shape).toBe("labels");
    expect(speakerOf(analysis, paragraphs, "Reyes laughed")?.role).toBe("narration");
    expect(speakerOf(analysis, paragraphs, "Fares stay at two dollars")?.speaker).toBe("Ana Reyes");
  });

  it("a line that opens with a word and a colon is not a speaker label", () => {
    expect(labelOf("Note: this story was updated.")).toBeUndefined();
    expect(labelOf("In 2024: a record year.")).toBeUndefined();
    expect(labelOf("DANA MERCER, HOST:")?.name).toBe("DANA MERCER");
    expect(labelOf("Ms. Fenwick: Thank you.")?.name).toBe("Ms. Fenwick");
    expect(labelOf("Q: Why now?")?.rest).toBe("Why now?");
  });

  it("a news story that quotes people is no transcript", () => {
    const { analysis } = analysisOf("wire-port-strike.txt");
    expect(analysis.transcript).toBeUndefined();
  });
});

describe("the interviewer's question as a stem", () => {
  it("keeps a question that stands alone, without the host's form of address", () => {
    expect(standaloneQuestion(["Director Okonjo, start with the basic question.", "Why change a system that most voters seem to like?"])).toBe("Why change a system that most voters seem to like?");
  });
  it("takes the sentence before a question that leans on it", () => {
    expect(standaloneQuestion(["Ms. Fenwick, your coalition has asked the county to slow down.", "What worries you?"])).toBe("Your coalition has asked the county to slow down. What worries you?");
  });
  it("refuses a question that still leans on something, or only asks to confirm", () => {
    expect(standaloneQuestion(["Director, is that fair?"])).toBeUndefined();
    expect(standaloneQuestion(["The pilot was in the city of Harlow?"])).toBeUndefined();
    expect(standaloneQuestion(["Let me read a message from a listener.", "Director?"])).toBeUndefined();
  });
});

describe("interview items from the guests' answers", () => {
  const FILES = ["interview-radio-vote-centers.txt", "interview-magazine-youth-court.html", "interview-bold-labels-ombudsman.md"];

  it("credits every answer item to the guest who spoke the turn of its evidence, never to a person the question names", () => {
    for (const file of FILES) {
      const { analysis } = analysisOf(file);
      const ctx = new Context(analysis);
      const items = [...answerPointItems(ctx), ...answerEvidenceItems(ctx)];
      for (const item of items) {
        const sentence = analysis.sentences.find((s) => s.id === item.sentenceId)!;
        const turn = analysis.transcript!.turns.find((t) => t.paragraph === sentence.paragraph)!;
        expect(turn.role, item.prompt).toBe("guest");
        expect(item.prompt.startsWith(`In the interview, ${turn.speaker} `), `${file}: ${item.prompt}`).toBe(true);
      }
    }
  });

  it("in a panel, every item that names a guest rests on that guest's own turn", () => {
    const { analysis } = analysisOf("interview-radio-vote-centers.txt");
    const draft = draftOf("interview-radio-vote-centers.txt");
    const named = draft.questions.filter((q) => q.generator.startsWith("interview-") && q.generator !== "interview-claim");
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const q of named) {
      const sentence = analysis.sentences.find((s) => s.text === q.evidence)!;
      const turn = analysis.transcript!.turns.find((t) => t.paragraph === sentence.paragraph)!;
      expect(q.prompt, q.evidence).toContain(turn.speaker!);
      for (const guest of analysis.transcript!.guests.filter((g) => g !== turn.speaker)) expect(q.prompt).not.toContain(guest);
    }
  });

  it("main point of an answer: the key is from that answer, every wrong choice from the same guest's other answers", () => {
    const { analysis } = analysisOf("interview-radio-vote-centers.txt");
    const ctx = new Context(analysis);
    const exchanges = exchangesOf(ctx);
    const items = answerPointItems(ctx);
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) {
      if (item.type !== "single") throw new Error("single-choice expected");
      const exchange = exchanges.find((e) => item.prompt.includes(e.question))!;
      expect(exchange, item.prompt).toBeDefined();
      const key = item.choices.find((c) => c.id === item.answer)!.text;
      expect(exchange.answer.some((s) => s.text.includes(key)), key).toBe(true);
      for (const choice of item.choices.filter((c) => c.id !== item.answer)) {
        const from = exchanges.find((e) => e.answer.some((s) => s.text.includes(choice.text)));
        expect(from?.guest, choice.text).toBe(exchange.guest);
        expect(from?.index, choice.text).not.toBe(exchange.index);
      }
    }
  });

  it("claim and evidence: the key carries a figure or example from the claim's own answer", () => {
    const { analysis } = analysisOf("interview-magazine-youth-court.html");
    const ctx = new Context(analysis);
    const items = answerEvidenceItems(ctx);
    expect(items.length).toBeGreaterThanOrEqual(1);
    for (const item of items) {
      if (item.type !== "single") throw new Error("single-choice expected");
      expect(item.skills[0]).toBe("evidence");
      const key = item.choices.find((c) => c.id === item.answer)!.text;
      expect(key).toMatch(/\d|percent|once/);
    }
  });

  it("a 1,400-word radio transcript drafts at least 8 questions in at least 4 skills, most above recall", () => {
    const draft = draftOf("interview-radio-vote-centers.txt");
    expect(draft.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(draft.questions.map((q) => q.skills[0])).size).toBeGreaterThanOrEqual(4);
    const above = draft.questions.filter((q) => !["recall", "numeracy", "chronology"].includes(q.skills[0]!));
    expect(above.length * 2).toBeGreaterThan(draft.questions.length);
  });
});

describe("lesson sections of a transcript", () => {
  it.each(["interview-radio-vote-centers.txt", "interview-magazine-youth-court.html", "interview-bold-labels-ombudsman.md", "interview-water-board.txt", "interview-mayor-vance.md"])("%s: topic sections whose titles are never an interviewer's line, and a summary without them", (file) => {
    const draft = draftOf(file);
    const { analysis, paragraphs } = analysisOf(file);
    const asked = analysis.transcript!.turns.filter((t) => t.role === "interviewer").map((t) => paragraphs[t.paragraph]!);
    expect(draft.lesson.sections.length).toBeGreaterThanOrEqual(2);
    for (const section of draft.lesson.sections) {
      expect(section.title).not.toMatch(/\?$/);
      expect(section.title).toMatch(/^(?:Introduction|Part \d+(?:: [\p{Lu}\d][\p{L}\d' -]{2,40})?)$/u);
      expect(asked.some((line) => line.includes(section.title.replace(/^Part \d+: /, "")) && section.title.split(" ").length > 4)).toBe(false);
    }
    // Sections cover the article in order, without gaps.
    const anchors = draft.lesson.sections.flatMap((s) => s.anchors);
    expect(anchors).toEqual(paragraphs.map((_, i) => `p${i + 1}`));
    for (const line of asked) for (const sentence of analysis.sentences.filter((s) => line.includes(s.text) && s.words >= 6)) expect(draft.lesson.summary).not.toContain(sentence.text.replace(/^[\p{Lu}][\p{L}.'’ -]*:\s+/u, ""));
  });
});
