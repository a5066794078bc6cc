/**
 * Ordering (chronology) items: the items must not show the dates they ask the student to order, and each item must
 * be a clean statement of one past event that still reads once its date is gone.
 */
import { isFullClause, isPastEvent } from "../analyze/clauses";

const DATE_IN_TEXT = /\b(1[89]|20)\d{2}\b|\b(January|February|March|April|June|July|August|September|October|November|December)\b|\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s*\d/;
/** Words that tell the order without the date ("Finally, …", "years later", "the first …"). */
const ORDER_CUE = /\b(first|second|third|finally|then|later|earlier|next|afterwards?|subsequently|previously|again|ago|eventually|meanwhile|since|already|once more|by then|by that time|the following|the previous)\b/i;
/** What a removed date leaves hanging ("on or about, Kadar …", "beginning on, and continuing"). */
const DANGLING = /\b(?:on or about|or about|about|around|approximately|beginning|starting|continuing|until|through|since|between|as of|dated|on|in|at|of|by|from|to)\s*[,.;]|\band\s*[,.;]|,\s*,/i;

export function orderingItemsProblem(items: string[]): string | undefined {
  const dated = items.find((item) => DATE_IN_TEXT.test(item));
  if (dated) return `an item shows its date: “${dated}”`;
  const broken = items.find((item) => orderingEventProblem(item) !== undefined);
  return broken ? `an item is not a clean event: “${broken}” (${orderingEventProblem(broken)})` : undefined;
}

/** Why this text cannot be an ordering item: it shows a date or its order, it was left broken, or it is no past event. */
export function orderingEventProblem(text: string): string | undefined {
  if (DATE_IN_TEXT.test(text)) return "shows a date";
  if (/…$/.test(text)) return "cut short";
  if (DANGLING.test(`${text.replace(/[.!]$/, "")}.`)) return "a removed date left a phrase hanging";
  if (ORDER_CUE.test(text)) return "its words give the order away";
  if (!isFullClause(text)) return "not a full clause";
  if (!isPastEvent(text)) return "not a past event with an actor (a forecast, a plan, a statistic or a pronoun)";
  return undefined;
}

/** Dates that can be told apart: no two equal at the coarser of their precisions ("2017" and "2017-03-07" cannot). */
export function datesDistinct(isos: string[]): boolean {
  return isos.every((a, i) => isos.every((b, j) => i === j || !(a.startsWith(b) || b.startsWith(a))));
}
