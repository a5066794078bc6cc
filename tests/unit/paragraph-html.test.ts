import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { parseInline, type Inline } from "@/lib/content/markdown";
import { escapeHtml, glossaryPopoversHtml, inlineToHtml, paragraphHtml } from "@/lib/reading/paragraph-html";

const glossary = { icbm: { term: "ICBM", definition: 'A missile that flies > 5,500 km & "far".' } };

function parse(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body><p id="root">${html}</p></body></html>`);
  return document.getElementById("root")!;
}

describe("paragraphHtml", () => {
  it("renders text, emphasis, links and glossary popovers as the lesson page expects", () => {
    const nodes: Inline[] = [
      { kind: "text", text: "North Korea tested " },
      { kind: "term", termId: "icbm", text: "ICBMs" },
      { kind: "text", text: " in " },
      { kind: "strong", children: [{ kind: "text", text: "July" }] },
      { kind: "text", text: ", as " },
      { kind: "link", href: "https://example.org/a?b=1&c=2", children: [{ kind: "em", children: [{ kind: "text", text: "reported" }] }] },
      { kind: "text", text: "." },
    ];
    const root = parse(paragraphHtml(3, nodes, glossary) + glossaryPopoversHtml(["icbm"], glossary));
    expect(root.querySelector(".paragraph-number")!.textContent).toBe("3");
    expect(root.querySelector(".paragraph-number")!.getAttribute("aria-hidden")).toBe("true");
    const button = root.querySelector("button.glossary-term")!;
    expect(button.textContent).toBe("ICBMs");
    const popover = root.querySelector(`#${button.getAttribute("popovertarget")}`)!;
    expect(popover.getAttribute("popover")).toBe("auto");
    expect(popover.getAttribute("aria-label")).toBe("Definition: ICBM");
    expect(popover.textContent).toContain('A missile that flies > 5,500 km & "far".');
    expect(root.querySelector("strong")!.textContent).toBe("July");
    expect(root.querySelector("a")!.getAttribute("href")).toBe("https://example.org/a?b=1&c=2");
    expect(root.querySelector("a em")!.textContent).toBe("reported");
    expect(root.textContent).toContain("North Korea tested ICBMs");
  });

  it("has one popover per term, opened by every mention of it", () => {
    const nodes: Inline[] = [
      { kind: "term", termId: "icbm", text: "ICBM" },
      { kind: "strong", children: [{ kind: "term", termId: "icbm", text: "ICBMs" }] },
      { kind: "term", termId: "missing", text: "plain" },
    ];
    const root = parse(inlineToHtml(nodes, glossary) + inlineToHtml(nodes, glossary) + glossaryPopoversHtml(["icbm", "icbm", "missing"], glossary));
    const popovers = [...root.querySelectorAll("[popover]")];
    expect(popovers.map((element) => element.id)).toEqual(["gloss-icbm"]);
    const targets = [...root.querySelectorAll("button.glossary-term")].map((button) => button.getAttribute("popovertarget"));
    expect(targets).toEqual(["gloss-icbm", "gloss-icbm", "gloss-icbm", "gloss-icbm"]);
  });

  it("renders a link that isn't http(s) and a term missing from the glossary as plain text", () => {
    const root = parse(inlineToHtml([{ kind: "link", href: "javascript:alert(1)", children: [{ kind: "text", text: "click" }] }, { kind: "term", termId: "nope", text: "word" }], glossary));
    expect(root.querySelector("a")).toBeNull();
    expect(root.querySelector("button")).toBeNull();
    expect(root.textContent).toBe("clickword");
  });

  it("never produces markup from text, for any input (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "a", " ", "=", "/", "script", "img", "onerror", "`") });
    fc.assert(
      fc.property(text, text, text, (plain, termText, definition) => {
        const nodes: Inline[] = [
          { kind: "text", text: plain },
          { kind: "term", termId: "t", text: termText },
          { kind: "link", href: `https://x.test/${plain}`, children: [{ kind: "text", text: termText }] },
        ];
        const terms = { t: { term: definition, definition } };
        const root = parse(inlineToHtml(nodes, terms) + glossaryPopoversHtml(["t"], terms));
        // Only the elements we write: text, one glossary button + popover, one link.
        const tags = [...root.querySelectorAll("*")].map((element) => element.tagName.toLowerCase()).sort();
        expect(tags).toEqual(["a", "button", "button", "span", "span", "span"]);
        expect(root.querySelector("a")!.getAttribute("href")).toBe(`https://x.test/${plain}`);
        expect(root.querySelector(".glossary-term")!.textContent).toBe(termText);
        expect(root.querySelector("[popover]")!.getAttribute("aria-label")).toBe(`Definition: ${definition}`);
        for (const element of root.querySelectorAll("*")) for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/);
      }),
    );
  });

  it("keeps parsed lesson markdown's words, in order", () => {
    const { inline } = parseInline("China's envoy said the **U.S.** and [North Korea](https://example.org) hold \"the primary responsibility\" & more <b>.");
    expect(parse(inlineToHtml(inline, glossary)).textContent).toBe('China\'s envoy said the U.S. and North Korea hold "the primary responsibility" & more <b>.');
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});
