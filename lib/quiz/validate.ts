/**
 * Checks that an answer fits the question it is for: the right type, only ids
 * the question shows, text within its length limit. Pure; returns a message a
 * student can act on, or null when the answer is acceptable.
 *
 * Drafts may be incomplete (a matching question with some rows still unset);
 * an ordering answer must always be a full arrangement of the items.
 */
import type { Answer, PublicQuestionData } from "./types";

const MAX_BLANK_LENGTH = 200;

function unknownIds(given: Iterable<string>, allowed: readonly { id: string }[]): string[] {
  const ids = new Set(allowed.map((item) => item.id));
  return [...given].filter((id) => !ids.has(id));
}

export function answerProblem(question: PublicQuestionData, answer: Answer, label: string): string | null {
  if (answer.type !== question.type) return `${label}: expected a ${question.type.replace("_", " ")} answer, got ${answer.type.replace("_", " ")}.`;
  switch (question.type) {
    case "single": {
      const given = (answer as Extract<Answer, { type: "single" }>).choice;
      return unknownIds([given], question.choices).length ? `${label}: "${given}" is not one of its choices.` : null;
    }
    case "multiple": {
      const given = (answer as Extract<Answer, { type: "multiple" }>).choices;
      const unknown = unknownIds(given, question.choices);
      if (unknown.length) return `${label}: "${unknown[0]}" is not one of its choices.`;
      return new Set(given).size !== given.length ? `${label}: a choice is listed twice.` : null;
    }
    case "true_false":
      return null;
    case "ordering": {
      const order = (answer as Extract<Answer, { type: "ordering" }>).order;
      const complete = order.length === question.items.length && new Set(order).size === order.length && unknownIds(order, question.items).length === 0;
      return complete ? null : `${label}: the order must list each item exactly once.`;
    }
    case "matching": {
      const pairs = (answer as Extract<Answer, { type: "matching" }>).pairs;
      const badLeft = unknownIds(Object.keys(pairs), question.left);
      if (badLeft.length) return `${label}: "${badLeft[0]}" is not one of its items.`;
      const badRight = unknownIds(Object.values(pairs), question.right);
      return badRight.length ? `${label}: "${badRight[0]}" is not one of its options.` : null;
    }
    case "short_answer": {
      const text = (answer as Extract<Answer, { type: "short_answer" }>).text;
      return text.length > question.maxLength ? `${label}: the answer can be at most ${question.maxLength} characters.` : null;
    }
    case "numeric":
      return Number.isFinite((answer as Extract<Answer, { type: "numeric" }>).value) ? null : `${label}: enter a number.`;
    case "cloze": {
      const blanks = (answer as Extract<Answer, { type: "cloze" }>).blanks;
      const known = new Set(question.segments.flatMap((segment) => ("blank" in segment ? [segment.blank] : [])));
      const unknown = Object.keys(blanks).filter((blank) => !known.has(blank));
      if (unknown.length) return `${label}: "${unknown[0]}" is not one of its blanks.`;
      return Object.values(blanks).some((text) => text.length > MAX_BLANK_LENGTH) ? `${label}: each blank can be at most ${MAX_BLANK_LENGTH} characters.` : null;
    }
  }
}

/** True when the student has given something for every part of the question. */
export function isAnswered(question: PublicQuestionData, answer: Answer | null | undefined): boolean {
  if (!answer) return false;
  switch (answer.type) {
    case "multiple":
      return answer.choices.length > 0;
    case "matching":
      return question.type === "matching" && question.left.every((item) => Boolean(answer.pairs[item.id]));
    case "short_answer":
      return answer.text.trim() !== "";
    case "cloze":
      return Object.values(answer.blanks).some((text) => text.trim() !== "");
    default:
      return true;
  }
}
