/**
 * Cause and effect from the article's own connectives ("because", "as a result", "in response to", "in retaliation
 * for", "after", "led to"), within a sentence or across two ("… . As a result, …", "… . In response, …"). Both sides
 * stay verbatim so a question can quote them; `clauses` says whether both read as full clauses, which a question
 * needs to offer them as choices.
 */
import type { CauseEffect, Sentence } from "../types";
import { isFullClause } from "./clauses";
import { countWords } from "./text";

interface Pattern {
  regex: RegExp;
  /** Which capture group is the cause and which the effect. */
  cause: number;
  effect: number;
  connective: string;
  /** The connective takes a clause ("because they voted"), not a noun phrase ("because of the vote"). */
  clause: boolean;
}

const CLAUSE = "([^;:]{12,}?)";
const PATTERNS: Pattern[] = [
  { regex: new RegExp(`^(?:But\\s+|And\\s+)?Because of\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "because", clause: false },
  { regex: new RegExp(`^(?:But\\s+|And\\s+)?Because\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "because", clause: true },
  { regex: new RegExp(`^${CLAUSE},?\\s+because of\\s+(.{8,})$`, "i"), cause: 2, effect: 1, connective: "because", clause: false },
  { regex: new RegExp(`^${CLAUSE},?\\s+because\\s+(.{8,})$`, "i"), cause: 2, effect: 1, connective: "because", clause: true },
  { regex: new RegExp(`^(?:In|As a) (?:direct )?(?:response|reaction|retaliation) (?:to|for)\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "in response to", clause: false },
  { regex: new RegExp(`^${CLAUSE},?\\s+in (?:response|reaction|retaliation) (?:to|for)\\s+(.{8,})$`, "i"), cause: 2, effect: 1, connective: "in response to", clause: false },
  { regex: new RegExp(`^(?:As a result of|Due to|Because of|Owing to)\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "as a result of", clause: false },
  { regex: new RegExp(`^${CLAUSE},?\\s+(?:as a result of|due to|owing to)\\s+(.{8,})$`, "i"), cause: 2, effect: 1, connective: "as a result of", clause: false },
  { regex: new RegExp(`^${CLAUSE}\\s+(?:led to|caused|triggered|prompted|sparked|resulted in)\\s+(.{8,})$`, "i"), cause: 1, effect: 2, connective: "led to", clause: false },
  { regex: new RegExp(`^After\\s+${CLAUSE},\\s+(.{12,})$`, "i"), cause: 1, effect: 2, connective: "after", clause: false },
];
const REACTION = /\b(responded|retaliated|imposed|announced|voted|condemned|called for|resigned|suspended|sanctioned|banned|closed|cancel(l)?ed|evacuated|declared|ordered|pledged|vowed|protested|withdrew|halted|raised|cut)\b/i;
/** A sentence that opens by pointing back to the previous one as its cause. */
const NEXT_SENTENCE = /^(As a result|Consequently|Because of this|Because of that|In response|In retaliation|As a consequence|That is why|This is why|Therefore|So)\s*,?\s+(.{12,})$/i;
/** Hedges that belong to the connective ("mostly because"), not to the effect. */
const HEDGE = /,?\s+(mostly|largely|partly|mainly|primarily|in part|chiefly|only|just|simply|precisely|exactly)$/i;

export function findCauses(sentences: Sentence[]): CauseEffect[] {
  const out: CauseEffect[] = [];
  sentences.forEach((sentence, index) => {
    if (/[“”"]/.test(sentence.text)) return;
    const text = sentence.text.replace(/\s*[.!]$/, "");
    for (const pattern of PATTERNS) {
      const match = pattern.regex.exec(text);
      if (!match) continue;
      const cause = tidy(match[pattern.cause]!);
      const effect = tidy(match[pattern.effect]!).replace(HEDGE, "");
      if (countWords(cause) < 3 || countWords(effect) < 4) continue;
      // "After X, Y" is only a sequence unless Y is a reaction; never guess a cause from order alone.
      if (pattern.connective === "after" && !REACTION.test(effect)) continue;
      out.push({ sentenceId: sentence.id, cause, effect, connective: pattern.connective, clauses: pattern.clause && isFullClause(cause) && isFullClause(effect) });
      return;
    }
    const next = NEXT_SENTENCE.exec(text);
    const previous = sentences[index - 1];
    // The sentence pointed back to is the one just before, in the same paragraph or closing the previous one.
    if (next && previous && sentence.paragraph - previous.paragraph <= 1 && previous.kind === "paragraph" && !/[“”"]/.test(previous.text)) {
      const cause = tidy(previous.text.replace(/\s*[.!]$/, ""));
      const effect = tidy(next[2]!);
      out.push({ sentenceId: sentence.id, cause, effect, connective: next[1]!.toLowerCase(), causeSentenceId: previous.id, clauses: isFullClause(cause) && isFullClause(effect) });
    }
  });
  return out;
}

function tidy(clause: string): string {
  return clause.replace(/^[,\s]+|[,\s]+$/g, "").replace(/\s+/g, " ");
}
