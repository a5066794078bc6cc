import { describe, expect, it } from "vitest";
import { CHOICES, ROUND_SIZE, buildRound, isRight, shuffle, termsOfLessons, type PracticeTerm } from "@/lib/reading/vocabulary-practice";

/** A seeded generator, so a round is the same on every run. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const lessonA = { id: "a", title: "Lesson A" };
const lessonB = { id: "b", title: "Lesson B" };
const term = (key: string, word: string, lessons = [lessonA]): PracticeTerm => ({ key, term: word, definition: `what ${word} means`, lessons });

const A = Array.from({ length: 12 }, (_, i) => term(`a${i}`, `alpha ${i}`));
const B = Array.from({ length: 5 }, (_, i) => term(`b${i}`, `beta ${i}`, [lessonB]));

describe("vocabulary practice", () => {
  it("takes the words of the lessons read only", () => {
    expect(termsOfLessons([...A, ...B], ["b"]).map((t) => t.key)).toEqual(B.map((t) => t.key));
    expect(termsOfLessons([...A, ...B], [])).toEqual([]);
    const shared = term("s", "shared", [lessonA, lessonB]);
    expect(termsOfLessons([shared], ["b"])).toEqual([shared]);
  });

  it("a round has at most ROUND_SIZE cards, each word once, each with the answer among CHOICES different options", () => {
    const round = buildRound(A, [...A, ...B], { random: seeded(7) });
    expect(round).toHaveLength(ROUND_SIZE);
    expect(new Set(round.map((c) => c.key)).size).toBe(ROUND_SIZE);
    for (const card of round) {
      expect(card.options).toHaveLength(CHOICES);
      expect(card.options).toContain(card.answer);
      expect(new Set(card.options.map((o) => o.toLowerCase())).size).toBe(CHOICES);
      expect(card.definition).toBe(`what ${card.answer} means`);
      expect(card.lesson).toEqual(lessonA);
    }
  });

  it("wrong choices come from the same lesson first, then from the rest of the pool", () => {
    const round = buildRound([B[0]!], [...A, ...B], { random: seeded(3) });
    expect(round[0]!.options.filter((o) => o.startsWith("beta"))).toHaveLength(CHOICES);
    // Only two words in the lesson: the other choices are borrowed.
    const small = [term("x1", "one", [lessonB]), term("x2", "two", [lessonB])];
    const card = buildRound([small[0]!], [...small, ...A], { random: seeded(5) })[0]!;
    expect(card.options).toContain("two");
    expect(card.options.filter((o) => o.startsWith("alpha"))).toHaveLength(CHOICES - 2);
  });

  it("never offers a second option that reads like the answer (the same word in two lessons)", () => {
    const twin = term("t", "Alpha 1", [lessonB]);
    for (let seed = 1; seed < 30; seed += 1) {
      const card = buildRound([A[1]!], [...A, twin], { random: seeded(seed) })[0]!;
      expect(card.options.filter((o) => o.toLowerCase() === "alpha 1")).toHaveLength(1);
    }
  });

  it("a tiny deck still makes cards with the options it has; grading ignores case and spaces", () => {
    const card = buildRound([A[0]!], [A[0]!], { random: seeded(1) })[0]!;
    expect(card.options).toEqual(["alpha 0"]);
    expect(isRight(card, " ALPHA 0 ")).toBe(true);
    expect(isRight(card, "alpha 1")).toBe(false);
  });

  it("shuffle keeps every item and doesn't change its input", () => {
    const input = [1, 2, 3, 4, 5];
    const out = shuffle(input, seeded(11));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5]);
  });
});
