/** The empty question a teacher starts from when adding one by hand, citing a sentence of the article. */
import type { DraftQuestion } from "@/lib/import/types";
import type { SentenceRef } from "./article-sentences";
import type { Kind } from "./question-labels";

/** The types a teacher can add by hand (the rest need an article structure the pipeline finds). */
export const NEW_TYPES: Kind[] = ["single", "true_false", "short_answer", "multiple", "numeric"];

export function blankQuestion(type: Kind, evidence: SentenceRef): DraftQuestion {
  const base = {
    id: "new",
    prompt: "",
    explanation: `The article says: “${evidence.text.replace(/["“”]/g, "'")}”`,
    skills: ["recall" as const],
    difficulty: 2 as const,
    evidence: evidence.text,
    evidenceAnchor: evidence.anchor,
    generator: "teacher" as const,
    score: 0,
  };
  switch (type) {
    case "single":
      return { ...base, type, choices: [{ id: "a", text: "" }, { id: "b", text: "" }, { id: "c", text: "" }], answer: "a" };
    case "multiple":
      return { ...base, type, choices: [{ id: "a", text: "" }, { id: "b", text: "" }, { id: "c", text: "" }], answer: ["a"] };
    case "true_false":
      return { ...base, type, answer: true };
    case "numeric":
      return { ...base, type, answer: 0, tolerance: 0 };
    default:
      return { ...base, type: "short_answer", answer: [""] };
  }
}
