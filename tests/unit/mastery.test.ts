import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeMastery, MASTERY_LEVELS, masteryHistory, masteryLevel, RECENT_WINDOW, type TimedGradedResponse } from "@/lib/quiz/mastery";

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

describe("masteryHistory", () => {
  const at = (iso: string, topicId: string, credit: number): TimedGradedResponse => ({ topicId, skills: [], credit, answeredAt: new Date(iso) });

  it("has one snapshot per day with answers, oldest first, with each topic as of the end of that day", () => {
    const newestFirst = [
      at("2026-03-04T09:00:00Z", "thaad", 1),
      at("2026-03-04T08:00:00Z", "thaad", 1),
      at("2026-03-02T23:59:00Z", "sanctions", 1),
      at("2026-03-02T10:00:00Z", "thaad", 0),
      at("2026-03-01T10:00:00Z", "thaad", 0),
    ];
    const history = masteryHistory(newestFirst, ["sanctions", "thaad"]);
    expect(history.map((snapshot) => snapshot.day)).toEqual(["2026-03-01", "2026-03-02", "2026-03-04"]);
    const thaad = history.map((snapshot) => snapshot.topics.find((topic) => topic.id === "thaad")!);
    expect(thaad.map((entry) => [entry.count, entry.average])).toEqual([
      [1, 0],
      [2, 0],
      [4, 0.5],
    ]);
    const sanctions = history.map((snapshot) => snapshot.topics.find((topic) => topic.id === "sanctions")!.level);
    expect(sanctions).toEqual(["Not started", "Proficient", "Proficient"]);
  });

  it("ends where computeMastery is today, for any answers (property)", () => {
    const response = fc.record({
      topicId: fc.constantFrom("a", "b", "c"),
      skills: fc.constant([] as string[]),
      credit: fc.constantFrom(0, 0.5, 1),
      answeredAt: fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2026-02-01T00:00:00Z"), noInvalidDate: true }),
    });
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 80 }), (responses) => {
        const newestFirst = [...responses].sort((x, y) => y.answeredAt.getTime() - x.answeredAt.getTime());
        const history = masteryHistory(newestFirst, ["a", "b", "c"], 1000);
        expect(history.at(-1)!.topics).toEqual(computeMastery(newestFirst, ["a", "b", "c"], []).topics);
        expect(history.map((snapshot) => snapshot.day)).toEqual([...history.map((snapshot) => snapshot.day)].sort());
        expect(new Set(history.map((snapshot) => snapshot.day)).size).toBe(history.length);
      }),
    );
  });

  it("keeps only the most recent days", () => {
    const newestFirst = Array.from({ length: 40 }, (_, i) => at(new Date(Date.UTC(2026, 0, 40 - i, 12)).toISOString(), "a", 1));
    const history = masteryHistory(newestFirst, ["a"], 30);
    expect(history).toHaveLength(30);
    expect(history[0]!.day).toBe("2026-01-11");
    expect(history.at(-1)!.day).toBe("2026-02-09");
    // Older answers still count towards the first kept day.
    expect(history[0]!.topics[0]!.count).toBe(RECENT_WINDOW);
  });
});
