import { describe, expect, it } from "vitest";
import { nearestLevel, parseLevelParam } from "@/lib/reading/levels";
import { formatContentDate } from "@/lib/reading/format";

describe("nearestLevel", () => {
  it("keeps a level the lesson has", () => {
    expect(nearestLevel([1, 2, 3], 3)).toBe(3);
  });
  it("picks the closest level, the easier one on a tie", () => {
    expect(nearestLevel([2], 1)).toBe(2);
    expect(nearestLevel([2], 3)).toBe(2);
    expect(nearestLevel([1, 3], 2)).toBe(1);
    expect(nearestLevel([2, 3], 1)).toBe(2);
  });
  it("refuses a lesson without levels", () => {
    expect(() => nearestLevel([], 2)).toThrow();
  });
});

describe("parseLevelParam", () => {
  it("accepts 1 to 3 and ignores everything else", () => {
    expect(parseLevelParam("1")).toBe(1);
    expect(parseLevelParam(["3", "1"])).toBe(3);
    for (const bad of [undefined, "", "0", "4", "2.5", "two", "12", " 2"]) expect(parseLevelParam(bad)).toBeUndefined();
  });
});

describe("formatContentDate", () => {
  it("formats full, month and year dates", () => {
    expect(formatContentDate("2017-07-31")).toBe("July 31, 2017");
    expect(formatContentDate("2017-07")).toBe("July 2017");
    expect(formatContentDate("2006")).toBe("2006");
  });
});
