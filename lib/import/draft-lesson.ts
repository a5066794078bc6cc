/**
 * The lesson side of a draft: vocabulary (glossary matches, then candidate
 * terms), key facts (the best-scored sentences, in reading order), a timeline
 * from sentences with dates, and the actors with what each said.
 */
import { timelineEvents } from "./generate-questions";
import type { ArticleAnalysis, LessonDraft } from "./types";

const KEY_FACTS = 5;

export function draftLesson(analysis: ArticleAnalysis): LessonDraft {
  const byId = new Map(analysis.sentences.map((s) => [s.id, s]));
  const sentenceOf = (id: string) => byId.get(id)!;
  const vocabulary: LessonDraft["vocabulary"] = [
    ...analysis.glossary.map((g) => ({ term: g.term, glossaryId: g.glossaryId, definition: g.definition, ...(g.found !== g.term ? { found: g.found } : {}), sentence: sentenceOf(g.sentenceId).text, anchor: sentenceOf(g.sentenceId).anchor })),
    ...analysis.candidateTerms.map((t) => ({ term: t.term, sentence: sentenceOf(t.sentenceId).text, anchor: sentenceOf(t.sentenceId).anchor })),
  ];
  const keyFacts = [...analysis.sentences]
    .filter((s) => s.words >= 8 && !/["“”]/.test(s.text))
    .sort((a, b) => (analysis.sentenceScores[b.id] ?? 0) - (analysis.sentenceScores[a.id] ?? 0))
    .slice(0, KEY_FACTS)
    .sort((a, b) => analysis.sentences.indexOf(a) - analysis.sentences.indexOf(b))
    .map((s) => ({ text: s.text, anchor: s.anchor }));
  const timeline = timelineEvents(analysis)
    .map((e) => ({ date: e.iso, precision: analysis.dates.find((d) => d.iso === e.iso)?.precision ?? "day", text: e.sentence.text, anchor: e.sentence.anchor }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const actors = analysis.entities
    .filter((e) => e.kind !== "place" || analysis.quotations.some((q) => q.speaker === e.name))
    .map((e) => ({
      name: e.name,
      kind: e.kind,
      mentions: e.mentions,
      quotes: analysis.quotations.filter((q) => q.speaker === e.name).map((q) => ({ text: q.text, anchor: sentenceOf(q.sentenceId).anchor })),
    }))
    .sort((a, b) => b.quotes.length - a.quotes.length || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, 10);
  const lead = analysis.sentences.find((s) => s.words >= 8) ?? analysis.sentences[0];
  return { summary: lead?.text ?? "", vocabulary, keyFacts, timeline, actors };
}
