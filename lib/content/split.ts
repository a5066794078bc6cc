/** Splits a content question into the public part and the secret key part. */
import type { ContentQuestion } from "./schema";
import type { ClozeSegment, PublicQuestionData, QuestionKeyData } from "../quiz/types";

export const DEFAULT_SHORT_ANSWER_MAX = 200;

export function splitQuestion(question: ContentQuestion): { publicData: PublicQuestionData; keyData: QuestionKeyData } {
  const base = { explanation: question.explanation };
  switch (question.type) {
    case "single":
    case "multiple": {
      const feedback: Record<string, string> = {};
      for (const c of question.choices) if (c.feedback) feedback[c.id] = c.feedback;
      const choices = question.choices.map(({ id, text }) => ({ id, text }));
      return question.type === "single"
        ? { publicData: { type: "single", prompt: question.prompt, choices }, keyData: { ...base, feedback, key: { type: "single", answer: question.answer } } }
        : { publicData: { type: "multiple", prompt: question.prompt, choices }, keyData: { ...base, feedback, key: { type: "multiple", answer: question.answer } } };
    }
    case "true_false": {
      const feedback: Record<string, string> = {};
      if (question.feedbackTrue) feedback.true = question.feedbackTrue;
      if (question.feedbackFalse) feedback.false = question.feedbackFalse;
      return { publicData: { type: "true_false", prompt: question.prompt }, keyData: { ...base, feedback, key: { type: "true_false", answer: question.answer } } };
    }
    case "ordering":
      return {
        publicData: { type: "ordering", prompt: question.prompt, items: question.items },
        keyData: { ...base, feedback: {}, key: { type: "ordering", answer: question.answer } },
      };
    case "matching":
      return {
        publicData: { type: "matching", prompt: question.prompt, left: question.left, right: question.right },
        keyData: { ...base, feedback: {}, key: { type: "matching", answer: question.answer } },
      };
    case "short_answer":
      return {
        publicData: { type: "short_answer", prompt: question.prompt, maxLength: question.maxLength ?? DEFAULT_SHORT_ANSWER_MAX },
        keyData: { ...base, feedback: {}, key: { type: "short_answer", answer: question.answer } },
      };
    case "numeric":
      return {
        publicData: { type: "numeric", prompt: question.prompt, ...(question.unit ? { unit: question.unit } : {}) },
        keyData: { ...base, feedback: {}, key: { type: "numeric", answer: question.answer, tolerance: question.tolerance } },
      };
    case "cloze":
      return {
        publicData: { type: "cloze", prompt: question.prompt, segments: clozeSegments(question.text) },
        keyData: { ...base, feedback: {}, key: { type: "cloze", answer: question.answer } },
      };
  }
}

export function clozeSegments(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{\{([a-z0-9-]+)\}\}/g)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ blank: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
