import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "@/lib/content/front-matter";

describe("splitFrontMatter", () => {
  it("reads the front matter as YAML 1.2 and says where the body starts", () => {
    const split = splitFrontMatter("---\nlevel: 2\ntitle: Norway votes no\nanswer: no\n---\n# Heading\nText.\n");
    // YAML 1.1 (gray-matter) would have made `no` the boolean false.
    expect(split).toEqual({ ok: true, data: { level: 2, title: "Norway votes no", answer: "no" }, body: "# Heading\nText.\n", bodyLine: 5 });
  });

  it("treats a file without front matter as all body", () => {
    expect(splitFrontMatter("# Just text\n")).toEqual({ ok: true, data: {}, body: "# Just text\n", bodyLine: 0 });
  });

  it("reports an unclosed block and bad YAML instead of throwing", () => {
    expect(splitFrontMatter("---\nlevel: 1\n# Heading\n")).toMatchObject({ ok: false, message: expect.stringMatching(/closing "---"/) });
    expect(splitFrontMatter("---\nlevel: [1\n---\nBody\n")).toMatchObject({ ok: false, message: expect.stringMatching(/invalid YAML/) });
  });

  it("accepts Windows line endings", () => {
    expect(splitFrontMatter("---\r\nlevel: 1\r\n---\r\nBody\r\n")).toEqual({ ok: true, data: { level: 1 }, body: "Body\n", bodyLine: 3 });
  });
});
