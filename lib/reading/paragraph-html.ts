/**
 * A lesson paragraph as an HTML string, built from the parsed inline nodes
 * (lib/content/markdown.ts). The lesson page renders each paragraph through
 * this instead of a React element per word run, glossary button and popover:
 * the article is most of the page, and rendering it as elements (twice: in
 * the HTML and again in the RSC payload) made the lesson page the slowest
 * page to serve (docs/BENCHMARKS.md). Building the strings takes microseconds.
 *
 * Safety: every text and attribute value goes through `escapeHtml`; tags and
 * attribute names are fixed here; links must be http(s) (markdown.ts already
 * refuses others; anything else renders as plain text). Unit tests check that
 * no input, however hostile, produces markup we didn't write.
 */
import type { Inline } from "../content/markdown";

export interface GlossaryDefinition {
  term: string;
  definition: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function glossaryTermHtml(id: string, text: string, entry: GlossaryDefinition): string {
  const popoverId = escapeHtml(id);
  // A button that opens the definition in a native popover: the browser supplies keyboard and touch
  // handling, Escape and click-outside, and aria-expanded, so this ships no JavaScript. The definition
  // follows the button in reading order for screen readers. Styles: .glossary-term / .glossary-popover.
  return (
    `<button type="button" popovertarget="${popoverId}" class="glossary-term" aria-haspopup="dialog">${escapeHtml(text)}</button>` +
    `<span id="${popoverId}" popover="auto" role="dialog" aria-label="${escapeHtml(`Definition: ${entry.term}`)}" class="glossary-popover" data-no-speak="">` +
    `<span class="block font-semibold">${escapeHtml(entry.term)}</span>` +
    `<span class="mt-1 block">${escapeHtml(entry.definition)}</span>` +
    `<button type="button" popovertarget="${popoverId}" popovertargetaction="hide" class="mt-2 text-sm font-semibold underline underline-offset-2">Close</button>` +
    `</span>`
  );
}

/** `idPrefix` keeps glossary popover ids unique on the page (the paragraph anchor). */
export function inlineToHtml(nodes: readonly Inline[], glossary: Readonly<Record<string, GlossaryDefinition>>, idPrefix: string): string {
  return nodes
    .map((node, index) => {
      const key = `${idPrefix}-${index}`;
      switch (node.kind) {
        case "text":
          return escapeHtml(node.text);
        case "strong":
          return `<strong>${inlineToHtml(node.children, glossary, key)}</strong>`;
        case "em":
          return `<em>${inlineToHtml(node.children, glossary, key)}</em>`;
        case "link":
          return /^https?:\/\//i.test(node.href)
            ? `<a href="${escapeHtml(node.href)}" rel="noopener noreferrer external" class="underline">${inlineToHtml(node.children, glossary, key)}</a>`
            : inlineToHtml(node.children, glossary, key);
        case "term": {
          const entry = glossary[node.termId];
          // A term missing from the glossary (content:check forbids it) still reads as plain text.
          return entry ? glossaryTermHtml(`term-${key}`, node.text, entry) : escapeHtml(node.text);
        }
      }
    })
    .join("");
}

/** The paragraph's inner HTML: its number (hidden from screen readers and read-aloud) and its text. */
export function paragraphHtml(number: number, nodes: readonly Inline[], glossary: Readonly<Record<string, GlossaryDefinition>>, anchor: string): string {
  return `<span aria-hidden="true" data-no-speak="" class="paragraph-number">${number}</span>${inlineToHtml(nodes, glossary, anchor)}`;
}
