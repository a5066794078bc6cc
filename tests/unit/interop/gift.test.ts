import { parse } from "gift-pegjs";
import { describe, expect, it } from "vitest";
import { giftEscape, writeGift } from "@/lib/interop/gift";
import type { ExportQuestion, ExportQuiz } from "@/lib/interop/types";
import { clozeBlanks } from "@/lib/interop/types";
import { curriculumExportQuizzes, edgeCaseExportQuiz } from "./fixture";

type Parsed = ReturnType<typeof parse>[number];

/** Reads back one GIFT question (parsed by gift-pegjs) and checks it says what our question and key say. */
function expectSameQuestion(parsed: Parsed, question: ExportQuestion) {
  const { data, key } = question;
  const p = parsed as Parsed & { stem: { text: string }; choices: unknown; globalFeedback: { text: string } | null; hasEmbeddedAnswers: boolean };
  expect(p.globalFeedback?.text).toBe(key.explanation);
  switch (data.type) {
    case "single": {
      expect(p.type).toBe("MC");
      expect(p.stem.text).toBe(data.prompt);
      const choices = p.choices as { isCorrect: boolean; text: { text: string }; feedback: { text: string } | null }[];
      expect(choices.map((c) => c.text.text)).toEqual(data.choices.map((c) => c.text));
      const right = data.choices.find((c) => key.key.type === "single" && c.id === key.key.answer)!;
      expect(choices.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([right.text]);
      expect(choices.map((c) => c.feedback?.text ?? null)).toEqual(data.choices.map((c) => key.feedback[c.id] ?? null));
      break;
    }
    case "multiple": {
      expect(p.type).toBe("MC");
      const choices = p.choices as { weight: number; text: { text: string } }[];
      const right = new Set(key.key.type === "multiple" ? key.key.answer : []);
      const rightTexts = data.choices.filter((c) => right.has(c.id)).map((c) => c.text);
      expect(choices.filter((c) => c.weight > 0).map((c) => c.text.text)).toEqual(rightTexts);
      // Weights add up to 100 % for the right set, and each wrong choice costs one share.
      expect(choices.filter((c) => c.weight > 0).reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(100, 3);
      for (const c of choices.filter((c) => c.weight < 0)) expect(c.weight).toBeCloseTo(-100 / right.size, 3);
      break;
    }
    case "true_false": {
      expect(p.type).toBe("TF");
      expect((p as unknown as { isTrue: boolean }).isTrue).toBe(key.key.type === "true_false" && key.key.answer);
      // gift-pegjs names the two feedbacks by position (trueFeedback = first, falseFeedback = second);
      // Moodle reads the first as feedback for a wrong answer and the second for a right one.
      const fb = p as unknown as { trueFeedback: { text: string } | null; falseFeedback: { text: string } | null };
      const answer = key.key.type === "true_false" && key.key.answer;
      expect(fb.trueFeedback?.text ?? "").toBe(key.feedback[answer ? "false" : "true"] ?? "");
      expect(fb.falseFeedback?.text ?? "").toBe(key.feedback[answer ? "true" : "false"] ?? "");
      break;
    }
    case "matching": {
      expect(p.type).toBe("Matching");
      const pairs = (p as unknown as { matchPairs: { subquestion: { text: string }; subanswer: string }[] }).matchPairs;
      const rightText = new Map(data.right.map((r) => [r.id, r.text]));
      const expected = data.left.map((l) => ({ left: l.text, right: rightText.get(key.key.type === "matching" ? key.key.answer[l.id]! : "") }));
      expect(pairs.map((pair) => ({ left: pair.subquestion.text, right: pair.subanswer }))).toEqual(expected);
      break;
    }
    case "short_answer": {
      expect(p.type).toBe("Short");
      expect((p.choices as { text: { text: string } }[]).map((c) => c.text.text)).toEqual(key.key.type === "short_answer" ? key.key.answer : []);
      break;
    }
    case "numeric": {
      expect(p.type).toBe("Numerical");
      const choice = p.choices as { number: number; range: number };
      expect(choice.number).toBe(key.key.type === "numeric" ? key.key.answer : NaN);
      expect(choice.range).toBe(key.key.type === "numeric" ? key.key.tolerance : NaN);
      break;
    }
    case "cloze": {
      expect(p.type).toBe("Short");
      expect(p.hasEmbeddedAnswers).toBe(true);
      const blank = clozeBlanks(data)[0]!;
      expect((p.choices as { text: { text: string } }[]).map((c) => c.text.text)).toEqual(key.key.type === "cloze" ? key.key.answer[blank] : []);
      break;
    }
    case "ordering":
      throw new Error("ordering is never written to GIFT");
  }
}

describe("GIFT export", () => {
  const quizzes = [...curriculumExportQuizzes(), edgeCaseExportQuiz()];

  it("writes every curriculum quiz so gift-pegjs reads back each mapped question exactly", () => {
    const seen = new Set<string>();
    for (const quiz of quizzes) {
      const written = writeGift(quiz);
      const parsed = parse(String(written.body)).filter((q) => q.type !== "Category");
      const kept = quiz.questions.filter((q) => !written.skipped.some((s) => s.id === q.id));
      expect(parsed).toHaveLength(kept.length);
      kept.forEach((question, i) => {
        expect(parsed[i]!.title).toBe(`Q${quiz.questions.indexOf(question) + 1} ${question.id}`);
        expectSameQuestion(parsed[i]!, question);
        seen.add(question.type);
      });
    }
    expect([...seen].sort()).toEqual(["cloze", "matching", "multiple", "numeric", "short_answer", "single", "true_false"]);
  });

  it("leaves out ordering and multi-blank fill-ins, saying why", () => {
    for (const quiz of quizzes) {
      const written = writeGift(quiz);
      for (const question of quiz.questions) {
        const skip = written.skipped.find((s) => s.id === question.id);
        const shouldSkip = question.type === "ordering" || (question.data.type === "cloze" && clozeBlanks(question.data).length > 1);
        expect(Boolean(skip), question.id).toBe(shouldSkip);
        if (skip) expect(skip.reason).toMatch(/GIFT/);
      }
    }
  });

  it("escapes GIFT's control characters so text survives a round trip", () => {
    const nasty = 'Who said "a {b} c = d ~ e # f: g \\ h"?\nLine two';
    const quiz: ExportQuiz = {
      id: "q",
      title: "Tricky: {text}",
      description: "",
      lessonTitle: "L",
      questions: [
        { id: "x1", type: "single", points: 1, data: { type: "single", prompt: nasty, choices: [{ id: "a", text: "= not a marker" }, { id: "b", text: "~ nor this {}" }] }, key: { key: { type: "single", answer: "b" }, explanation: "Because # and : are text.", feedback: { a: "Wrong ~ one" } } },
      ],
    };
    const [parsed] = parse(String(writeGift(quiz).body)).filter((q) => q.type !== "Category");
    expectSameQuestion(parsed!, { ...quiz.questions[0]!, data: { ...quiz.questions[0]!.data, prompt: nasty } });
    expect(giftEscape("a:b")).toBe("a\\:b");
  });
});
