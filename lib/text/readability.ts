/**
 * Readability estimates. Sentences and words come from wink-nlp's tokenizer
 * (the best splitter measured on news text), syllables from `syllable`.
 * Shown to users as "estimated grade (Flesch-Kincaid)", never as a Lexile.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { syllable } from "syllable";

let nlp: ReturnType<typeof winkNLP> | undefined;
export function getNlp(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model);
  return nlp;
}

export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch-Kincaid grade level. */
  fkGrade: number;
  /** Minutes at 200 words per minute, at least 1. */
  readingMinutes: number;
}

export function textStats(text: string): TextStats {
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const sentences = Math.max(1, doc.sentences().length());
  const tokens = doc.tokens();
  const texts = tokens.out();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's `its` helpers are stateless functions meant to be passed.
  const types = tokens.out(its.type);
  const words = texts.filter((_, index) => types[index] === "word");
  const wordCount = Math.max(1, words.length);
  // Counted once per distinct word: an article repeats most of its words, and counting is most of this function's time.
  const perWord = new Map<string, number>();
  for (const word of words) perWord.set(word, (perWord.get(word) ?? 0) + 1);
  let syllables = 0;
  for (const [word, times] of perWord) syllables += times * Math.max(1, syllable(word));
  const fkGrade = 0.39 * (wordCount / sentences) + 11.8 * (syllables / wordCount) - 15.59;
  return {
    sentences,
    words: words.length,
    syllables,
    fkGrade: Math.round(fkGrade * 10) / 10,
    readingMinutes: Math.max(1, Math.round(words.length / 200)),
  };
}
