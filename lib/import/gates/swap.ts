/**
 * True/false swap gates: a swapped-in entity must be of the same kind and role, the swapped sentence must still
 * read as English, and it must really be false (the article must not say the same thing of the swapped-in entity).
 */
import { contentWords, overlap } from "../analyze/text";
import type { NamedEntity, Sentence } from "../types";

/** Same kind, and for people a shared role (or neither has one): an ambassador for an ambassador, never a reporter for a president. */
export function sameKindAndRole(a: NamedEntity, b: NamedEntity): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== "person") return true;
  if (a.roles.length === 0 && b.roles.length === 0) return true;
  return a.roles.some((r) => b.roles.includes(r));
}

/** Spots where a swap breaks the grammar: "a new the United States strategy", "the the", "States's". */
export function swapParseProblem(swapped: string): string | undefined {
  if (/\b(a|an|the|this|that|its|their|his|her|our)\s+(?:[a-z]+\s+)?the\s/i.test(swapped)) return "a determiner before a name that takes “the”";
  if (/\bthe\s+the\b/i.test(swapped)) return "“the the”";
  if (/s['’]s\b/.test(swapped) && /States['’]s|Nations['’]s/.test(swapped)) return "a doubled possessive";
  if (/\b(a)\s+[AEIOU]/.test(swapped)) return "“a” before a vowel";
  if (/\ban\s+[B-DF-HJ-NP-TV-Z][a-z]/.test(swapped)) return "“an” before a consonant";
  return undefined;
}

/**
 * The swapped statement may still be true when another sentence of the article says much the same about the
 * swapped-in entity (or number): then the swap can't be keyed false.
 */
export function stillTrueProblem(original: Sentence, replacedForms: string[], replacementForms: string[], sentences: Sentence[]): string | undefined {
  const rest = original.text;
  const words = contentWords(replacedForms.reduce((text, form) => text.split(form).join(" "), rest));
  for (const other of sentences) {
    if (other.id === original.id) continue;
    if (!replacementForms.some((form) => other.text.includes(form))) continue;
    if (overlap(words, contentWords(other.text)) >= 0.5) return `another sentence says much the same of ${replacementForms[0]}: “${other.text}”`;
  }
  if (replacementForms.some((form) => original.text.includes(form))) return `${replacementForms[0]} is already in the sentence`;
  return undefined;
}
