/**
 * Vocabulary in context: what a word means as the article uses it. Definitions come from the analysis (the
 * article's own, the glossary when its sense fits, WordNet when one sense fits). Distractors are the word's other
 * WordNet senses of a different kind (a real meaning-in-context item), else other terms' definitions.
 */
import { glossDefinition, wordnetSense } from "../analyze/terms";
import { contentWords, innerQuotes, round, wordPattern } from "../analyze/text";
import { senses } from "../analyze/wordnet";
import type { TermDefinition } from "../types";
import { sortedChoices, type Candidate, type Context } from "./common";

export function vocabularyQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const articleWords = contentWords(analysis.sentences.map((s) => s.text).join(" "));
  for (const definition of analysis.definitions) {
    const defining = ctx.byId.get(definition.sentenceId)!;
    if (ctx.furniture.has(defining.id)) continue;
    const key = firstSentence(definition.definition);
    // The sentence shown must use the word without defining it, or the stem gives the answer away.
    const usage =
      definition.source === "article"
        ? analysis.sentences.find((s) => s.id !== defining.id && wordPattern([definition.found]).test(s.text) && s.words <= 40 && !ctx.furniture.has(s.id))
        : defining.words <= 40
          ? defining
          : undefined;
    let distractors = otherSenses(definition, usage?.text ?? defining.text, articleWords);
    let inContext = distractors.length >= 2;
    if (!inContext) {
      // Same source and same shape first ("A person who…" beside "A rule that…"), so no choice stands out by its form.
      const nounLike = (text: string) => /^(A|An|The|Someone|Any)\b/.test(text);
      distractors = [...analysis.definitions]
        .sort(
          (a, b) =>
            Number(nounLike(b.definition) === nounLike(definition.definition)) - Number(nounLike(a.definition) === nounLike(definition.definition)) ||
            Number(b.source === definition.source) - Number(a.source === definition.source),
        )
        .filter((d) => d.term.toLowerCase() !== definition.term.toLowerCase() && kindOf(d.term) !== kindOf(definition.term))
        .map((d) => firstSentence(d.definition))
        .filter((d) => d !== key && !new RegExp(`\\b${definition.term.slice(0, Math.max(4, definition.term.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i").test(d))
        .slice(0, 3);
      inContext = false;
    }
    if (distractors.length < 2) continue;
    distractors = [...new Set(distractors)].filter((d) => d !== key);
    if (distractors.length < 2) continue;
    const { choices, answer } = sortedChoices(key, distractors.slice(0, 3));
    const evidence = usage ?? defining;
    out.push({
      id: "",
      type: "single",
      prompt: usage
        ? `As it is used in this sentence from the article, what does “${definition.found}” mean? “${innerQuotes(usage.text)}”`
        : `In the article, what does “${definition.found}” mean?`,
      choices,
      answer,
      explanation: definition.source === "article" ? `The article explains it: “${innerQuotes(defining.text)}”` : `Here “${definition.found}” means: ${key}`,
      skills: ["vocabulary"],
      difficulty: inContext ? 3 : 2,
      generator: "vocabulary-in-context",
      score: round(ctx.score(evidence.id) + (inContext ? 0.5 : 0.35) + (definition.source === "article" ? 0.1 : 0)),
      ...ctx.evidence(evidence),
    });
  }
  return out;
}

/** Other WordNet senses of the word, of a different kind than the one that fits, as definitions. */
function otherSenses(definition: TermDefinition, sentence: string, articleWords: Set<string>): string[] {
  if (!/^[a-z]+$/i.test(definition.term)) return [];
  const fitting = wordnetSense(definition.term, "n", sentence, articleWords);
  if (!fitting) return [];
  // Only when our key is the fitting sense itself; a glossary or in-text key may word the same sense differently.
  if (definition.source !== "wordnet") return [];
  return senses(definition.term, "n")
    .filter((s) => s.lexFile !== fitting.lexFile)
    .map((s) => firstSentence(glossDefinition(s)))
    .filter((d, i, all) => all.indexOf(d) === i)
    .slice(0, 3);
}

function firstSentence(text: string): string {
  const first = text.replace(/\s+/g, " ").trim().split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0]!;
  return first.length > 160 ? `${first.slice(0, 157).replace(/\s+\S*$/, "")}…` : first;
}

/** The WordNet kind (lexicographer file) of a word's most common noun sense: "expert" and "researcher" are both people, so one is never the other's distractor. */
function kindOf(term: string): number | string {
  return senses(term.split(/\s+/).at(-1) ?? term, "n")[0]?.lexFile ?? term;
}
