import { describe, expect, it } from "vitest";
import { pageRule, parsePaper, writingLines } from "@/lib/interop/paper";

describe("paper settings for print views", () => {
  it("accepts a4 and letter, and leaves anything else to the printer", () => {
    expect(parsePaper("a4")).toBe("a4");
    expect(parsePaper("letter")).toBe("letter");
    expect(parsePaper(["a4"])).toBe("auto");
    expect(parsePaper("tabloid")).toBe("auto");
    expect(pageRule("a4")).toContain("size: A4");
    expect(pageRule("letter")).toContain("size: letter");
    expect(pageRule("auto")).toContain("size: auto");
  });

  it("gives short answers between 3 and 8 writing lines by their length limit", () => {
    expect(writingLines(50)).toBe(3);
    expect(writingLines(200)).toBe(4);
    expect(writingLines(2000)).toBe(8);
  });
});
