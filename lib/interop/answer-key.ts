/**
 * Picking the evidence sentence for a printed answer key. Questions point at a
 * paragraph (`p7`); the printed key shows the one sentence of it that shares
 * the most words with the question, its answer and its explanation.
 */
const STOP = new Set("a an and are as at be by for from has have in is it of on or that the their this to was were which who with what when how did does not".split(" "));

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w)));
}

export function splitSentences(paragraph: string): string[] {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  return [...segmenter.segment(paragraph)].map((s) => s.segment.trim()).filter(Boolean);
}

/** The paragraph's sentence with the most words in common with `clues` (the first on a tie; the paragraph's first if none match). */
export function evidenceSentence(paragraph: string, clues: readonly string[]): string {
  const sentences = splitSentences(paragraph);
  const wanted = words(clues.join(" "));
  let best = sentences[0] ?? paragraph;
  let bestScore = 0;
  for (const sentence of sentences) {
    let score = 0;
    for (const word of words(sentence)) if (wanted.has(word)) score += 1;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}
