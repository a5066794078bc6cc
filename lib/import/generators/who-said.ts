/**
 * Who said it (recall of a source). Direct quotes whose speaker the article names (or describes and names
 * elsewhere); the choices are other people of the article, one name per person, never a pronoun-resolved speaker.
 */
import { round, shorten } from "../analyze/text";
import { explanationFor, sortedChoices, type Candidate, type Context } from "./common";

export function whoSaidQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const quotes = analysis.quotations.filter((q) => (q.resolvedBy === "name" || q.resolvedBy === "description" || q.resolvedBy === "block-quote") && q.direct && !ctx.furniture.has(q.sentenceId) && ctx.person(q.speaker));
  const speakers = [...new Set(quotes.map((q) => q.speaker))];
  const people = ctx.people.map((p) => p.name);

  if (speakers.length >= 2) {
    const picked = speakers
      .map((speaker) => quotes.filter((q) => q.speaker === speaker).sort((a, b) => ctx.score(b.sentenceId) - ctx.score(a.sentenceId))[0]!)
      .sort((a, b) => ctx.score(b.sentenceId) - ctx.score(a.sentenceId))
      .slice(0, 5)
      .sort((a, b) => ctx.order(a.sentenceId) - ctx.order(b.sentenceId));
    const extra = people.find((p) => !speakers.includes(p));
    const names = [...picked.map((q) => q.speaker), ...(extra ? [extra] : [])].sort((a, b) => a.localeCompare(b));
    const right = names.map((name, i) => ({ id: `r${i + 1}`, text: name }));
    const left = picked.map((q, i) => ({ id: `l${i + 1}`, text: `“${shorten(q.text, 25)}”` }));
    const answer = Object.fromEntries(picked.map((q, i) => [`l${i + 1}`, right.find((r) => r.text === q.speaker)!.id]));
    const first = ctx.byId.get(picked[0]!.sentenceId)!;
    out.push({
      id: "",
      type: "matching",
      prompt: "Match each quotation from the article to the person who said it.",
      left,
      right,
      answer,
      explanation: picked.map((q) => `${q.speaker} said “${shorten(q.text, 25)}”`).join(". ") + ".",
      skills: ["recall", "sourcing"],
      difficulty: 2,
      generator: "who-said-what",
      score: round(picked.reduce((s, q) => s + ctx.score(q.sentenceId), 0) / picked.length + 0.3),
      ...ctx.evidence(first),
    });
  }

  const bestPerSpeaker = speakers.map((speaker) => quotes.filter((q) => q.speaker === speaker && q.text.split(/\s+/).length >= 6).sort((a, b) => Number(b.text.split(/\s+/).length >= 10) - Number(a.text.split(/\s+/).length >= 10) || ctx.score(b.sentenceId) - ctx.score(a.sentenceId))[0]).filter((q) => q !== undefined);
  for (const quote of bestPerSpeaker) {
    const sentence = ctx.byId.get(quote.sentenceId)!;
    const others = [...speakers.filter((s) => s !== quote.speaker), ...people.filter((n) => n !== quote.speaker && !speakers.includes(n))];
    const distractors = [...new Set(others)].slice(0, 3);
    if (distractors.length < 2) continue;
    const { choices, answer } = sortedChoices(quote.speaker, distractors);
    out.push({
      id: "",
      type: "single",
      prompt: `Who said “${shorten(quote.text, 30)}”?`,
      choices,
      answer,
      explanation: explanationFor(sentence),
      skills: ["recall"],
      difficulty: 1,
      generator: "who-said-single",
      score: round(ctx.score(sentence.id) + 0.05),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}
