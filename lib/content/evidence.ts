/**
 * Evidence anchors between content and the database. A question version keeps
 * its first anchor in `evidence` and, when the answer rests on several
 * paragraphs, all of them in `evidenceAnchors`.
 */
import { evidenceAnchors } from "./schema";

/**
 * The columns for a question's evidence. `hashed` keeps a one-anchor
 * question's content hash what it was before anchor lists existed, so adding
 * lists re-versions nothing.
 */
export function evidenceColumns(evidence: string | readonly string[]): { evidence: string; evidenceAnchors: string[] | null; hashed: string | string[] } {
  const anchors = evidenceAnchors(evidence);
  return anchors.length === 1 ? { evidence: anchors[0]!, evidenceAnchors: null, hashed: anchors[0]! } : { evidence: anchors[0]!, evidenceAnchors: anchors, hashed: anchors };
}

/** Every anchor a stored version cites, first anchor first. */
export function storedAnchors(row: { evidence: string; evidenceAnchors?: string[] | null }): string[] {
  return row.evidenceAnchors?.length ? row.evidenceAnchors : [row.evidence];
}

/** "paragraph 7" for the conventional p7 anchor; otherwise the anchor itself. */
export function anchorLabel(anchor: string): string {
  const number = /^p(\d+)$/.exec(anchor)?.[1];
  return number ? `paragraph ${number}` : anchor;
}
