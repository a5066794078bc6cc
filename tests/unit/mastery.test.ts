import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMastery, MASTERY_LEVELS, masteryLevel, RECENT_WINDOW } from "@/lib/quiz/mastery";

describe("masteryLevel", () => {
  it.each([
    [0, 0, "Not started"],
    [3, 0.2, "Attempted"],
    [3, 0.6, "Familiar"],
    [3, 0.85, "Proficient"],
    [4, 1, "Proficient"],
    [5, 0.9, "Mastered"],
  ] as const)("%i responses averaging %f → %s", (count, average, level) => {
    expect(masteryLevel(count, average)).toBe(level);
  });
});

describe("computeMastery", () => {
  it("reports listed topics and skills without responses as Not started", () => {
    const { topics, skills } = computeMastery([], ["sanctions"], ["recall"]);
    expect(topics).toEqual([{ id: "sanctions", count: 0, average: 0, level: "Not started", levelIndex: 0 }]);
    expect(skills[0]!.level).toBe("Not started");
  });

  it("counts only the most recent responses, so improvement shows", () => {
    const recentRight = Array.from({ length: RECENT_WINDOW }, () => ({ topicId: "thaad", skills: ["recall"], credit: 1 }));
    const oldWrong = Array.from({ length: 20 }, () => ({ topicId: "thaad", skills: ["recall"], credit: 0 }));
    const { topics, skills } = computeMastery([...recentRight, ...oldWrong], [], []);
    expect(topics[0]).toMatchObject({ id: "thaad", count: RECENT_WINDOW, average: 1, level: "Mastered" });
    expect(skills[0]).toMatchObject({ id: "recall", level: "Mastered" });
  });

  it("credits every skill a question is tagged with, once", () => {
    const { skills } = computeMastery([{ topicId: "t", skills: ["recall", "numeracy", "recall"], credit: 0.5 }], [], []);
    expect(skills.map((s) => [s.id, s.count])).toEqual([
      ["recall", 1],
      ["numeracy", 1],
    ]);
  });

  it("levels are monotone in the average and always a known level", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), (credits) => {
        const { topics } = computeMastery(credits.map((credit) => ({ topicId: "t", skills: [], credit })), ["t"], []);
        const entry = topics[0]!;
        expect(MASTERY_LEVELS[entry.levelIndex]).toBe(entry.level);
        expect(entry.average).toBeGreaterThanOrEqual(0);
        expect(entry.average).toBeLessThanOrEqual(1);
        const higher = MASTERY_LEVELS.indexOf(masteryLevel(entry.count, Math.min(1, entry.average + 0.1)));
        if (entry.count > 0) expect(higher).toBeGreaterThanOrEqual(entry.levelIndex);
      }),
    );
  });
});
