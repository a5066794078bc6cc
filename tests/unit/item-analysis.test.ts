import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeItems, mostMissed, type ItemResponse } from "@/lib/analysis/item-analysis";

/** Eight students; q1 is answered right by the strong half only, q2 by everyone, q3 by the weak half only. */
function classResponses(): ItemResponse[] {
  const out: ItemResponse[] = [];
  for (let s = 0; s < 8; s += 1) {
    const strong = s >= 4;
    const id = `s${s}`;
    out.push({ studentId: id, questionId: "q1", credit: strong ? 1 : 0, answer: { type: "single", choice: strong ? "a" : "b" } });
    out.push({ studentId: id, questionId: "q2", credit: 1, answer: { type: "true_false", value: true } });
    out.push({ studentId: id, questionId: "q3", credit: strong ? 0 : 1, answer: { type: "short_answer", text: strong ? "Beijing" : "Seoul" } });
    // Extra items so totals separate the strong half clearly.
    for (let k = 0; k < 3; k += 1) out.push({ studentId: id, questionId: `x${k}`, credit: strong ? 1 : 0, answer: null });
  }
  return out;
}

describe("item analysis", () => {
  const stats = analyzeItems(classResponses(), ["q1", "q2", "q3"]);
  const byId = Object.fromEntries(stats.map((s) => [s.questionId, s]));

  it("computes facility as the mean credit", () => {
    expect(byId.q1!.facility).toBe(0.5);
    expect(byId.q2!.facility).toBe(1);
    expect(byId.q3!.facility).toBe(0.5);
  });

  it("gives a discriminating item a high index and a reversed item a negative one", () => {
    expect(byId.q1!.discrimination).toBe(1);
    expect(byId.q3!.discrimination).toBe(-1);
    expect(byId.q2!.discrimination).toBe(0);
    expect(byId.q1!.pointBiserial!).toBeGreaterThan(0.9);
    expect(byId.q3!.pointBiserial!).toBeLessThan(-0.9);
    expect(byId.q2!.pointBiserial).toBeNull();
  });

  it("reports the share choosing each option and the common wrong free-text answers", () => {
    expect(byId.q1!.optionShares).toEqual({ a: 0.5, b: 0.5 });
    expect(byId.q2!.optionShares).toEqual({ true: 1 });
    expect(byId.q3!.commonWrongAnswers).toEqual([{ answer: "beijing", count: 4 }]);
  });

  it("lists the most-missed items first", () => {
    expect(mostMissed(stats, 2).map((s) => s.questionId)).toEqual(["q3", "q1"]);
  });

  it("has no discrimination with too few students", () => {
    const few = analyzeItems(classResponses().filter((r) => ["s0", "s7"].includes(r.studentId)), ["q1"]);
    expect(few[0]!.discrimination).toBeNull();
  });

  it("keeps every statistic in range for any class", () => {
    const response = fc.record({
      studentId: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      questionId: fc.constantFrom("q1", "q2", "q3"),
      credit: fc.constantFrom(0, 0.5, 1),
      answer: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 60 }), (responses) => {
        for (const s of analyzeItems(responses, ["q1", "q2", "q3"])) {
          expect(s.facility).toBeGreaterThanOrEqual(0);
          expect(s.facility).toBeLessThanOrEqual(1);
          if (s.discrimination !== null) expect(Math.abs(s.discrimination)).toBeLessThanOrEqual(1);
          if (s.pointBiserial !== null) expect(Math.abs(s.pointBiserial)).toBeLessThanOrEqual(1.000001);
        }
      }),
    );
  });
});
