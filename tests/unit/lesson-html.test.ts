import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { actorsHtml, listItemsHtml, sourcesHtml, timelineDetailsHtml, timelineHeadHtml, vocabularyHtml } from "@/lib/reading/lesson-html";

function parse(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  return document.getElementById("root")!;
}

const HOSTILE = `<script>alert(1)</script>"'><img src=x onerror=alert(1)>&amp;`;

describe("the lesson page's read-only blocks as HTML", () => {
  it("lists, vocabulary, timeline, actors and sources read as the old elements did", () => {
    expect([...parse(listItemsHtml(["One", "Two"])).querySelectorAll("li")].map((li) => li.textContent)).toEqual(["One", "Two"]);
    const vocabulary = parse(vocabularyHtml([{ term: "veto", definition: "A no that stops it." }]));
    expect(vocabulary.querySelector("dt dfn")!.textContent).toBe("veto");
    expect(vocabulary.querySelector("dd")!.textContent).toBe("A no that stops it.");
    const head = parse(timelineHeadHtml({ date: "2017-07-04", title: "A test" }));
    expect(head.querySelector("time")!.getAttribute("datetime")).toBe("2017-07-04");
    expect(head.textContent).toBe("July 4, 2017A test");
    const details = parse(timelineDetailsHtml({ title: "A test", description: "It flew.", source: "https://example.org/t" }));
    expect(details.querySelector("p")!.textContent).toBe("It flew.");
    expect(details.querySelector("a")!.getAttribute("href")).toBe("https://example.org/t");
    expect(details.querySelector("a")!.textContent).toBe("Source for A test");
    const actors = parse(
      actorsHtml([
        { id: "un", name: "UN", kind: "organization", role: "A body", position: "Talks", source: "https://example.org/un" },
        { id: "cn", name: "China", kind: "country", role: "A state", position: "Freeze", source: "https://example.org/cn" },
      ]),
    );
    expect([...actors.querySelectorAll("section > h3")].map((h) => h.textContent)).toEqual(["Countries (1)", "Organizations (1)"]);
    expect(actors.querySelector("section[aria-labelledby=actors-country] li p")!.textContent).toBe("China");
    const sources = parse(sourcesHtml([{ title: "Report", publisher: "UN", url: "https://example.org/r", date: "2017-07" }, { title: "Book", publisher: "Press" }], "Jo Doe, "));
    expect(sources.querySelector("li a")!.getAttribute("href")).toBe("https://example.org/r");
    expect(sources.querySelectorAll("li")[0]!.textContent).toBe("Report · Jo Doe, UN, July 2017 https://example.org/r");
    expect(sources.querySelector("li cite")!.textContent).toBe("Book");
  });

  it("a URL that isn't http(s) never becomes a link", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,x", " javascript:alert(1)", "//evil.example"]) {
      expect(parse(timelineDetailsHtml({ title: "t", description: "d", source: url })).querySelector("a"), url).toBeNull();
      expect(parse(actorsHtml([{ id: "a", name: "n", kind: "person", role: "r", position: "p", source: url }])).querySelector("a"), url).toBeNull();
      expect(parse(sourcesHtml([{ title: "t", publisher: "p", url }])).querySelector("a"), url).toBeNull();
    }
  });

  it("no text, however hostile, makes markup we didn't write", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant(HOSTILE)), (text) => {
        const html = [
          listItemsHtml([text]),
          vocabularyHtml([{ term: text, definition: text }]),
          timelineHeadHtml({ date: text, title: text }),
          timelineDetailsHtml({ title: text, description: text, source: `https://example.org/${text}` }),
          actorsHtml([{ id: text, name: text, kind: "person", role: text, position: text, source: text }]),
          sourcesHtml([{ title: text, publisher: text, url: `https://example.org/?q=${text}`, date: text }], text),
        ].join("");
        const root = parse(html);
        const tags = new Set([...root.querySelectorAll("*")].map((element) => element.tagName.toLowerCase()));
        for (const tag of tags) expect(["li", "div", "dt", "dd", "dfn", "time", "span", "p", "a", "section", "h3", "ul", "cite"]).toContain(tag);
        for (const element of root.querySelectorAll("*")) for (const name of element.getAttributeNames()) expect(name.startsWith("on"), name).toBe(false);
      }),
    );
  });
});
