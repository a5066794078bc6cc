/**
 * Vocabulary practice rounds: "which word means this?" with a few choices.
 * Pure and client-safe (the practice page runs it in the browser; the deck is
 * public glossary text, see lib/data/vocabulary.ts). `random` is injected so
 * tests can pin the order.
 */

export interface PracticeTerm {
  key: string;
  term: string;
  definition: string;
  lessons: { id: string; title: string }[];
}

export interface PracticeCard {
  key: string;
  definition: string;
  answer: string;
  /** The answer and up to CHOICES - 1 other words, shuffled; never two that read the same. */
  options: string[];
  lesson: { id: string; title: string } | null;
}

export const ROUND_SIZE = 10;
export const CHOICES = 4;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The terms taught by any of the given lessons, in deck order. */
export function termsOfLessons(terms: readonly PracticeTerm[], lessonIds: readonly string[]): PracticeTerm[] {
  const read = new Set(lessonIds);
  return terms.filter((term) => term.lessons.some((lesson) => read.has(lesson.id)));
}

/**
 * One round: up to `size` of `practise` (shuffled), each with wrong choices
 * drawn first from words of the same lessons (closer, so harder to guess),
 * then from the rest of `pool`.
 */
export function buildRound(practise: readonly PracticeTerm[], pool: readonly PracticeTerm[], options: { size?: number; random?: () => number } = {}): PracticeCard[] {
  const random = options.random ?? Math.random;
  const size = options.size ?? ROUND_SIZE;
  return shuffle(practise, random)
    .slice(0, size)
    .map((card) => {
      const lessonIds = new Set(card.lessons.map((lesson) => lesson.id));
      const others = pool.filter((term) => term.key !== card.key && !same(term.term, card.term));
      const near = shuffle(others.filter((term) => term.lessons.some((lesson) => lessonIds.has(lesson.id))), random);
      const far = shuffle(others.filter((term) => !term.lessons.some((lesson) => lessonIds.has(lesson.id))), random);
      const wrong: string[] = [];
      for (const term of [...near, ...far]) {
        if (wrong.length >= CHOICES - 1) break;
        if (!wrong.some((word) => same(word, term.term))) wrong.push(term.term);
      }
      return { key: card.key, definition: card.definition, answer: card.term, options: shuffle([card.term, ...wrong], random), lesson: card.lessons[0] ?? null };
    });
}

export function isRight(card: PracticeCard, choice: string): boolean {
  return same(card.answer, choice);
}
