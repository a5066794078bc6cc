/**
 * Put events in order (chronology). Events come from the analysis's timeline (explicit, certain dates only). Each
 * item is its sentence rewritten as one short clause with the date taken out, so the items never show the dates the
 * student is asked to order; an event whose clause no longer reads, that is no past action with an actor (a
 * forecast, a plan, a statistic), or whose words give its place away is left out, and with fewer than three clearly
 * dated events there is no item.
 */
import { round, shorten } from "../analyze/text";
import { datesDistinct, orderingEventProblem } from "../gates/ordering";
import type { DateMention } from "../types";
import { captionParagraphs } from "./cause-effect";
import type { Candidate, Context } from "./common";

/** At most this many words per item: an ordering item is read five times over while the student sorts. */
const MAX_ITEM_WORDS = 24;

export function timelineQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const captions = captionParagraphs(analysis.sentences);
  const events = analysis.timeline
    .map((e) => ({ ...e, sentence: ctx.byId.get(e.sentenceId)! }))
    .filter((e) => !ctx.hasQuote(e.sentence) && e.sentence.kind === "paragraph" && !captions.has(e.sentence.paragraph) && !ctx.furniture.has(e.sentenceId))
    .map((e) => ({ ...e, item: eventClause(e.sentence.text, analysis.dates.filter((d) => d.sentenceId === e.sentenceId)) }))
    .filter((e): e is typeof e & { item: string } => !!e.item);
  // Best first, each date clearly apart from those already taken.
  const picked: typeof events = [];
  for (const e of [...events].sort((a, b) => ctx.score(b.sentenceId) - ctx.score(a.sentenceId))) {
    if (picked.length >= 5) break;
    if (datesDistinct([...picked.map((p) => p.iso), e.iso]) && !picked.some((p) => p.item === e.item)) picked.push(e);
  }
  if (picked.length < 3) return [];
  const chronological = [...picked].sort((a, b) => a.iso.localeCompare(b.iso));
  // The stored order and the item ids reach the browser with the question (a signed-in attempt shuffles again), so
  // neither may carry the answer: the items are listed, and numbered e1…eN, in an order drawn from their own text
  // that is neither the answer nor its reverse. (Listing them in the article's order, reversed when the article told
  // them in date order, and numbering them by the article's order, gave the key away for every chronological story.)
  const items = listedAwayFrom(chronological.map((e) => e.item)).map((text, i) => ({ id: `e${i + 1}`, text }));
  const answer = chronological.map((e) => items.find((item) => item.text === e.item)!.id);
  const first = chronological[0]!.sentence;
  return [
    {
      id: "",
      type: "ordering",
      prompt: "Put these events from the article in the order they happened, earliest first.",
      items,
      answer,
      explanation: `In order: ${chronological.map((e) => `${shorten(e.item.replace(/[.!]$/, ""), 12)} (${e.dateText})`).join("; ")}.`,
      skills: ["chronology"],
      difficulty: 3,
      generator: "timeline-order",
      score: round(picked.reduce((s, e) => s + ctx.score(e.sentenceId), 0) / picked.length + 0.3),
      ...ctx.evidence(first),
    },
  ];
}

/**
 * One past event as a short clause without its date: the sentence without the date phrase and an opening
 * connective ("Additionally, …"), cut before a trailing clause ("…, which …", "…, killing …") when too long;
 * undefined when what is left is not a clean event (gates/ordering.ts).
 */
export function eventClause(sentence: string, dates: DateMention[]): string | undefined {
  // Two dates in one sentence are two events ("added in 2017, and … followed in 2019"): no one place in the order.
  if (new Set(dates.filter((d) => d.explicit).map((d) => d.iso)).size > 1) return undefined;
  let text = withoutDates(sentence, dates);
  if (!text) return undefined;
  text = text.replace(/^(?:Additionally|In addition|Also|Meanwhile|Finally|Then|Later|Earlier|Next|Previously|Subsequently|At the time|That day|Back then),\s+/i, "");
  text = text[0]!.toUpperCase() + text.slice(1);
  // "Instead, parents found out …" leans on the sentence before it: out of context it does not say what happened.
  if (/^(?:Instead|However|Still|But|And|So|Yet|Nevertheless|Nonetheless|Even so|As a result|In response|In retaliation)\b/.test(text)) return undefined;
  if (text.split(/\s+/).length > MAX_ITEM_WORDS) {
    const cut = /^(.{20,}?)(?:,\s+(?:which|who|whose|where|when|while|leading|killing|prompting|causing|making|bringing|sparking|including|as|after|before|but|and)\b|;|\s+—\s+)/.exec(text);
    if (!cut) return undefined;
    text = `${cut[1]!.replace(/[,\s]+$/, "")}.`;
  }
  if (text.split(/\s+/).length > MAX_ITEM_WORDS) return undefined;
  if (!/[.!]$/.test(text)) text = `${text}.`;
  return orderingEventProblem(text) === undefined ? text : undefined;
}

/** The sentence without its date phrases ("In June 2016, the council…" → "The council…"); undefined if it no longer reads. */
export function withoutDates(sentence: string, dates: DateMention[]): string | undefined {
  let text = sentence;
  for (const date of [...dates].sort((a, b) => b.text.length - a.text.length)) {
    const escaped = date.text.replace(/[\s,.;]+$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    let dangling = false;
    text = text.replace(new RegExp(`(,?)\\s*\\b(?:(?:beginning|starting)\\s+)?(?:on or about|on or around|on|in|since|by|during|until|from|of|through|early|late)?\\s*${escaped}(,?)`, "i"), (whole, lead: string, trail: string, offset: number, all: string) => {
      // The date was the object of a longer phrase ("on a Saturday night", "that March"): without it the phrase is
      // left hanging ("had a heart attack on a and waited"), so the item is dropped, not shown broken.
      // With its own preposition taken along ("charges that on or about March 7, Kadar …"), the date was no object.
      const ownPreposition = /^,?\s*(?:beginning|starting|on|in|since|by|during|until|from|of|through)\b/i.test(whole);
      if (!ownPreposition && /\b(a|an|the|that|this|one|each|every|last|next|early|late|on|in|at|of|by|from|to|since|until)\s*$/i.test(all.slice(0, offset))) dangling = true;
      return (
        // Mid-sentence, a date set off by a comma leaves the comma ("Liu, at a conference in July, said" → "…conference, said").
        offset > 0 && (lead || trail) && !(lead && trail) ? ", " : offset > 0 && lead && trail ? ", " : " "
      );
    });
    if (dangling) return undefined;
  }
  // "charges that on or about March 7, Kadar made …" → "charges that Kadar made …".
  text = text.replace(/\b(that|when|where)\s*,\s+/g, "$1 ");
  text = text.replace(/\s+([,.;])/g, "$1").replace(/\s{2,}/g, " ").replace(/^[\s,]+/, "").trim();
  if (!text) return undefined;
  text = text[0]!.toUpperCase() + text.slice(1);
  // Any date left (a second year, a month) would show the answer; a sentence left too short no longer says anything.
  if (/\b(1[89]|20)\d{2}\b|\b(January|February|March|April|June|July|August|September|October|November|December)\b/.test(text)) return undefined;
  if (text.split(/\s+/).length < 5) return undefined;
  // The date was part of a longer phrase ("on a dark February morning" → "on a dark,"): the item would not read.
  if (/\b(a|an|the|of|on|at|in|by|dark|early|late|cold|last|next)\s*[,.;]/i.test(text)) return undefined;
  if (/\b(a|an|the)\s+(a|an|the|and|or|but|to|of|on|in|at|by|with|for|when|while|after|before|was|were|is|are)\b/i.test(text)) return undefined;
  return text;
}

/**
 * The items in an order that is neither `answer` nor its reverse (possible from three items on), drawn from a seed
 * made of their text: the same article always drafts the same question, and the order says nothing about the key.
 */
export function listedAwayFrom(answer: readonly string[]): string[] {
  const n = answer.length;
  const reveals = (order: readonly string[]) => order.every((text, i) => text === answer[i]) || order.every((text, i) => text === answer[n - 1 - i]);
  let seed = 2166136261;
  for (const char of answer.join("\u0000")) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let tries = 0; tries < 20; tries += 1) {
    const order = [...answer];
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    if (n < 3 || !reveals(order)) return order;
  }
  // Twenty unlucky draws: the answer with its first two swapped is neither it nor its reverse for three or more.
  return [answer[1]!, answer[0]!, ...answer.slice(2)];
}
