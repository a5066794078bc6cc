/** Ordering items must not show the dates the student is asked to put in order. */
const DATE_IN_TEXT = /\b(1[89]|20)\d{2}\b|\b(January|February|March|April|June|July|August|September|October|November|December)\b|\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s*\d/;

export function orderingItemsProblem(items: string[]): string | undefined {
  const dated = items.find((item) => DATE_IN_TEXT.test(item));
  return dated ? `an item shows its date: “${dated}”` : undefined;
}
