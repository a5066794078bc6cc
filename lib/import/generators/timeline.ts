/**
 * Put events in order (chronology). Events come from the analysis's timeline (explicit dates only); each item is
 * its sentence with the date taken out, so the items never show the dates the student is asked to order.
 */
import { round, shorten } from "../analyze/text";
import type { DateMention } from "../types";
import type { Candidate, Context } from "./common";

export function timelineQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const events = analysis.timeline
    .map((e) => ({ ...e, sentence: ctx.byId.get(e.sentenceId)! }))
    .filter((e) => !ctx.hasQuote(e.sentence))
    .map((e) => ({ ...e, item: withoutDates(e.sentence.text, analysis.dates.filter((d) => d.sentenceId === e.sentenceId)) }))
    .filter((e): e is typeof e & { item: string } => !!e.item);
  if (events.length < 3) return [];
  const picked = [...events]
    .sort((a, b) => ctx.score(b.sentenceId) - ctx.score(a.sentenceId))
    .slice(0, 5)
    .sort((a, b) => ctx.order(a.sentenceId) - ctx.order(b.sentenceId));
  const items = picked.map((e, i) => ({ id: `e${i + 1}`, text: shorten(e.item, 30) }));
  const chronological = [...picked].sort((a, b) => a.iso.localeCompare(b.iso));
  // Reviewers see items in file order; when the article already told them in order, list them reversed.
  if (chronological.every((e, i) => e === picked[i])) items.reverse();
  const answer = chronological.map((e) => items.find((item) => item.text === shorten(e.item, 30))!.id);
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

/** The sentence without its date phrases ("In June 2016, the council…" → "The council…"); undefined if it no longer reads. */
export function withoutDates(sentence: string, dates: DateMention[]): string | undefined {
  let text = sentence;
  for (const date of [...dates].sort((a, b) => b.text.length - a.text.length)) {
    const escaped = date.text.replace(/[\s,.;]+$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    let dangling = false;
    text = text.replace(new RegExp(`(,?)\\s*\\b(?:on|in|since|by|during|until|from|of|through|early|late)?\\s*${escaped}(,?)`, "i"), (whole, lead: string, trail: string, offset: number, all: string) => {
      // The date was the object of a longer phrase ("on a Saturday night", "that March"): without it the phrase is
      // left hanging ("had a heart attack on a and waited"), so the item is dropped, not shown broken.
      if (/\b(a|an|the|that|this|one|each|every|last|next|early|late|on|in|at|of|by|from|to|since|until)\s*$/i.test(all.slice(0, offset))) dangling = true;
      return (
        // Mid-sentence, a date set off by a comma leaves the comma ("Liu, at a conference in July, said" → "…conference, said").
        offset > 0 && (lead || trail) && !(lead && trail) ? ", " : offset > 0 && lead && trail ? ", " : " "
      );
    });
    if (dangling) return undefined;
  }
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
