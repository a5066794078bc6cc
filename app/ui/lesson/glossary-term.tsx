import type { GlossaryEntry } from "@/lib/data/lessons";

/**
 * A glossary term in the text: a button that opens its definition in a native
 * popover. The browser supplies keyboard and touch handling, Escape and
 * click-outside to close, and aria-expanded on the button, so this ships no
 * JavaScript. The definition follows the button in reading order for screen
 * readers. Styles: .glossary-term / .glossary-popover in app/globals.css.
 */
export function GlossaryTerm({ id, text, entry }: { id: string; text: string; entry: GlossaryEntry }) {
  return (
    <>
      <button type="button" popoverTarget={id} className="glossary-term" aria-haspopup="dialog">
        {text}
      </button>
      <span id={id} popover="auto" role="dialog" aria-label={`Definition: ${entry.term}`} className="glossary-popover" data-no-speak>
        <span className="block font-semibold">{entry.term}</span>
        <span className="mt-1 block">{entry.definition}</span>
        <button type="button" popoverTarget={id} popoverTargetAction="hide" className="mt-2 text-sm font-semibold underline underline-offset-2">
          Close
        </button>
      </span>
    </>
  );
}
