/** The candidates the pipeline kept out of the draft, offered as one-click replacements for a question of the same skill. */
import type { ArticleDraft, DraftQuestion } from "@/lib/import/types";
import { mainSkill } from "./question-labels";

/** Candidates the pipeline kept out, grouped by main skill in the draft (older drafts have a flat list or none). */
export type DraftWithAlternates = ArticleDraft | (Omit<ArticleDraft, "alternates"> & { alternates?: DraftQuestion[] });

export function alternatePool(alternates: DraftWithAlternates["alternates"]): DraftQuestion[] {
  if (!alternates) return [];
  return Array.isArray(alternates) ? alternates : Object.values(alternates).flatMap((group) => group ?? []);
}

/** Up to four candidates of the question's main skill that don't repeat a question already in the list. */
export function replacementsFor(question: DraftQuestion, questions: DraftQuestion[], pool: DraftQuestion[]): DraftQuestion[] {
  const used = new Set(questions.map((q) => `${q.evidenceAnchor}|${q.type === "cloze" ? q.text : q.prompt}`));
  return pool.filter((c) => mainSkill(c) === mainSkill(question) && !used.has(`${c.evidenceAnchor}|${c.type === "cloze" ? c.text : c.prompt}`)).slice(0, 4);
}
