/**
 * Vocabulary in context: what a word means as the article uses it. Definitions come from the analysis (the
 * article's own, the glossary when its sense fits, WordNet when one sense fits). Distractors are the word's other
 * WordNet senses of a different kind (a real meaning-in-context item), else other terms' definitions.
 */
import { glossDefinition, wordnetSense } from "../analyze/terms";
import { contentWords, innerQuotes, round, wordPattern } from "../analyze/text";
import { baseForm, commonSenses, taggedCount } from "../analyze/wordnet";
import { daleChall } from "dale-chall";

const FAMILIAR = new Set(daleChall);
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
    // Everyday words are not worth a question, whatever WordNet's counts say ("housing", "restaurant", "approves").
    if (definition.source === "wordnet" && isEveryday(definition.term)) continue;
    let distractors = otherSenses(definition, usage?.text ?? defining.text, articleWords);
    let inContext = distractors.length >= 2;
    // A WordNet sense is only trusted as a key when the word's other senses make the item (the context must pick one
    // sense clearly); otherwise the key may well be the wrong sense ("leading" as printer's metal).
    if (!inContext && definition.source === "wordnet") continue;
    if (!inContext) {
      // Same source and same shape first ("A person who…" beside "A rule that…"), so no choice stands out by its form.
      const nounLike = (text: string) => /^(A|An|The|Someone|Any)\b/.test(text);
      distractors = [...analysis.definitions]
        .sort(
          (a, b) =>
            Number(nounLike(b.definition) === nounLike(definition.definition)) - Number(nounLike(a.definition) === nounLike(definition.definition)) ||
            Number(b.source === definition.source) - Number(a.source === definition.source),
        )
        // Other definitions the article or the curriculum gives, never WordNet's (a stray sense reads as nonsense).
        .filter((d) => d.source !== "wordnet" && d.term.toLowerCase() !== definition.term.toLowerCase() && kindOf(d.term) !== kindOf(definition.term))
        .map((d) => firstSentence(d.definition))
        .filter((d) => d !== key && !new RegExp(`\\b${definition.term.slice(0, Math.max(4, definition.term.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "i").test(d))
        .slice(0, 3);
      inContext = false;
    }
    if (distractors.length < 2) continue;
    // No two choices that read the same once case and punctuation are set aside, and no biography among them.
    const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").replace(/\s+/g, " ").trim();
    distractors = distractors.filter((d, i) => norm(d) !== norm(key) && distractors.findIndex((x) => norm(x) === norm(d)) === i && !BIOGRAPHY.test(d));
    if (distractors.length < 2 || BIOGRAPHY.test(key)) continue;
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

/** A WordNet instance gloss (a person or a place): "United States labor leader who … (1901-1990)". */
const BIOGRAPHY = /\(\d{3,4}\s*[-–]\s*\d{2,4}\)|\b(?:born|died) (?:in )?\d{4}\b|^(?:A |An )?(?:United States|English|French|German|British|American|Italian|Russian|Scottish|Irish|Spanish) [a-z ]*(?:leader|writer|architect|painter|poet|composer|statesman|general|physicist|chemist|actor|actress|singer|philosopher|novelist|dramatist|inventor|explorer)\b|^(?:A |The )?(?:city|town|river|state|country|region|capital) (?:in|of|on) [A-Z]/;

/** Familiar words: on the New Dale-Chall list in their base form, or short. */
function isEveryday(term: string): boolean {
  if (term.includes(" ")) return false;
  const lower = term.toLowerCase();
  if (lower.length <= 6) return true;
  const bases = (["n", "v", "a"] as const).map((pos) => baseForm(lower, pos)?.replace(/_/g, " ")).filter((b): b is string => Boolean(b));
  if ([lower, ...bases].some((w) => FAMILIAR.has(w))) return true;
  // Tagged a few times across its parts of speech in SemCor (ordinary prose): a word most students have met.
  const tagged = (["n", "v", "a"] as const).reduce((sum, pos) => sum + (taggedCount(lower, pos) ?? 0), 0);
  return tagged >= 3;
}

/** Other WordNet senses of the word, of a different kind than the one that fits, as definitions. */
function otherSenses(definition: TermDefinition, sentence: string, articleWords: Set<string>): string[] {
  if (!/^[a-z]+$/i.test(definition.term)) return [];
  const fitting = wordnetSense(definition.term, "n", sentence, articleWords, true);
  if (!fitting) return [];
  // Only when our key is the fitting sense itself; a glossary or in-text key may word the same sense differently.
  if (definition.source !== "wordnet" || firstSentence(glossDefinition(fitting)) !== firstSentence(definition.definition)) return [];
  return commonSenses(definition.term, "n")
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
  return commonSenses(term.split(/\s+/).at(-1) ?? term, "n")[0]?.lexFile ?? term;
}
