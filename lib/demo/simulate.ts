/**
 * Simulated students for demo data and load tests: a student of a given
 * ability answers each question right with a probability that falls with the
 * question's difficulty, and wrong answers pick a plausible wrong option.
 * Deterministic for a given seed.
 */
import { gradeAnswer } from "../quiz/grade";
import type { Answer, PublicQuestionData, QuestionKeyData } from "../quiz/types";

/** Mulberry32: a tiny seeded PRNG (reproducible demo data). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Chance that a student of ability 0..1 gets a question of difficulty 1..3 right. */
export function chanceRight(ability: number, difficulty: number): number {
  return Math.min(0.97, Math.max(0.08, 0.35 + ability * 0.6 - (difficulty - 1) * 0.15));
}

export function simulateAnswer(data: PublicQuestionData, key: QuestionKeyData, right: boolean, random: () => number): Answer {
  const k = key.key;
  switch (k.type) {
    case "single": {
      const choices = data.type === "single" ? data.choices.map((c) => c.id) : [k.answer];
      const wrong = choices.filter((id) => id !== k.answer);
      // Wrong answers cluster on the first distractor, as a shared misconception would.
      return { type: "single", choice: right || wrong.length === 0 ? k.answer : random() < 0.6 ? wrong[0]! : pick(wrong, random) };
    }
    case "multiple": {
      const choices = data.type === "multiple" ? data.choices.map((c) => c.id) : k.answer;
      if (right) return { type: "multiple", choices: [...k.answer] };
      const partial = k.answer.slice(0, Math.max(1, k.answer.length - 1));
      const wrong = choices.filter((id) => !k.answer.includes(id));
      return { type: "multiple", choices: wrong.length && random() < 0.5 ? [...partial, pick(wrong, random)] : partial };
    }
    case "true_false":
      return { type: "true_false", value: right ? k.answer : !k.answer };
    case "ordering": {
      if (right) return { type: "ordering", order: [...k.answer] };
      const order = [...k.answer];
      const i = Math.floor(random() * (order.length - 1));
      [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      return { type: "ordering", order };
    }
    case "matching": {
      const pairs = { ...k.answer };
      if (!right) {
        const lefts = Object.keys(pairs);
        if (lefts.length >= 2) [pairs[lefts[0]!], pairs[lefts[1]!]] = [pairs[lefts[1]!]!, pairs[lefts[0]!]!];
      }
      return { type: "matching", pairs };
    }
    case "short_answer":
      return { type: "short_answer", text: right ? k.answer[0]! : pick(["I don't know", "China", "the UN", "sanctions"], random) };
    case "numeric":
      return { type: "numeric", value: right ? k.answer : k.answer + (random() < 0.5 ? -1 : 1) * Math.max(1, Math.round(Math.abs(k.answer) * 0.3)) + k.tolerance };
    case "cloze": {
      const blanks = Object.fromEntries(Object.entries(k.answer).map(([blank, accepted], index) => [blank, right || index > 0 ? accepted[0]! : "unsure"]));
      return { type: "cloze", blanks };
    }
  }
}

export function simulateResponse(data: PublicQuestionData, key: QuestionKeyData, ability: number, difficulty: number, random: () => number) {
  const answer = simulateAnswer(data, key, random() < chanceRight(ability, difficulty), random);
  return { answer, ...gradeAnswer(key.key, answer) };
}
