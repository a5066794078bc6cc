/**
 * Answers and keys as words, for results pages (after submission only: the
 * key side of this file must never be rendered before then).
 */
import type { Answer, AnswerKey, PublicQuestionData } from "./types";

function textOf(items: readonly { id: string; text: string }[], id: string): string {
  return items.find((item) => item.id === id)?.text ?? id;
}

function blanksInOrder(data: PublicQuestionData): string[] {
  return data.type === "cloze" ? data.segments.flatMap((segment) => ("blank" in segment ? [segment.blank] : [])) : [];
}

/** The student's answer as a list of lines ("No answer" when there is none). */
export function describeAnswer(data: PublicQuestionData, answer: Answer | null | undefined): string[] {
  if (!answer || answer.type !== data.type) return ["No answer"];
  switch (answer.type) {
    case "single":
      return data.type === "single" ? [textOf(data.choices, answer.choice)] : [];
    case "multiple":
      return data.type === "multiple" ? (answer.choices.length ? answer.choices.map((id) => textOf(data.choices, id)) : ["No choice picked"]) : [];
    case "true_false":
      return [answer.value ? "True" : "False"];
    case "ordering":
      return data.type === "ordering" ? answer.order.map((id, index) => `${index + 1}. ${textOf(data.items, id)}`) : [];
    case "matching":
      return data.type === "matching" ? data.left.map((left) => `${left.text} → ${answer.pairs[left.id] ? textOf(data.right, answer.pairs[left.id]!) : "(not matched)"}`) : [];
    case "short_answer":
      return [answer.text.trim() || "No answer"];
    case "numeric":
      return [data.type === "numeric" && data.unit ? `${answer.value} ${data.unit}` : String(answer.value)];
    case "cloze":
      return blanksInOrder(data).map((blank, index) => `Blank ${index + 1}: ${answer.blanks[blank]?.trim() || "(empty)"}`);
  }
}

/** The right answer as a list of lines. */
export function describeKey(data: PublicQuestionData, key: AnswerKey): string[] {
  switch (key.type) {
    case "single":
      return data.type === "single" ? [textOf(data.choices, key.answer)] : [];
    case "multiple":
      return data.type === "multiple" ? key.answer.map((id) => textOf(data.choices, id)) : [];
    case "true_false":
      return [key.answer ? "True" : "False"];
    case "ordering":
      return data.type === "ordering" ? key.answer.map((id, index) => `${index + 1}. ${textOf(data.items, id)}`) : [];
    case "matching":
      return data.type === "matching" ? data.left.map((left) => `${left.text} → ${textOf(data.right, key.answer[left.id] ?? "")}`) : [];
    case "short_answer":
      return [key.answer.length > 1 ? `${key.answer[0]} (also accepted: ${key.answer.slice(1).join(", ")})` : key.answer[0]!];
    case "numeric": {
      const unit = data.type === "numeric" && data.unit ? ` ${data.unit}` : "";
      return [key.tolerance > 0 ? `${key.answer}${unit} (± ${key.tolerance})` : `${key.answer}${unit}`];
    }
    case "cloze":
      return blanksInOrder(data).map((blank, index) => `Blank ${index + 1}: ${(key.answer[blank] ?? []).join(" / ")}`);
  }
}
