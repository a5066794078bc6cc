/**
 * Quotations and attributions. A direct quote's speaker is the entity named outside the quotes nearest the speech
 * verb: a name or alias, a description the article resolves ("Beijing's U.N. ambassador" → the ambassador it names),
 * or the page's own attribution of a block quote. A pronoun ("he said") is resolved only to the last named speaker
 * and never feeds a who-said question. Organizations speak only as the subject of the verb ("the ministry said").
 * Attributions add reported speech ("X said that …", "according to …") and the kind of source behind each claim.
 */
import type { Attribution, NamedEntity, Quotation, Sentence, SourceKind } from "../types";
import { formsOf, ROLE_NOUNS } from "./entities";
import { countWords, wordPattern } from "./text";

const SPEECH_VERBS = "said|says|say|told|tells|added|adds|asked|wrote|writes|explained|argued|argues|warned|warns|noted|insisted|stated|declared|announced|replied|responded|urged|predicted|cautioned|acknowledged|conceded|recalled|complained|claimed|claims|contended|maintained|according to";
const SPEECH = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, "gi");
const QUOTE = /[“"]([^“”"]{8,}?)[”"]/g;
const PRONOUN = /\b(he|she)\b/gi;
const DESCRIPTION = new RegExp(`(?:\\b(?:the|a|an|The|A|An)\\s+|\\b[\\p{Lu}][\\p{L}.]*['’]s\\s+)((?:[\\p{L}.-]+\\s+){0,3}?)(${ROLE_NOUNS.join("|")})\\b(?!\\s+\\p{Lu})`, "gu");

const OFFICIAL_ROLES = new Set(["ambassador", "president", "minister", "secretary", "senator", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "envoy", "judge", "commissioner", "diplomat", "lawmaker", "representative", "congressman", "congresswoman", "official", "officer", "sheriff", "chancellor", "premier", "king", "queen", "general", "director", "superintendent", "principal", "councilmember", "leader", "chief"]);
const EXPERT_ROLES = new Set(["professor", "researcher", "analyst", "economist", "scientist", "historian", "expert", "doctor", "lawyer", "attorney"]);
const WITNESS_ROLES = new Set(["witness", "resident", "farmer", "owner", "student", "teacher", "nurse", "parent"]);

interface Mention {
  entity: NamedEntity;
  at: number;
  by: Quotation["resolvedBy"];
}

export function findQuotations(sentences: Sentence[], entities: NamedEntity[], quoteSpeakers: (string | undefined)[]): Quotation[] {
  const out: Quotation[] = [];
  const people = entities.filter((e) => e.kind === "person");
  let lastSpeaker: { name: string; index: number } | undefined;
  sentences.forEach((sentence, index) => {
    // A block quote the page attributes ("— Barack Obama") is the speaker's words as a whole.
    const pageSpeaker = sentence.kind === "blockquote" ? quoteSpeakers[sentence.paragraph] : undefined;
    if (pageSpeaker) {
      const entity = entities.find((e) => formsOf(e).some((f) => pageSpeaker.includes(f)));
      if (entity && countWords(sentence.text) >= 3) {
        out.push({ sentenceId: sentence.id, text: sentence.text.replace(/^[“"]|[”"]$/g, ""), speaker: entity.name, resolvedBy: "block-quote", direct: true });
        lastSpeaker = { name: entity.name, index };
      }
      return;
    }
    const quotes = [...sentence.text.matchAll(QUOTE)];
    if (quotes.length === 0) return;
    const outside = sentence.text.replace(QUOTE, (m) => " ".repeat(m.length));
    const verbs = [...outside.matchAll(SPEECH)].map((m) => m.index ?? 0);
    if (verbs.length === 0) return;
    const speaker = speakerNear(outside, verbs, entities, people, sentences, index);
    let resolved: { name: string; by: Quotation["resolvedBy"] } | undefined = speaker ? { name: speaker.entity.name, by: speaker.by } : undefined;
    if (!resolved && lastSpeaker && index - lastSpeaker.index <= 3 && pronounSubject(outside, verbs)) {
      // "he said" after a named speaker, with no other person named in between.
      const between = sentences.slice(lastSpeaker.index + 1, index + 1);
      const others = people.filter((p) => p.name !== lastSpeaker!.name && between.some((s) => p.sentenceIds.includes(s.id)));
      if (others.length === 0) resolved = { name: lastSpeaker.name, by: "pronoun" };
    }
    if (!resolved) return;
    for (const quote of quotes) {
      const text = quote[1]!.trim().replace(/[,]$/, "");
      if (countWords(text) < 3) continue;
      out.push({ sentenceId: sentence.id, text, speaker: resolved.name, resolvedBy: resolved.by, direct: true });
    }
    lastSpeaker = { name: resolved.name, index };
  });
  return out;
}

function pronounSubject(outside: string, verbs: number[]): boolean {
  return verbs.some((v) => /\b(he|she)\s+$/i.test(outside.slice(Math.max(0, v - 6), v)) || /^\S+\s+(he|she)\b/i.test(outside.slice(v)));
}

function speakerNear(outside: string, verbs: number[], entities: NamedEntity[], people: NamedEntity[], sentences: Sentence[], index: number): Mention | undefined {
  const candidates: Mention[] = [];
  for (const entity of people) {
    for (const match of outside.matchAll(wordPattern(formsOf(entity), false))) candidates.push({ entity, at: match.index ?? 0, by: "name" });
  }
  for (const match of outside.matchAll(DESCRIPTION)) {
    const person = resolveDescription(match[2]!.toLowerCase(), people, sentences, index);
    if (person) candidates.push({ entity: person, at: (match.index ?? 0) + match[0].length - match[2]!.length, by: "description" });
  }
  const distance = (m: Mention) => Math.min(...verbs.map((v) => Math.abs(m.at - v)));
  // A pronoun right beside the verb ("he said") means the named people in the sentence are not the speaker.
  const pronouns = [...outside.matchAll(PRONOUN)].map((m) => m.index ?? 0);
  const pronounDistance = Math.min(...pronouns.map((p) => Math.min(...verbs.map((v) => Math.abs(p - v)))), Infinity);
  const best = candidates.sort((a, b) => distance(a) - distance(b) || a.at - b.at)[0];
  if (best && distance(best) <= 120 && distance(best) < pronounDistance) return best;
  if (best || pronounDistance < Infinity) return undefined;
  // Organizations speak only as the subject right beside the verb: "the ministry said", "said the State Department".
  for (const entity of entities.filter((e) => e.kind !== "person")) {
    for (const form of formsOf(entity)) {
      const escaped = wordPattern([form], false).source;
      const subject = new RegExp(`${escaped}\\s+(?:has\\s+|have\\s+|had\\s+)?(?:${SPEECH_VERBS})\\b|\\b(?:said|says)\\s+(?:the\\s+)?${escaped}`, "u");
      if (subject.test(outside)) return { entity, at: 0, by: "name" };
    }
  }
  return undefined;
}

/** "the ambassador" → the one person the article gives that role, or the one with that role mentioned nearest. */
export function resolveDescription(role: string, people: NamedEntity[], sentences: Sentence[], index: number): NamedEntity | undefined {
  const withRole = people.filter((p) => p.roles.includes(role));
  if (withRole.length === 0) return undefined;
  if (withRole.length === 1) return withRole[0];
  const position = (p: NamedEntity) => Math.min(...p.sentenceIds.map((id) => Math.abs(sentences.findIndex((s) => s.id === id) - index)));
  const sorted = [...withRole].sort((a, b) => position(a) - position(b));
  return position(sorted[0]!) < position(sorted[1]!) ? sorted[0] : undefined;
}

const SAYS = "(?:said|say|says|told|tell|added|warned|argued|believe|believes|estimated|estimate|reported|report)";
/** An unnamed source is one that speaks: "officials said", "said two diplomats", "on condition of anonymity" — not "six officials" on a list. */
const ANONYMOUS = new RegExp(`\\b((?:U\\.S\\.\\s+|senior\\s+|government\\s+|western\\s+|some\\s+|two\\s+|three\\s+)?(?:officials|sources|diplomats|an official|a (?:senior |U\\.S\\. |government )?(?:official|source|person|diplomat)|people familiar with [^,]+))\\s+(?:have\\s+|has\\s+|had\\s+)?${SAYS}\\b|\\b${SAYS}\\s+(?:\\w+\\s+){0,2}(officials|sources|diplomats)\\b|on condition of anonymity|who (?:asked|spoke) (?:not to be named|on condition)`, "i");
const DOCUMENT = /\baccording to (?:a|an|the|its|their|new|recent)?\s*(?:[\p{L}-]+\s+){0,3}?(report|study|survey|document|documents|statement|filing|filings|data|figures|records|letter|memo|analysis|poll|resolution|court papers|estimate|estimates|budget|audit|census|release)\b/iu;
const WITNESS = new RegExp(`\\b(witnesses?|residents?|neighbou?rs?|bystanders?|passengers?|survivors?|people who (?:saw|were there))\\s+(?:\\w+\\s+){0,3}?${SAYS}\\b`, "i");
const EXPERT = new RegExp(`\\b(experts?|researchers?|analysts?|economists?|scientists?|scholars?|historians?|professors?)\\s+(?:who\\s+\\w+\\s+\\w+\\s+)?(?:\\w+\\s+){0,2}?${SAYS}\\b`, "i");
const REPORTED = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, "i");

/** Statements the article attributes to a source, with the kind of source behind each. */
export function findAttributions(sentences: Sentence[], entities: NamedEntity[], quotations: Quotation[]): Attribution[] {
  const out: Attribution[] = [];
  const people = entities.filter((e) => e.kind === "person");
  const quoted = new Map(quotations.filter((q) => q.resolvedBy !== "pronoun").map((q) => [q.sentenceId, q]));
  sentences.forEach((sentence, index) => {
    const text = sentence.text;
    const outside = text.replace(QUOTE, (m) => " ".repeat(m.length));
    if (!REPORTED.test(outside) && !quoted.has(sentence.id)) return;
    const document = DOCUMENT.exec(outside);
    if (document) {
      out.push({ sentenceId: sentence.id, claim: text, source: document[0].replace(/^according to\s+/i, ""), sourceKind: "document" });
      return;
    }
    const quote = quoted.get(sentence.id);
    if (quote) {
      const entity = entities.find((e) => e.name === quote.speaker);
      out.push({ sentenceId: sentence.id, claim: quote.text, source: quote.speaker, sourceKind: entity ? kindOfEntity(entity) : "named-person" });
      return;
    }
    // Reported speech with a named person: "Liu said China will keep working…" — the claim is the clause after the verb.
    const reported = new RegExp(`(?<![\\p{L}])(${people.flatMap(formsOf).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)"})\\s+(?:has\\s+|had\\s+)?(said|says|argued|argues|claimed|claims|insisted|warned|contended|maintained|believes|wrote)\\s+(?:that\\s+)?(.{15,})$`, "u").exec(text);
    if (reported) {
      const entity = people.find((p) => formsOf(p).includes(reported[1]!))!;
      const claim = reported[3]!.replace(/[.!]$/, "");
      if (countWords(claim) >= 5 && !/^["“]/.test(claim)) out.push({ sentenceId: sentence.id, claim, source: entity.name, sourceKind: kindOfEntity(entity) });
      return;
    }
    if (ANONYMOUS.test(outside)) out.push({ sentenceId: sentence.id, claim: text, source: ANONYMOUS.exec(outside)![0], sourceKind: "anonymous" });
    else if (WITNESS.test(outside)) out.push({ sentenceId: sentence.id, claim: text, source: WITNESS.exec(outside)![0], sourceKind: "witness" });
    else if (EXPERT.test(outside)) out.push({ sentenceId: sentence.id, claim: text, source: EXPERT.exec(outside)![0], sourceKind: "expert" });
    void index;
  });
  return out;
}

export function kindOfEntity(entity: NamedEntity): SourceKind {
  if (entity.kind !== "person") return "named-official";
  if (entity.roles.some((r) => EXPERT_ROLES.has(r))) return "expert";
  if (entity.roles.some((r) => OFFICIAL_ROLES.has(r))) return "named-official";
  if (entity.roles.some((r) => WITNESS_ROLES.has(r))) return "witness";
  return "named-person";
}
