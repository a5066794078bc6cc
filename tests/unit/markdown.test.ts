import { describe, expect, it } from "vitest";
import { parseInline, parseLessonMarkdown, paragraphAnchors, termIdsIn } from "@/lib/content/markdown";

describe("lesson markdown", () => {
  it("parses sections, anchored paragraphs and inline marks", () => {
    const { body, problems } = parseLessonMarkdown(
      ["## The vote {#s-vote}", "", "{#p1} The [[Security Council]] needs **nine** votes and *no* [[veto|veto]].", "", "{#p2} Read the [charter](https://un.org/charter)."].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(body.sections).toHaveLength(1);
    expect(paragraphAnchors(body)).toEqual(["p1", "p2"]);
    const first = body.sections[0]!.paragraphs[0]!;
    expect(first.plain).toBe("The Security Council needs nine votes and no veto.");
    expect(termIdsIn(first.inline)).toEqual(["security-council", "veto"]);
    expect(body.sections[0]!.paragraphs[1]!.inline).toContainEqual({ kind: "link", href: "https://un.org/charter", children: [{ kind: "text", text: "charter" }] });
  });

  it("reports missing anchors, HTML, bad headings and unsafe links with line numbers", () => {
    const { problems } = parseLessonMarkdown(["## No id", "", "## Fine {#s-fine}", "", "A paragraph without an anchor.", "", "{#p2} <script>alert(1)</script>", "", "{#p3} [x](javascript:alert(1))"].join("\n"));
    const messages = problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toContain("1: headings must be `## Title {#s-id}`");
    expect(messages).toContain("5: paragraph does not start with an anchor like {#p1}");
    expect(messages).toContain("7: HTML is not allowed in lesson text");
    expect(messages.some((m) => m.startsWith("9:") && m.includes("must be an http(s) URL"))).toBe(true);
  });

  it("keeps unknown markup as text", () => {
    expect(parseInline("5 * 3 and [not a link]").inline).toEqual([{ kind: "text", text: "5 * 3 and [not a link]" }]);
  });
});
