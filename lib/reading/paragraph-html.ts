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
 *
 * Links are for the curriculum only. In an imported article, `[the city
 * plan](https://…)` is text someone else wrote, and docs/IMPORT.md promises
 * that input never becomes markup: with `links: false` a link node renders as
 * the characters it was written with.
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

/** The id of a glossary term's popover: one per term on the page, shared by every mention. */
export function glossaryPopoverId(termId: string): string {
  return `gloss-${termId}`;
}

function glossaryTermHtml(termId: string, text: string): string {
  return `<button type="button" popovertarget="${escapeHtml(glossaryPopoverId(termId))}" class="glossary-term" aria-haspopup="dialog">${escapeHtml(text)}</button>`;
}

/**
 * The definitions behind the glossary buttons, once per term: native popovers
 * that every mention of the term opens. The browser supplies keyboard and touch
 * handling, Escape and click-outside, aria-expanded on the button and focus
 * order (the open popover comes right after the button that opened it), and CSS
 * anchors the popover to that button, so this ships no JavaScript. One copy per
 * term rather than per mention keeps the page (and its RSC payload) small.
 */
export function glossaryPopoversHtml(termIds: readonly string[], glossary: Readonly<Record<string, GlossaryDefinition>>): string {
  return [...new Set(termIds)]
    .flatMap((termId) => {
      const entry = glossary[termId];
      if (!entry) return [];
      const popoverId = escapeHtml(glossaryPopoverId(termId));
      return [
        `<span id="${popoverId}" popover="auto" role="dialog" aria-label="${escapeHtml(`Definition: ${entry.term}`)}" class="glossary-popover">` +
          `<span class="block font-semibold">${escapeHtml(entry.term)}</span>` +
          `<span class="mt-1 block">${escapeHtml(entry.definition)}</span>` +
          `<button type="button" popovertarget="${popoverId}" popovertargetaction="hide" class="mt-2 text-sm font-semibold underline underline-offset-2">Close</button>` +
          `</span>`,
      ];
    })
    .join("");
}

export interface InlineHtmlOptions {
  /** Render link nodes as links (curriculum lessons) or as their source text (imported lessons). */
  links: boolean;
}

/** Inline nodes as HTML; glossary terms become buttons for the popovers of {@link glossaryPopoversHtml}. */
export function inlineToHtml(nodes: readonly Inline[], glossary: Readonly<Record<string, GlossaryDefinition>>, options: InlineHtmlOptions = { links: true }): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case "text":
          return escapeHtml(node.text);
        case "strong":
          return `<strong>${inlineToHtml(node.children, glossary, options)}</strong>`;
        case "em":
          return `<em>${inlineToHtml(node.children, glossary, options)}</em>`;
        case "link":
          if (!options.links) return `[${inlineToHtml(node.children, glossary, options)}](${escapeHtml(node.href)})`;
          return /^https?:\/\//i.test(node.href)
            ? `<a href="${escapeHtml(node.href)}" rel="noopener noreferrer external" class="underline">${inlineToHtml(node.children, glossary, options)}</a>`
            : inlineToHtml(node.children, glossary, options);
        case "term":
          // A term missing from the glossary (content:check forbids it) still reads as plain text.
          return glossary[node.termId] ? glossaryTermHtml(node.termId, node.text) : escapeHtml(node.text);
      }
    })
    .join("");
}

/** The paragraph's inner HTML: its number (hidden from screen readers and read-aloud) and its text. */
export function paragraphHtml(number: number, nodes: readonly Inline[], glossary: Readonly<Record<string, GlossaryDefinition>>, options: InlineHtmlOptions = { links: true }): string {
  return `<span aria-hidden="true" data-no-speak="" class="paragraph-number">${number}</span>${inlineToHtml(nodes, glossary, options)}`;
}
