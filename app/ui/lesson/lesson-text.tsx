import type { Inline } from "@/lib/content/markdown";
import type { GlossaryEntry } from "@/lib/data/lessons";
import { GlossaryTerm } from "./glossary-term";

/**
 * Lesson text from the parsed inline nodes (lib/content/markdown.ts), as React
 * elements: nothing here goes through innerHTML. `idPrefix` keeps the ids of
 * glossary popovers unique on the page.
 */
export function InlineText({ nodes, glossary, idPrefix }: { nodes: Inline[]; glossary: Record<string, GlossaryEntry>; idPrefix: string }) {
  return nodes.map((node, index) => {
    const key = `${idPrefix}-${index}`;
    switch (node.kind) {
      case "text":
        return node.text;
      case "strong":
        return (
          <strong key={key}>
            <InlineText nodes={node.children} glossary={glossary} idPrefix={key} />
          </strong>
        );
      case "em":
        return (
          <em key={key}>
            <InlineText nodes={node.children} glossary={glossary} idPrefix={key} />
          </em>
        );
      case "link":
        return (
          <a key={key} href={node.href} rel="noopener noreferrer external" className="underline">
            <InlineText nodes={node.children} glossary={glossary} idPrefix={key} />
          </a>
        );
      case "term": {
        const entry = glossary[node.termId];
        // A term missing from the glossary (content:check forbids it) still reads as plain text.
        return entry ? <GlossaryTerm key={key} id={`term-${key}`} text={node.text} entry={entry} /> : node.text;
      }
    }
  });
}
