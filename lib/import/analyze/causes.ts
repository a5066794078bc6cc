/**
 * Cause and effect from the article's own connectives ("because", "as a result", "in response to", "in retaliation
 * for", "after", "led to"). Both sides stay verbatim so a question can quote them.
 */
import type { CauseEffect, Sentence } from "../types";
import { countWords } from "./text";

interface Pattern {
  regex: RegExp;
  /** Which capture group is the cause and which the effect. */
  cause: number;
  effect: number;
  connective: string;
}

const CLAUSE = "([^;:]{12,}?)";
const PATTERNS: Pattern[] = [
  { regex: new RegExp(`^(?:But\\s+|And\\s+)?Because(?: of)?\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "because" },
  { regex: new RegExp(`^${CLAUSE},?\\s+because(?: of)?\\s+(.{8,})$`, "i"), cause: 2, effect: 1, connective: "because" },
  { regex: new RegExp(`^(?:In|As a) (?:direct )?(?:response|reaction|retaliation) (?:to|for)\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "in response to" },
  { regex: new RegExp(`^${CLAUSE},?\\s+in (?:response|reaction|retaliation) (?:to|for)\\s+(.{8,})$`, "i"), cause: 2, effect: 1, connective: "in response to" },
  { regex: new RegExp(`^(?:As a result of|Due to|Because of|Owing to)\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "as a result of" },
  { regex: new RegExp(`^${CLAUSE},?\\s+(?:as a result of|due to|owing to)\\s+(.{8,})$`, "i"), cause: 2, effect: 1, connective: "as a result of" },
  { regex: new RegExp(`^${CLAUSE}\\s+(?:led to|caused|triggered|prompted|sparked|resulted in)\\s+(.{8,})$`, "i"), cause: 1, effect: 2, connective: "led to" },
  { regex: new RegExp(`^After\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "after" },
];
const REACTION = /\b(responded|retaliated|imposed|announced|voted|condemned|called for|resigned|suspended|sanctioned|banned|closed|cancel(l)?ed|evacuated|declared|ordered|pledged|vowed|protested|withdrew|halted|raised|cut)\b/i;
const NEXT_SENTENCE = /^(As a result|Consequently|Because of this|In response|In retaliation|That is why|This led to|Therefore|So)\s*,?\s+(.{12,})$/i;

export function findCauses(sentences: Sentence[]): CauseEffect[] {
  const out: CauseEffect[] = [];
  sentences.forEach((sentence, index) => {
    if (/[“”"]/.test(sentence.text)) return;
    const text = sentence.text.replace(/\s*[.!]$/, "");
    for (const pattern of PATTERNS) {
      const match = pattern.regex.exec(text);
      if (!match) continue;
      const cause = tidy(match[pattern.cause]!);
      const effect = tidy(match[pattern.effect]!);
      if (countWords(cause) < 3 || countWords(effect) < 4) continue;
      // "After X, Y" is only a sequence unless Y is a reaction; never guess a cause from order alone.
      if (pattern.connective === "after" && !REACTION.test(effect)) continue;
      out.push({ sentenceId: sentence.id, cause, effect, connective: pattern.connective });
      return;
    }
    const next = NEXT_SENTENCE.exec(text);
    const previous = sentences[index - 1];
    if (next && previous && previous.paragraph === sentence.paragraph - 0 && !/[“”"]/.test(previous.text)) {
      out.push({ sentenceId: sentence.id, cause: tidy(previous.text.replace(/\s*[.!]$/, "")), effect: tidy(next[2]!), connective: next[1]!.toLowerCase(), causeSentenceId: previous.id });
    }
  });
  return out;
}

function tidy(clause: string): string {
  return clause.replace(/^[,\s]+|[,\s]+$/g, "").replace(/\s+/g, " ");
}
