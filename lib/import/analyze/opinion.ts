/**
 * Opinion cues: what marks a sentence as a judgment rather than a checkable fact (obligation modals, evaluative
 * words, belief verbs, first person in the author's own voice), and whose judgment it is — the author or the
 * speaker the article quotes. Opinion is never keyed as plain fact: generators attribute it ("According to the
 * author…", "X claims…").
 */
import type { Attribution, Genre, OpinionMark, Quotation, Sentence } from "../types";

/** Obligation in the writer's or speaker's voice; "must be frozen" (a rule described in the passive) is not a judgment. */
const MODALS = /\b(should(?:n['’]t)?|must(?!\s+(?:be|have been)\s+\w+(?:ed|en)\b)|ought to|cannot afford|it is time)\b/gi;
const BELIEF = /\b(I|we)\s+(?:\w+\s+)?(think|believe|feel|doubt|hope|suspect|fear|argue|suggest|contend|worry)\b/gi;
const EVALUATIVE = new RegExp(
  `\\b(${[
    "best", "worst", "better", "worse", "greatest", "wrong", "right to", "unfair", "fair", "shameful", "absurd", "reckless", "foolish", "wise", "unwise", "brilliant", "terrible", "excellent",
    "disgrace", "disgraceful", "outrageous", "ridiculous", "dangerous", "irresponsible", "misguided", "mistake", "failure", "failed", "cowardly", "courageous", "admirable", "appalling",
    "naive", "hypocritical", "important", "crucial", "essential", "vital", "necessary", "unacceptable", "deserve", "deserves", "clearly", "obviously", "surely", "undoubtedly", "of course",
    "sadly", "fortunately", "unfortunately", "troubling", "alarming", "welcome", "laudable", "pointless", "useless", "smart", "stupid", "nonsense", "overdue", "long overdue", "too little",
    "too late", "frankly", "arguably", "bold", "timid", "tragic", "heroic",
  ].join("|")})\\b`,
  "gi",
);
const FIRST_PERSON = /\b(I|my|me|we|our|us)\b/g;
/** A figure a reader can check (a share, an amount, a count, a year) — not a label such as "Bill 22". */
const CHECKABLE_FIGURE =
  /\$\s?\d|\d[\d,.]*\s*(%|percent|per cent|million|billion|thousand|years?|people|votes?|seats?|euros|dollars|pounds)\b|\b(1[89]|20)\d{2}\b|(?<!\b(?:Route|Bill|Section|Article|Chapter|Title|Proposition|Prop\.|Measure|Question|Amendment|Highway|District|Ward|Precinct|No\.|Number|Room|Gate|Exit|Lot|Line|Bus|Station)\s)\b\d[\d,.]*\s+(?:[a-z-]+\s+){0,2}[a-z]+s\b(?<!\b(?:is|was|has|does|says))|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b/i;
/**
 * A sweeping claim about everyone or no one ("Anyone who has waited 40 minutes for a bus knows …", "Nobody calls it
 * …"): the writer's generalization, not a fact a student can check, whatever figure it carries.
 */
const GENERALIZATION = /\b(?:anyone who|everyone (?:who|knows)|no one (?:who|can|could|would)|nobody (?:who|can|could|would|wants)|any (?:parent|reader|voter|rider|resident|teacher) (?:who|knows|can)|(?:we|you) all know|knows (?:that|the|how|what)|the (?:truth|reality|fact) is|there is no (?:doubt|question|excuse|reason))\b/i;
const QUOTE = /[“"][^“”"]*[”"]/g;

export function findOpinions(sentences: Sentence[], genre: Genre, quotations: Quotation[], attributions: Attribution[]): OpinionMark[] {
  const out: OpinionMark[] = [];
  const quoteBySentence = new Map(quotations.map((q) => [q.sentenceId, q]));
  const attributionBySentence = new Map(attributions.map((a) => [a.sentenceId, a]));
  for (const sentence of sentences) {
    const quote = quoteBySentence.get(sentence.id);
    const outside = sentence.text.replace(QUOTE, " ");
    const insideText = quote ? quote.text : "";
    const outsideCues = cuesIn(outside, genre === "opinion" || genre === "interview");
    // In a column, a sweeping claim in the author's voice is a judgment even with a figure in it.
    const sweeping = genre === "opinion" ? GENERALIZATION.exec(outside) : null;
    if (sweeping) outsideCues.push(sweeping[0].toLowerCase());
    const insideCues = insideText ? cuesIn(insideText, true) : [];
    if (insideCues.length > 0 && quote) out.push({ sentenceId: sentence.id, cues: insideCues, holder: quote.speaker });
    else if (outsideCues.length > 0) {
      const attribution = attributionBySentence.get(sentence.id);
      // In news, a judgment in narration is almost always someone's reported view; in a column it is the author's.
      // A sentence that reports what someone said or told ("The parks director told this paper that the pump failed") is
      // their account, in a column too.
      const reported = /\b(he|she|they|officials?|critics|supporters)\s+(said|says|argued|warned|added|told)\b|\b(said|says)\s+(he|she|they)\b|\b(?:said|told|tells|according to)\b/i.test(outside);
      const holder =
        attribution && attribution.sourceKind !== "document" ? attribution.source : sentence.kind === "blockquote" || reported || (genre !== "opinion" && /\b(said|says)\b/.test(outside)) ? "quoted" : "author";
      out.push({ sentenceId: sentence.id, cues: outsideCues, holder });
    } else if (genre === "opinion" && sentence.kind !== "blockquote" && !quote && !CHECKABLE_FIGURE.test(sentence.text) && !/\b(said|says|told|according to)\b/i.test(outside)) {
      // In a column, a sentence in the author's voice with no figure to check is the author's view.
      out.push({ sentenceId: sentence.id, cues: [], holder: "author" });
    }
  }
  return out;
}

function cuesIn(text: string, firstPersonCounts: boolean): string[] {
  const cues = new Set<string>();
  for (const m of text.matchAll(MODALS)) cues.add(m[0].toLowerCase());
  for (const m of text.matchAll(BELIEF)) cues.add(m[0]);
  for (const m of text.matchAll(EVALUATIVE)) cues.add(m[0].toLowerCase());
  if (firstPersonCounts && cues.size > 0) for (const m of text.matchAll(FIRST_PERSON)) cues.add(m[0]);
  // "important" or "right to" alone in a report ("an important vote") is too weak to call a judgment.
  const weak = new Set(["important", "necessary", "welcome", "fair", "better", "worse", "bold", "right to", "failed", "failure", "essential", "vital", "crucial"]);
  if ([...cues].every((c) => weak.has(c)) && !firstPersonCounts) return [];
  return [...cues];
}

/** A sentence a student can check: a figure, a date or a named event, and no opinion cue. */
export function isCheckableFact(sentence: Sentence, hasFact: boolean, opinionIds: Set<string>): boolean {
  return hasFact && !opinionIds.has(sentence.id) && !/[“”"]/.test(sentence.text) && !/\?$/.test(sentence.text);
}
