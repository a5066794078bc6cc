/**
 * Two named sides set against each other: a source who answers another with a contrast ("But Rell said…",
 * "However, …"), or who criticizes, rejects or disputes another by name. Sources who merely both speak are not sides.
 */
import type { Attribution, NamedEntity, Sentence } from "../types";
import { formsOf } from "./entities";

export interface Disagreement {
  /** The first side (canonical name) and the side that answers it. */
  a: string;
  b: string;
  sentenceId: string;
}

const CONTRAST = /^(?:But|However|Yet|By contrast|In contrast|On the other hand|Still|Critics|Opponents)\b|,\s+(?:however|by contrast)\b/;
const AGAINST = /\b(criticized|criticised|rejected|disputed|dismissed|opposed|countered|disagreed with|challenged|denounced|attacked|rebutted|slammed)\b/i;

export function findDisagreements(sentences: Sentence[], entities: NamedEntity[], attributions: Attribution[]): Disagreement[] {
  const out: Disagreement[] = [];
  const named = attributions.filter((a) => entities.some((e) => e.name === a.source && e.kind === "person"));
  const index = new Map(sentences.map((s, i) => [s.id, i]));
  const add = (a: string, b: string, sentenceId: string) => {
    if (a === b || out.some((d) => (d.a === a && d.b === b) || (d.a === b && d.b === a))) return;
    out.push({ a, b, sentenceId });
  };
  for (const attribution of named) {
    const sentence = sentences[index.get(attribution.sentenceId)!]!;
    if (CONTRAST.test(sentence.text)) {
      const before = named.filter((x) => x.source !== attribution.source && index.get(x.sentenceId)! < index.get(sentence.id)! && index.get(sentence.id)! - index.get(x.sentenceId)! <= 3);
      const previous = before.at(-1);
      if (previous) add(previous.source, attribution.source, sentence.id);
    }
  }
  for (const sentence of sentences) {
    const verb = AGAINST.exec(sentence.text);
    if (!verb) continue;
    const at = verb.index;
    const people = entities.filter((e) => e.kind === "person");
    const subject = people.find((p) => formsOf(p).some((f) => sentence.text.lastIndexOf(f, at) >= 0 && sentence.text.lastIndexOf(f, at) < at));
    // The object is the person named right after the verb ("rejected Liu's claim"), not anyone later in the sentence.
    const window = sentence.text.slice(at, at + verb[0].length + 30);
    const object = people.find((p) => p !== subject && formsOf(p).some((f) => window.includes(f)));
    if (subject && object) add(object.name, subject.name, sentence.id);
  }
  return out;
}
