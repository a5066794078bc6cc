/** The article's sentences as evidence a question can point at: paragraph anchor (p1, p2, …) and text. */

export interface SentenceRef {
  anchor: string;
  paragraph: number;
  text: string;
}

/** Every sentence of the article in reading order, each with its paragraph's anchor. */
export function articleSentences(paragraphSentences: string[][]): SentenceRef[] {
  return paragraphSentences.flatMap((list, paragraph) => list.map((text) => ({ anchor: `p${paragraph + 1}`, paragraph, text })));
}

/** One sentence's identity, shared by the highlighted article and the question that cites it. */
export function sentenceKey(anchor: string, text: string): string {
  return `${anchor}|${text}`;
}
