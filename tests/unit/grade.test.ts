import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feedbackFor, gradeAnswer, matchesAccepted, normalizeText, orderingCredit } from "@/lib/quiz/grade";
import type { Answer, AnswerKey } from "@/lib/quiz/types";

describe("normalizeText", () => {
  it.each([
    ["  The   Security Council. ", "security council"],
    ["“Veto”!", "veto"],
    ["U.S.", "us"],
    ["Sixty–five", "65"],
    ["one hundred ninety-three", "193"],
    ["one hundred and ninety three", "193"],
    ["1,000", "1000"],
    ["7.5", "7.5"],
    ["don’t", "dont"],
    ["THE", "the"],
    ["Ｖｅｔｏ", "veto"],
    ["two thousand and six", "2006"],
    ["six-party talks", "6 party talks"],
    ["land and sea", "land and sea"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("keeps a leading 'a': it is an accepted answer's own wording", () => {
    expect(normalizeText("a veto")).toBe("a veto");
  });
});

describe("matchesAccepted", () => {
  it("matches any accepted alternative and ignores case, punctuation and spacing", () => {
    expect(matchesAccepted("  VETO. ", ["veto", "a veto"])).toBe(true);
    expect(matchesAccepted("A veto", ["veto", "a veto"])).toBe(true);
    expect(matchesAccepted("the veto", ["veto"])).toBe(true);
    expect(matchesAccepted("vote", ["veto"])).toBe(false);
  });
  it("never matches an empty or punctuation-only answer", () => {
    expect(matchesAccepted("", ["veto"])).toBe(false);
    expect(matchesAccepted(" ?! ", ["?"])).toBe(false);
  });
  it("matches numbers written as words against digits", () => {
    expect(matchesAccepted("one hundred ninety-three", ["193"])).toBe(true);
  });
});

describe("gradeAnswer by type", () => {
  it("single choice is all or nothing", () => {
    const key: AnswerKey = { type: "single", answer: "a" };
    expect(gradeAnswer(key, { type: "single", choice: "a" })).toEqual({ credit: 1, outcome: "correct" });
    expect(gradeAnswer(key, { type: "single", choice: "b" })).toEqual({ credit: 0, outcome: "incorrect" });
  });

  it("true/false compares the value", () => {
    const key: AnswerKey = { type: "true_false", answer: false };
    expect(gradeAnswer(key, { type: "true_false", value: false }).credit).toBe(1);
    expect(gradeAnswer(key, { type: "true_false", value: true }).credit).toBe(0);
  });

  it("multiple select subtracts wrong picks and never goes below 0", () => {
    const key: AnswerKey = { type: "multiple", answer: ["a", "b", "c"] };
    expect(gradeAnswer(key, { type: "multiple", choices: ["a", "b", "c"] }).credit).toBe(1);
    expect(gradeAnswer(key, { type: "multiple", choices: ["a", "b"] })).toEqual({ credit: 0.6667, outcome: "partial" });
    expect(gradeAnswer(key, { type: "multiple", choices: ["a", "b", "d"] })).toEqual({ credit: 0.3333, outcome: "partial" });
    expect(gradeAnswer(key, { type: "multiple", choices: ["a", "b", "c", "d", "e"] }).credit).toBe(0.3333);
    expect(gradeAnswer(key, { type: "multiple", choices: ["d", "e"] }).credit).toBe(0);
    expect(gradeAnswer(key, { type: "multiple", choices: [] }).credit).toBe(0);
  });

  it("multiple select counts a repeated pick once", () => {
    const key: AnswerKey = { type: "multiple", answer: ["a", "b"] };
    expect(gradeAnswer(key, { type: "multiple", choices: ["a", "a"] }).credit).toBe(0.5);
  });

  it("ordering uses Kendall tau floored at 0", () => {
    const key: AnswerKey = { type: "ordering", answer: ["1", "2", "3", "4", "5", "6"] };
    expect(gradeAnswer(key, { type: "ordering", order: ["1", "2", "3", "4", "5", "6"] }).credit).toBe(1);
    // One adjacent swap: 1 discordant pair of 15.
    expect(gradeAnswer(key, { type: "ordering", order: ["2", "1", "3", "4", "5", "6"] }).credit).toBe(0.8667);
    expect(gradeAnswer(key, { type: "ordering", order: ["6", "5", "4", "3", "2", "1"] }).credit).toBe(0);
    // Missing items are out of order with everything.
    expect(gradeAnswer(key, { type: "ordering", order: [] }).credit).toBe(0);
  });

  it("matching is the share of correct pairs", () => {
    const key: AnswerKey = { type: "matching", answer: { x: "fact", y: "claim", z: "opinion", w: "fact" } };
    expect(gradeAnswer(key, { type: "matching", pairs: { x: "fact", y: "claim", z: "opinion", w: "fact" } }).credit).toBe(1);
    expect(gradeAnswer(key, { type: "matching", pairs: { x: "fact", y: "fact", z: "opinion" } })).toEqual({ credit: 0.5, outcome: "partial" });
    expect(gradeAnswer(key, { type: "matching", pairs: {} }).credit).toBe(0);
  });

  it("matching ignores inherited keys such as __proto__ and toString", () => {
    const key: AnswerKey = { type: "matching", answer: { toString: "x" } };
    expect(gradeAnswer(key, { type: "matching", pairs: {} }).credit).toBe(0);
  });

  it("short answer accepts normalized alternatives", () => {
    const key: AnswerKey = { type: "short_answer", answer: ["veto", "a veto", "vetoes"] };
    expect(gradeAnswer(key, { type: "short_answer", text: "The Veto!" }).credit).toBe(1);
    expect(gradeAnswer(key, { type: "short_answer", text: "Vetoes" }).credit).toBe(1);
    expect(gradeAnswer(key, { type: "short_answer", text: "sanction" }).credit).toBe(0);
  });

  it("numeric accepts answers within the tolerance, inclusive", () => {
    const exact: AnswerKey = { type: "numeric", answer: 7.5, tolerance: 0 };
    expect(gradeAnswer(exact, { type: "numeric", value: 7.5 }).credit).toBe(1);
    expect(gradeAnswer(exact, { type: "numeric", value: 7.6 }).credit).toBe(0);
    const loose: AnswerKey = { type: "numeric", answer: 60, tolerance: 5 };
    expect(gradeAnswer(loose, { type: "numeric", value: 65 }).credit).toBe(1);
    expect(gradeAnswer(loose, { type: "numeric", value: 55 }).credit).toBe(1);
    expect(gradeAnswer(loose, { type: "numeric", value: 65.01 }).credit).toBe(0);
    expect(gradeAnswer({ type: "numeric", answer: 0.3, tolerance: 0 }, { type: "numeric", value: 0.1 + 0.2 }).credit).toBe(1);
    expect(gradeAnswer(exact, { type: "numeric", value: Number.NaN }).credit).toBe(0);
  });

  it("cloze is the share of blanks right", () => {
    const key: AnswerKey = { type: "cloze", answer: { b1: ["multilateral"], b2: ["193", "one hundred ninety-three"], b3: ["unilateral"] } };
    expect(gradeAnswer(key, { type: "cloze", blanks: { b1: "Multilateral", b2: "one hundred and ninety-three", b3: "unilateral" } }).credit).toBe(1);
    expect(gradeAnswer(key, { type: "cloze", blanks: { b1: "multilateral", b2: "192", b3: "" } })).toEqual({ credit: 0.3333, outcome: "partial" });
  });

  it("an unanswered question or an answer of another type scores 0", () => {
    expect(gradeAnswer({ type: "single", answer: "a" }, null).outcome).toBe("incorrect");
    expect(gradeAnswer({ type: "single", answer: "a" }, { type: "multiple", choices: ["a"] }).credit).toBe(0);
  });
});

describe("feedbackFor", () => {
  const keyData = { feedback: { b: "Not b.", c: "Not c.", true: "It is false." } };
  it("returns the feedback of the picked choice or value only", () => {
    expect(feedbackFor(keyData, { type: "single", choice: "b" })).toEqual(["Not b."]);
    expect(feedbackFor(keyData, { type: "single", choice: "a" })).toEqual([]);
    expect(feedbackFor(keyData, { type: "multiple", choices: ["a", "c", "b"] })).toEqual(["Not c.", "Not b."]);
    expect(feedbackFor(keyData, { type: "true_false", value: true })).toEqual(["It is false."]);
    expect(feedbackFor(keyData, null)).toEqual([]);
  });
});

// ---------------------------------------------------------------- properties

const id = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const ids = (min: number, max: number) => fc.uniqueArray(id, { minLength: min, maxLength: max });

const keyOf = (key: AnswerKey) => key;
const answerOf = (answer: Answer) => answer;
const pair = (key: AnswerKey, perfect: Answer) => ({ key, perfect });

/** A random key of any type, paired with an answer that repeats the key exactly. */
const keyAndPerfectAnswer: fc.Arbitrary<{ key: AnswerKey; perfect: Answer }> = fc.oneof(
  id.map((a) => pair({ type: "single", answer: a }, { type: "single", choice: a })),
  ids(1, 6).map((a) => pair({ type: "multiple", answer: a }, { type: "multiple", choices: a })),
  fc.boolean().map((a) => pair({ type: "true_false", answer: a }, { type: "true_false", value: a })),
  ids(2, 8).map((a) => pair({ type: "ordering", answer: a }, { type: "ordering", order: a })),
  fc.dictionary(id, id, { minKeys: 1, maxKeys: 6 }).map((a) => pair({ type: "matching", answer: a }, { type: "matching", pairs: a })),
  fc.array(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => normalizeText(s) !== ""), { minLength: 1, maxLength: 4 }).map((a) => ({
    key: keyOf({ type: "short_answer", answer: a }),
    perfect: answerOf({ type: "short_answer", text: a[0]! }),
  })),
  fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })).map(([a, t]) => ({
    key: keyOf({ type: "numeric", answer: a, tolerance: t }),
    perfect: answerOf({ type: "numeric", value: a }),
  })),
  fc.dictionary(id, fc.array(fc.constantFrom("veto", "193", "Security Council", "one hundred", "Liu Jieyi"), { minLength: 1, maxLength: 3 }), { minKeys: 1, maxKeys: 5 }).map((a) => ({
    key: keyOf({ type: "cloze", answer: a }),
    perfect: answerOf({ type: "cloze", blanks: Object.fromEntries(Object.entries(a).map(([blank, accepted]) => [blank, accepted[0]!])) }),
  })),
);

/** Answers of any shape, including nonsense, for the bounds property. */
const anyAnswer: fc.Arbitrary<Answer> = fc.oneof(
  id.map((choice) => answerOf({ type: "single", choice })),
  fc.array(id, { maxLength: 8 }).map((choices) => answerOf({ type: "multiple", choices })),
  fc.boolean().map((value) => answerOf({ type: "true_false", value })),
  fc.array(id, { maxLength: 10 }).map((order) => answerOf({ type: "ordering", order })),
  fc.dictionary(id, id, { maxKeys: 8 }).map((pairs) => answerOf({ type: "matching", pairs })),
  fc.string({ maxLength: 40 }).map((text) => answerOf({ type: "short_answer", text })),
  fc.double().map((value) => answerOf({ type: "numeric", value })),
  fc.dictionary(id, fc.string({ maxLength: 20 }), { maxKeys: 6 }).map((blanks) => answerOf({ type: "cloze", blanks })),
);

describe("grading properties", () => {
  it("credit is always in [0, 1] and agrees with the outcome", () => {
    fc.assert(
      fc.property(keyAndPerfectAnswer, anyAnswer, ({ key }, answer) => {
        const { credit, outcome } = gradeAnswer(key, answer);
        expect(credit).toBeGreaterThanOrEqual(0);
        expect(credit).toBeLessThanOrEqual(1);
        expect(outcome).toBe(credit === 1 ? "correct" : credit === 0 ? "incorrect" : "partial");
      }),
      { numRuns: 2000 },
    );
  });

  it("the key itself always scores 1", () => {
    fc.assert(
      fc.property(keyAndPerfectAnswer, ({ key, perfect }) => {
        expect(gradeAnswer(key, perfect)).toEqual({ credit: 1, outcome: "correct" });
      }),
      { numRuns: 2000 },
    );
  });

  it("the order in which multiple-select choices were picked does not matter", () => {
    fc.assert(
      fc.property(ids(1, 6), fc.array(id, { maxLength: 8 }), (right, picked) => {
        const key: AnswerKey = { type: "multiple", answer: right };
        const shuffled = [...picked].reverse();
        expect(gradeAnswer(key, { type: "multiple", choices: picked })).toEqual(gradeAnswer(key, { type: "multiple", choices: shuffled }));
      }),
    );
  });

  it("renaming choice ids consistently (as a shuffle of displayed letters would) does not change the grade", () => {
    fc.assert(
      fc.property(ids(3, 6), fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), (choiceIds, pickIndexes, rightCount) => {
        const right = choiceIds.slice(0, 1 + (rightCount % choiceIds.length));
        const picked = pickIndexes.map((i) => choiceIds[i % choiceIds.length]!);
        const rename = (value: string) => `x-${value}`;
        const before = gradeAnswer({ type: "multiple", answer: right }, { type: "multiple", choices: picked });
        const after = gradeAnswer({ type: "multiple", answer: right.map(rename) }, { type: "multiple", choices: picked.map(rename) });
        expect(after).toEqual(before);
      }),
    );
  });

  it("the order of matching pairs and cloze blanks in the answer does not matter", () => {
    fc.assert(
      fc.property(fc.dictionary(id, id, { minKeys: 1, maxKeys: 6 }), fc.dictionary(id, id, { maxKeys: 6 }), (keyPairs, given) => {
        const key: AnswerKey = { type: "matching", answer: keyPairs };
        const reversed = Object.fromEntries(Object.entries(given).reverse());
        expect(gradeAnswer(key, { type: "matching", pairs: given })).toEqual(gradeAnswer(key, { type: "matching", pairs: reversed }));
      }),
    );
  });

  it("ordering: any permutation scores in [0, 1]; only the key scores 1; the reverse scores 0", () => {
    fc.assert(
      fc.property(ids(3, 8).chain((key) => fc.tuple(fc.constant(key), fc.shuffledSubarray(key, { minLength: key.length, maxLength: key.length }))), ([key, permutation]) => {
        const credit = orderingCredit(key, permutation);
        expect(credit).toBeGreaterThanOrEqual(0);
        expect(credit).toBeLessThanOrEqual(1);
        expect(credit === 1).toBe(permutation.every((item, index) => item === key[index]));
        expect(orderingCredit(key, [...key].reverse())).toBe(0);
      }),
    );
  });

  it("multiple select: adding a wrong pick never raises the credit; adding a right pick never lowers it", () => {
    fc.assert(
      fc.property(ids(2, 6), fc.nat(), (choiceIds, split) => {
        const rightCount = 1 + (split % (choiceIds.length - 1));
        const right = choiceIds.slice(0, rightCount);
        const wrong = choiceIds.slice(rightCount);
        const key: AnswerKey = { type: "multiple", answer: right };
        const base = gradeAnswer(key, { type: "multiple", choices: right.slice(0, 1) }).credit;
        expect(gradeAnswer(key, { type: "multiple", choices: [...right.slice(0, 1), wrong[0]!] }).credit).toBeLessThanOrEqual(base);
        expect(gradeAnswer(key, { type: "multiple", choices: right.slice(0, 2) }).credit).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it("normalizeText is idempotent and case-insensitive", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(normalizeText(text.toUpperCase())).toBe(normalizeText(text.toLowerCase()));
      }),
      { numRuns: 1000 },
    );
  });
});
