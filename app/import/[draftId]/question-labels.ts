/** How the review screen names a question: its type in words, its main skill and a one-line summary. */
import type { DraftQuestion } from "@/lib/import/types";

export type Kind = DraftQuestion["type"];

export const TYPE_LABEL: Record<Kind, string> = {
  single: "Multiple choice",
  multiple: "Choose all that apply",
  true_false: "True or false",
  ordering: "Put in order",
  matching: "Matching",
  short_answer: "Short answer",
  numeric: "Number",
  cloze: "Fill in the blank",
};

export function mainSkill(question: DraftQuestion): string {
  return question.skills[0] ?? "recall";
}

/** A short, readable line for a question: its prompt, or a cloze sentence with the gap shown. */
export function questionSummary(question: DraftQuestion): string {
  const text = question.type === "cloze" ? question.text.replace(/\{\{\w+\}\}/g, "___") : question.prompt;
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}
