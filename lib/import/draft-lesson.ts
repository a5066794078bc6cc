/**
 * The lesson side of a draft, from the analysis (never from the question generators): sections from the article's
 * headings, an extractive summary from across the article, objectives that follow the skills the quiz tests,
 * vocabulary with definitions whose sense fits, key facts, the timeline, the key people with their aliases and
 * quotes, discussion prompts (the "two sides" one only where two named sources disagree) and written-response prompts.
 */
import { SPEAKER_LABEL } from "./analyze/show-furniture";
import { labelOf } from "./analyze/turns";
import { PRONOUN_START } from "./generators/common";
import { writtenPrompts } from "./generators/written-response";
import { contentWords, overlap } from "./analyze/text";
import { danglingPronoun } from "./analyze/entities";
import type { ArticleAnalysis, DraftQuestion, LessonDraft, Sentence } from "./types";

const KEY_FACTS = 5;
const SUMMARY_SENTENCES = 3;

const OBJECTIVES: Record<string, string> = {
  "main-idea": "State the main idea of the article in your own words.",
  evidence: "Choose the sentence from the article that best supports a claim.",
  "cause-effect": "Explain what caused the events in the article and what followed from them.",
  "fact-opinion": "Tell facts that can be checked apart from opinions, and say whose opinion each is.",
  vocabulary: "Work out what key words mean from how the article uses them.",
  perspective: "Explain who claims what in the article, and where their views differ.",
  sourcing: "Identify what kind of source backs each claim (named official, anonymous source, document, expert, witness).",
  "author-purpose": "Explain why the author wrote the piece and how its genre shapes it.",
  inference: "Draw a conclusion the article supports but does not state.",
  chronology: "Put the events of the article in the order they happened.",
  numeracy: "Use the figures in the article accurately.",
  recall: "Recall the key facts of the article and point to where it says them.",
};
const OBJECTIVE_ORDER = ["main-idea", "evidence", "cause-effect", "perspective", "sourcing", "fact-opinion", "inference", "author-purpose", "vocabulary", "chronology", "numeracy", "recall"];

export function draftLesson(analysis: ArticleAnalysis, questions: DraftQuestion[] = []): LessonDraft {
  const byId = new Map(analysis.sentences.map((s) => [s.id, s]));
  const sentenceOf = (id: string) => byId.get(id)!;
  const furniture = new Set(analysis.furniture);
  const score = (s: Sentence) => analysis.sentenceScores[s.id] ?? 0;
  const quoted = (s: Sentence) => (s.text.match(/[“"][^”"]*[”"]/g) ?? []).join(" ").split(/\s+/).length > s.words / 3;
  // A summary or key-fact sentence stands on its own: prose (not a bullet cut from its lead-in, not a pull quote), a
  // capital at the start, and in the article's narrating voice (an interviewee's "we" reads wrongly out of its answer).
  // In a transcript, the host's turns ("HOST: …", "Q: …", or any label whose turns ask questions) are the conversation,
  // not what the article says; the guest's labelled answers are, with the label left out of the summary.
  const hostTurns = interviewerParagraphs(analysis.sentences);
  // With the transcript's turns read, every interviewer turn and the writer's narration between answers are left out
  // too (a magazine Q&A's questions carry no label), so the summary is the introduction and the guests' answers.
  for (const turn of analysis.transcript?.turns ?? []) if (turn.role === "interviewer" || turn.role === "narration") hostTurns.add(turn.paragraph);
  const firstPerson = (s: Sentence) => /\b(I|we|our|my|us|me)\b/.test(s.text.replace(/[“"][^”"]*[”"]/g, " "));
  const plain = (s: Sentence) =>
    s.words >= 8 &&
    s.words <= 45 &&
    !quoted(s) &&
    !PRONOUN_START.test(s.text) &&
    !/:$/.test(s.text) &&
    !furniture.has(s.id) &&
    s.kind === "paragraph" &&
    !s.verbless &&
    /^[\p{Lu}\p{N}“"]/u.test(s.text) &&
    !/^[QA][:.]\s/.test(s.text) &&
    !hostTurns.has(s.paragraph) &&
    !/\?["”’]?$/.test(s.text) &&
    (analysis.genre === "opinion" || !firstPerson(s));
  // A summary sentence is read without its neighbours: no "he" or "she" before the sentence names someone ("In smart
  // homes, he expects …"), and no quotation cut off by the sentence split.
  const names = analysis.entities.flatMap((e) => [e.name, ...e.variants]);
  const summaryReady = (s: Sentence) => plain(s) && !danglingPronoun(s.text, names) && balancedQuotes(s.text);

  const topicSections = transcriptSections(analysis, hostTurns);
  const sections: LessonDraft["sections"] = topicSections
    ? topicSections
    : analysis.sections.length > 0
      ? [
          ...(analysis.sections[0]!.firstParagraph > 0 ? [{ title: "Introduction", anchors: anchorsBetween(0, analysis.sections[0]!.firstParagraph) }] : []),
          ...analysis.sections.map((section, i) => ({ title: section.title, anchors: anchorsBetween(section.firstParagraph, analysis.sections[i + 1]?.firstParagraph ?? paragraphCount(analysis)) })),
        ].filter((s) => s.anchors.length > 0)
      : [{ title: "The article", anchors: anchorsBetween(0, paragraphCount(analysis)) }];

  // Summary: the most central sentence of each part of the article (sections, else thirds), without repeating itself.
  const parts = sections.length >= 2 ? sections.map((s) => new Set(s.anchors)) : slices(analysis, summaryLength(analysis));
  const summary: Sentence[] = [];
  for (const part of parts) {
    const best = analysis.sentences
      .filter((s) => part.has(s.anchor) && summaryReady(s))
      .sort((a, b) => score(b) - score(a))
      .find((s) => summary.every((x) => overlap(contentWords(x.text), contentWords(s.text)) < 0.5));
    if (best) summary.push(best);
    if (summary.length >= Math.max(SUMMARY_SENTENCES, Math.min(parts.length, 5))) break;
  }
  // Fewer parts than sentences wanted (an introduction and one section): the most central remaining sentences, from
  // parts the summary has least of, until the summary has three.
  const distinct = (s: Sentence) => summary.every((x) => overlap(contentWords(x.text), contentWords(s.text)) < 0.5 && x !== s);
  while (summary.length < SUMMARY_SENTENCES) {
    const next = analysis.sentences.filter((s) => summaryReady(s) && distinct(s)).sort((a, b) => score(b) - score(a))[0];
    if (!next) break;
    summary.push(next);
  }
  // The main point first among equals: the main-idea key the quiz asks about is always in the summary.
  const mainKey = questions.find((q) => q.generator === "main-idea" && /the article\?$/.test(q.prompt));
  const keySentence = mainKey ? analysis.sentences.find((s) => s.text === mainKey.evidence) : undefined;
  if (keySentence && !summary.includes(keySentence)) {
    const sameTopic = summary.findIndex((x) => overlap(contentWords(x.text), contentWords(keySentence.text)) >= 0.5);
    if (sameTopic >= 0) summary.splice(sameTopic, 1);
    else if (summary.length >= Math.max(SUMMARY_SENTENCES, Math.min(parts.length, 5))) summary.splice(summary.indexOf([...summary].sort((a, b) => score(a) - score(b))[0]!), 1);
    summary.push(keySentence);
  }
  summary.sort((a, b) => analysis.sentences.indexOf(a) - analysis.sentences.indexOf(b));

  const vocabulary: LessonDraft["vocabulary"] = analysis.definitions.map((d) => ({
    term: d.term,
    ...(d.glossaryId ? { glossaryId: d.glossaryId } : {}),
    definition: d.definition,
    source: d.source,
    ...(d.found.toLowerCase() !== d.term.toLowerCase() ? { found: d.found } : {}),
    sentence: sentenceOf(d.sentenceId).text,
    anchor: sentenceOf(d.sentenceId).anchor,
  }));
  const keyFacts = [...analysis.sentences]
    .filter((s) => plain(s) && !analysis.opinions.some((o) => o.sentenceId === s.id))
    .sort((a, b) => score(b) - score(a))
    .slice(0, KEY_FACTS)
    .sort((a, b) => analysis.sentences.indexOf(a) - analysis.sentences.indexOf(b))
    .map((s) => ({ text: s.text, anchor: s.anchor }));
  const timeline = analysis.timeline.map((e) => ({ date: e.iso, precision: e.precision, text: sentenceOf(e.sentenceId).text, anchor: sentenceOf(e.sentenceId).anchor }));
  const actors = analysis.entities
    .filter((e) => e.kind === "person" || analysis.quotations.some((q) => q.speaker === e.name))
    .map((e) => ({
      name: e.name,
      kind: e.kind,
      ...(e.roles[0] ? { role: e.roles[0] } : {}),
      aliases: e.variants,
      mentions: e.mentions,
      quotes: analysis.quotations.filter((q) => q.speaker === e.name).map((q) => ({ text: q.text, anchor: sentenceOf(q.sentenceId).anchor })),
    }))
    .sort((a, b) => b.quotes.length - a.quotes.length || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, 10);

  const skills = new Set<string>(questions.flatMap((q) => q.skills));
  const objectives = OBJECTIVE_ORDER.filter((s) => skills.has(s)).slice(0, 5).map((s) => OBJECTIVES[s]!);
  if (objectives.length === 0) objectives.push(OBJECTIVES["main-idea"]!, OBJECTIVES.recall!);

  const discussion: string[] = [];
  for (const side of analysis.sides.slice(0, 2)) discussion.push(`${side.a} and ${side.b} disagree in this article. What does each one claim, and whose argument does the article's evidence support better?`);
  // Genre-shaped prompts only when the genre is certain: a feature or an interview read as a column is not "persuading".
  const genreSure = analysis.genreCertain !== false;
  if (genreSure && analysis.genre === "opinion") discussion.push("The author wants to persuade you. Which of the author's reasons is strongest, and what would someone who disagrees say?");
  if (genreSure && analysis.genre === "press-release") discussion.push("This is an official release from the people whose work it describes. What does it want readers to think, and what would you check with an independent source?");
  if (genreSure && analysis.genre === "legal") discussion.push("What question did the court have to decide, and what reason did it give for its answer?");
  if (genreSure && analysis.genre === "interview") discussion.push("Which of the interviewee's answers would you want to check, and what question would you have asked next?");
  discussion.push("What is the most important fact in this article, and why?");
  discussion.push("What else would you want to know, and where could you check it?");

  return {
    summary: summary.map((s) => stripLabel(s.text.replace(SPEAKER_LABEL, ""))).join(" "),
    sections,
    objectives,
    vocabulary,
    keyFacts,
    timeline,
    actors,
    discussion,
    writingPrompts: writtenPrompts(analysis),
  };

  function anchorsBetween(from: number, to: number): string[] {
    const out: string[] = [];
    for (let i = from; i < to; i += 1) out.push(`p${i + 1}`);
    return out;
  }
}

function paragraphCount(analysis: ArticleAnalysis): number {
  return (analysis.sentences.at(-1)?.paragraph ?? -1) + 1;
}

/** How many sentences a summary of an article without headings takes: three, four from 900 words, five from 1,500. */
export function summaryLength(analysis: ArticleAnalysis): number {
  const words = analysis.sentences.reduce((sum, s) => sum + s.words, 0);
  return words >= 1500 ? 5 : words >= 900 ? 4 : 3;
}

/** The article's paragraphs cut into `count` consecutive slices of equal size (thirds for three). */
function slices(analysis: ArticleAnalysis, count: number): Set<string>[] {
  const n = paragraphCount(analysis);
  const cut = (k: number) => Math.round((n * k) / count);
  return Array.from({ length: count }, (_, k) => {
    const set = new Set<string>();
    for (let i = cut(k); i < cut(k + 1); i += 1) set.add(`p${i + 1}`);
    return set;
  });
}

/** Quotation marks that open and close within the sentence (a split inside a quotation leaves one open). */
export function balancedQuotes(text: string): boolean {
  const opens = text.match(/“/g)?.length ?? 0;
  const closes = text.match(/”/g)?.length ?? 0;
  const straight = text.match(/"/g)?.length ?? 0;
  return opens === closes && straight % 2 === 0;
}

/**
 * Paragraphs that are a transcript interviewer's turns: labelled "HOST", "Q", "INTERVIEWER" and the like, or with a
 * label whose turns end in a question (so "NPR:" or the host's name), every sentence of the turn included.
 */
function interviewerParagraphs(sentences: readonly Sentence[]): Set<number> {
  const labelOf = (s: Sentence) => SPEAKER_LABEL.exec(s.text)?.[0].replace(/:\s*$/, "").trim();
  const turns = sentences.filter((s, i) => labelOf(s) && sentences[i - 1]?.paragraph !== s.paragraph);
  const lastOf = (paragraph: number) => sentences.filter((s) => s.paragraph === paragraph).at(-1)!;
  const hostLabels = new Set(turns.filter((s) => /^(?:HOST|CO-?HOST|Q|INTERVIEWER|MODERATOR|ANCHOR|REPORTER)\b/i.test(labelOf(s)!) || /\?["”’]?$/.test(lastOf(s.paragraph).text)).map((s) => labelOf(s)!));
  return new Set(turns.filter((s) => hostLabels.has(labelOf(s)!)).map((s) => s.paragraph));
}

function stripLabel(text: string): string {
  const label = labelOf(text);
  return label && label.rest ? label.rest : text;
}

/** How many exchanges (a question and its answers) a transcript section holds at least. */
const EXCHANGES_PER_PART = 2;
const MAX_PARTS = 5;

/**
 * A transcript's sections follow its topics: the introduction, then consecutive exchanges grouped into at most five
 * parts, each titled "Part N: <topic>" with a short noun phrase from the guests' answers in that part (the phrase the
 * part uses most and the other parts least). Never a question or a host's line: the title is built from the answers.
 * Headings the page gave are kept when none of them is an interviewer's line. Undefined for other articles.
 */
export function transcriptSections(analysis: ArticleAnalysis, hostParagraphs: ReadonlySet<number> = new Set()): LessonDraft["sections"] | undefined {
  const transcript = analysis.transcript;
  if (!transcript) return undefined;
  const pageTitles = analysis.sections.map((s) => s.title);
  const hostLines = new Set(analysis.sentences.filter((s) => hostParagraphs.has(s.paragraph)).map((s) => s.text.toLowerCase()));
  if (pageTitles.length >= 2 && pageTitles.every((t) => !/\?$/.test(t) && ![...hostLines].some((line) => line.includes(t.toLowerCase())))) return undefined;
  const total = paragraphCount(analysis);
  const exchanges = new Map<number, number>();
  for (const turn of transcript.turns) if (turn.exchange >= 0 && !exchanges.has(turn.exchange)) exchanges.set(turn.exchange, turn.paragraph);
  const starts = [...exchanges.entries()].sort((a, b) => a[0] - b[0]).map(([, paragraph]) => paragraph);
  if (starts.length === 0) return undefined;
  const partCount = Math.max(1, Math.min(MAX_PARTS, Math.floor(starts.length / EXCHANGES_PER_PART)));
  const size = Math.ceil(starts.length / partCount);
  const ranges: [number, number][] = [];
  for (let i = 0; i < starts.length; i += size) ranges.push([starts[i]!, starts[i + size] ?? total]);
  const guestParagraphs = new Set(transcript.turns.filter((t) => t.role === "guest").map((t) => t.paragraph));
  const askedParagraphs = new Set(transcript.turns.filter((t) => t.role === "interviewer").map((t) => t.paragraph));
  // Noun phrases of the guests' answers in a part, and those its questions name too (the topic both sides talk about).
  const phrasesOf = ([from, to]: [number, number]) => {
    const counts = new Map<string, number>();
    const asked = new Set<string>();
    for (const s of analysis.sentences) {
      if (s.paragraph < from || s.paragraph >= to) continue;
      if (askedParagraphs.has(s.paragraph)) for (const phrase of analysis.nounPhrases[s.id] ?? []) asked.add(phrase);
      if (!guestParagraphs.has(s.paragraph)) continue;
      for (const phrase of analysis.nounPhrases[s.id] ?? []) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
    return { counts, asked };
  };
  const parts = ranges.map(phrasesOf);
  const perPart = parts.map((p) => p.counts);
  const used = new Set<string>();
  const titles = perPart.map((counts, i) => {
    const ranked = [...counts]
      .filter(([phrase]) => !used.has(phrase) && phrase.length >= 4 && !/^(?:thing|things|people|way|lot|time|year|years|part|question|answer|point|place|day|something|everything|nothing)$/.test(phrase))
      .filter(([phrase, n]) => n >= 2 || parts[i]!.asked.has(phrase))
      .map(([phrase, n]) => {
        const elsewhere = perPart.reduce((sum, other, j) => sum + (j === i ? 0 : (other.get(phrase) ?? 0)), 0);
        return { phrase, score: n * 2 - elsewhere + (phrase.includes(" ") ? 1 : 0) + (parts[i]!.asked.has(phrase) ? 3 : 0) };
      })
      .sort((a, b) => b.score - a.score || a.phrase.localeCompare(b.phrase));
    const best = ranked[0];
    if (!best || best.score < 3) return `Part ${i + 1}`;
    used.add(best.phrase);
    return `Part ${i + 1}: ${best.phrase.charAt(0).toUpperCase()}${best.phrase.slice(1)}`;
  });
  const anchors = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => `p${from + k + 1}`);
  const out: LessonDraft["sections"] = [];
  if (ranges[0]![0] > 0) out.push({ title: "Introduction", anchors: anchors(0, ranges[0]![0]) });
  ranges.forEach(([from, to], i) => out.push({ title: titles[i]!, anchors: anchors(from, to) }));
  return out.filter((s) => s.anchors.length > 0);
}
