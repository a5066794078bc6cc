/**
 * Dates (chrono-node, resolved against the article date) and the article's timeline: one event per sentence,
 * ordered only by explicit dates (news is told by importance, not in order — Mani et al. 2003).
 */
import * as chrono from "chrono-node";
import type { DateMention, Sentence, TimelineEntry } from "../types";

const DATE_WORD = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(1[89]|20)\d{2})\b/i;
/** "In 1997, …" and "since 2019": years chrono reads as times or ignores. Case-insensitive, so a sentence-initial "In" counts. */
export const YEAR_PHRASE = /\b(?:in|since|by|until|before|after|from|of|during|through)\s+((?:1[89]|20)\d{2})\b(?![-–\d])|\bthe\s+((?:1[89]|20)\d{2})(?=\s+\p{Ll})/giu;
const PRONOUN_START = /^["“]?(he|she|it|they|we|i|you|this|that|these|those|there|but|and|or|so|his|her|their|its)\b/i;

const FUTURE = /\b(will|would|shall|is due|are due|due (?:on|by)|takes? effect|(?:is|are) (?:expected|scheduled|set|due) to|plans? to|next|upcoming|by (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\b/i;

const PAST = /\b(was|were|had|did|since|ago|last|earlier|met|said|told|went|came|took|gave|won|lost|held|began|ran|made|sent|left|fell|rose|paid|spoke|wrote|found|brought|chose|struck|sat|stood|\p{Ll}{3,}ed)\b/u;

export function findDates(sentences: Sentence[], articleDate: string | undefined): DateMention[] {
  const reference = articleDate ? referenceDate(articleDate) : undefined;
  const out: DateMention[] = [];
  for (const sentence of sentences) {
    const seen = new Set<string>();
    // Without an article date, resolve against a fixed instant and keep only dates that name their year.
    // A date without its year is the nearest one in the direction the sentence points: ahead for what "will" happen
    // or is due ("the hearing on Dec. 9", "take effect Jan. 4"), back for what happened ("Since January 9, …").
    const ahead = FUTURE.test(sentence.text.replace(/[“"][^”"]*[”"]/g, " "));
    const past = PAST.test(sentence.text.replace(/[“"][^”"]*[”"]/g, " "));
    const results = chrono.parse(sentence.text, reference ?? new Date(2000, 0, 1, 12), { forwardDate: ahead });
    for (const result of results) {
      const start = result.start;
      const yearKnown = start.isCertain("year");
      const monthKnown = start.isCertain("month");
      const dayKnown = start.isCertain("day");
      const weekday = start.isCertain("weekday");
      if (!reference && !yearKnown) continue;
      let precision: DateMention["precision"];
      if (dayKnown || weekday) precision = "day";
      else if (monthKnown) precision = "month";
      else if (yearKnown) precision = "year";
      else continue;
      // Durations and vague phrases ("for 38 minutes", "a week later", "next month") are not dates on a timeline.
      if (!DATE_WORD.test(result.text)) continue;
      let year = start.get("year")!;
      let month = start.get("month")!;
      let day = start.get("day")!;
      // Whether the year is known: named, or the only sensible reading of a yearless date (ordering needs this).
      let certain = yearKnown || !reference;
      if (reference && !yearKnown && monthKnown) {
        // A date without a year is the occurrence nearest the article date (the standard rule: "the Nov. 4 election"
        // in a mid-October story is this November). Only when the nearest occurrence is four months or more away does
        // the sentence's tense decide.
        const at = (y: number) => new Date(y, month - 1, dayKnown ? day : 15, 12).getTime();
        const options = [year - 1, year, year + 1].map((y) => ({ y, gap: at(y) - reference.getTime() })).sort((a, b) => Math.abs(a.gap) - Math.abs(b.gap));
        const [nearest, second] = options as [{ y: number; gap: number }, { y: number; gap: number }];
        const DAY = 24 * 3600 * 1000;
        const after = nearest.gap > 0 ? nearest : second;
        const before = nearest.gap > 0 ? second : nearest;
        const tense = ahead && !past ? after : past && !ahead ? before : undefined;
        if (Math.abs(nearest.gap) <= 120 * DAY) {
          year = nearest.y;
          certain = true;
        } else {
          // Both occurrences are four months or more away: the tense breaks the tie ("Since January 9" in August is
          // this January, "take effect Jan. 4" is next year); with no clear tense the year stays a guess.
          year = (tense ?? nearest).y;
          certain = tense === nearest;
        }
      } else if (reference && !yearKnown && weekday) {
        // A weekday is the one nearest the article date in the sentence's direction: chrono's forward reading for
        // "next Tuesday" or what will happen, the week before for what happened. Without a tense it is a guess.
        if (past && !ahead && start.date().getTime() > reference.getTime() + 36 * 3600 * 1000) {
          const back = new Date(start.date().getTime() - 7 * 24 * 3600 * 1000);
          [year, month, day] = [back.getFullYear(), back.getMonth() + 1, back.getDate()];
        }
        certain = /\b(next|last|this|coming|past)\s+\w+day\b/i.test(result.text) || ahead !== past;
      }
      const iso = precision === "day" ? `${year}-${pad(month)}-${pad(day)}` : precision === "month" ? `${year}-${pad(month)}` : String(year);
      if (seen.has(iso)) continue;
      seen.add(iso);
      out.push({ sentenceId: sentence.id, text: result.text, iso, precision, explicit: monthKnown || yearKnown, certain });
    }
    for (const match of sentence.text.matchAll(YEAR_PHRASE)) {
      const iso = (match[1] ?? match[2])!;
      if ([...seen].some((s) => s.startsWith(iso))) continue;
      seen.add(iso);
      out.push({ sentenceId: sentence.id, text: match[0], iso, precision: "year", explicit: true, certain: true });
    }
  }
  return out;
}

/** Dated sentences, one event per sentence, ordered by explicit dates; spans ("since January") and overlapping dates are left out. */
export function buildTimeline(sentences: Sentence[], dates: DateMention[], furniture: Set<string>): TimelineEntry[] {
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const seenSentence = new Set<string>();
  const events: TimelineEntry[] = [];
  for (const date of dates) {
    if (seenSentence.has(date.sentenceId) || !date.explicit || date.certain === false || /^since\b/i.test(date.text) || furniture.has(date.sentenceId)) continue;
    const sentence = byId.get(date.sentenceId)!;
    const at = sentence.text.indexOf(date.text);
    if (PRONOUN_START.test(sentence.text) || /\b(since|until|by)\s+$/i.test(sentence.text.slice(0, Math.max(0, at)))) continue;
    // Two events whose dates overlap ("2016" and "June 2016") cannot be ordered.
    if (events.some((e) => e.iso.startsWith(date.iso) || date.iso.startsWith(e.iso))) continue;
    seenSentence.add(date.sentenceId);
    events.push({ sentenceId: date.sentenceId, iso: date.iso, precision: date.precision, dateText: date.text.replace(/^(on|in|since|by|of|until|from|during|through|before|after)\s+/i, "").replace(/[,.]$/, "") });
  }
  return events.sort((a, b) => a.iso.localeCompare(b.iso));
}

function referenceDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
