/**
 * Perspective and sourcing. "According to the article, who claims that …?" from reported speech (the claim stays
 * attributed, never a plain fact); "What kind of source backs this statement?" from how the article attributes it;
 * and, only where the article sets two named sides against each other, "Who would most likely disagree with …?"
 * (an inference with one supported answer).
 */
import { innerQuotes, round, shorten } from "../analyze/text";
import type { SourceKind } from "../types";
import { sortedChoices, type Candidate, type Context } from "./common";

const SOURCE_LABELS: Partial<Record<SourceKind, string>> = {
  "named-official": "A named official speaking for a government or organization",
  anonymous: "People speaking without being named",
  document: "A document, report or set of data",
  expert: "An expert who studies the subject",
  witness: "A witness or someone affected by the events",
};

export function perspectiveQuestions(ctx: Context): Candidate[] {
  const { analysis } = ctx;
  const out: Candidate[] = [];
  const people = ctx.people.map((p) => p.name);
  for (const attribution of analysis.attributions) {
    const sentence = ctx.byId.get(attribution.sentenceId)!;
    if (ctx.furniture.has(sentence.id) || sentence.words > 45) continue;
    const person = ctx.person(attribution.source);
    // Who claims what: reported (indirect) claims only; direct quotes are the who-said items.
    // A claim that still carries speech ("… you,' Doherty said") or a quotation mark is speech inside speech: the
    // stem would name another speaker next to the one asked for.
    const nested = /\b(said|says|told|added|noted|asked)\b/i.test(attribution.claim) || /[“”"]|(^|\s)‘|’(\s|$)/.test(attribution.claim);
    if (person && !nested && !analysis.quotations.some((q) => q.sentenceId === sentence.id) && attribution.claim !== sentence.text) {
      const distractors = people.filter((p) => p !== person.name).slice(0, 3);
      // A gendered pronoun in the claim ("that she falls asleep in class") points at the answer among people of the
      // other gender, and a claim about "the dissent"/"the majority" names who wrote what, not a view.
      if (distractors.length >= 2 && !people.some((p) => attribution.claim.includes(p)) && !/\b(he|she|his|her|hers|him|himself|herself)\b/i.test(attribution.claim)) {
        const { choices, answer } = sortedChoices(person.name, distractors);
        out.push({
          id: "",
          type: "single",
          prompt: `According to the article, who claims that ${shorten(innerQuotes(attribution.claim), 30)}?`,
          choices,
          answer,
          explanation: `The article attributes this claim to ${person.name}: “${innerQuotes(sentence.text)}”`,
          skills: ["perspective", "sourcing"],
          difficulty: 2,
          generator: "perspective-claim",
          score: round(ctx.score(sentence.id) + 0.35),
          ...ctx.evidence(sentence),
        });
      }
    }
    // What kind of source: only where the kind is clear from the sentence itself.
    const label = SOURCE_LABELS[attribution.sourceKind];
    const quote = analysis.quotations.find((q) => q.sentenceId === sentence.id);
    if (quote && quote.resolvedBy !== "name" && quote.resolvedBy !== "description") continue;
    // One source per sentence: with two ("X said, citing a report …") a single kind would be half the answer.
    const outside = sentence.text.replace(/[“"][^”"]*[”"]/g, " ");
    const named = ctx.people.filter((p) => ctx.mentionsPerson(sentence, p)).length + analysis.entities.filter((e) => e.kind === "organization" && e.sentenceIds.includes(sentence.id)).length;
    const voices = (outside.match(/\b(said|says|told|according to|reported|wrote|argued|warned|estimated|cited|citing)\b/gi) ?? []).length;
    const single = voices <= 1 && named <= 1 && analysis.attributions.filter((a) => a.sentenceId === sentence.id).length === 1;
    if (label && single && ctx.eligible(sentence, 40) && (attribution.sourceKind !== "named-official" || (person && person.roles.length > 0))) {
      const others = Object.entries(SOURCE_LABELS)
        .filter(([kind]) => kind !== attribution.sourceKind)
        .map(([, text]) => text)
        .slice(0, 3);
      const { choices, answer } = sortedChoices(label, others);
      out.push({
        id: "",
        type: "single",
        prompt: `What kind of source does the article give for this statement? “${innerQuotes(sentence.text)}”`,
        choices,
        answer,
        explanation: `The statement comes from ${attribution.source}${person?.roles[0] ? `, ${person.roles[0] === "official" ? "an official" : `a ${person.roles[0]}`}` : ""}.`,
        skills: ["sourcing"],
        difficulty: 2,
        generator: "sourcing-kind",
        score: round(ctx.score(sentence.id) + 0.3),
        ...ctx.evidence(sentence),
      });
    }
  }
  // Two sides: who would disagree with what one side says.
  for (const side of analysis.sides) {
    const claim = analysis.quotations.find((q) => q.speaker === side.a && (q.resolvedBy === "name" || q.resolvedBy === "description" || q.resolvedBy === "block-quote")) ?? analysis.attributions.find((a) => a.source === side.a && a.claim.split(/\s+/).length <= 30);
    if (!claim) continue;
    const text = "text" in claim ? claim.text : claim.claim;
    const distractors = people.filter((p) => p !== side.a && p !== side.b).slice(0, 2);
    if (distractors.length < 2 || !ctx.person(side.b) || !ctx.person(side.a)) continue;
    const { choices, answer } = sortedChoices(side.b, [side.a, ...distractors]);
    const sentence = ctx.byId.get(side.sentenceId)!;
    out.push({
      id: "",
      type: "single",
      prompt: `Based on the article, who would most likely disagree with this view: “${shorten(innerQuotes(text), 30)}”?`,
      choices,
      answer,
      explanation: `${side.b} takes the other side: “${innerQuotes(sentence.text)}”`,
      skills: ["inference", "perspective"],
      difficulty: 3,
      generator: "inference",
      score: round(ctx.score(sentence.id) + 0.55),
      ...ctx.evidence(sentence),
    });
  }
  return out;
}
