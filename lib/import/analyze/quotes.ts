/**
 * Quotations and attributions. A direct quote's speaker is the entity named outside the quotes nearest the speech
 * verb: a name or alias, a description the article resolves ("Beijing's U.N. ambassador" → the ambassador it names),
 * or the page's own attribution of a block quote. A pronoun ("he said") is resolved only to the last named speaker
 * and never feeds a who-said question. Organizations speak only as the subject of the verb ("the ministry said").
 * Attributions add reported speech ("X said that …", "according to …") and the kind of source behind each claim.
 */
import type { Attribution, Genre, NamedEntity, Quotation, Sentence, SourceKind } from "../types";
import { formsOf, ROLE_NOUNS } from "./entities";
import { countWords, wordPattern } from "./text";
import { findTranscript, turnAt, type Transcript } from "./turns";

/** A speaker label opening a turn: "MERCER:", "Q:", "Ms. Fenwick:", "DANA MERCER, HOST:", "Okafor (ombudsman):". */
const LABEL_AT_START = /^(?:[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}(?:\s*,\s*[\p{L} -]{2,30}?|\s*\([^)]{1,40}\))?)\s*:\s+/u;
const SPEECH_VERBS = "said|says|say|told|tells|added|adds|asked|wrote|writes|explained|argued|argues|warned|warns|noted|insisted|stated|declared|announced|replied|responded|urged|predicted|cautioned|acknowledged|conceded|recalled|complained|claimed|claims|contended|maintained|called|calls|described|describes|welcomed|promised|vowed|according to";
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

/**
 * The article's transcript turns, when it is a Q&A or a broadcast transcript: labelled turns whatever the genre, an
 * unlabelled question-and-answer layout only in an interview (or where questions are answered in the first person).
 */
export function transcriptOf(sentences: Sentence[], entities: NamedEntity[], genre: Genre = "news", bold: ReadonlySet<number> = new Set()): Transcript | undefined {
  const people = entities.filter((e) => e.kind === "person");
  const interviewee = genre === "interview" || bold.size >= 3 || looksLikeQandA(sentences) ? intervieweeOf(people, sentences) : undefined;
  return findTranscript(sentences, people, interviewee, bold);
}

export function findQuotations(sentences: Sentence[], entities: NamedEntity[], quoteSpeakers: (string | undefined)[], genre: Genre = "news", transcript: Transcript | undefined = transcriptOf(sentences, entities, genre)): Quotation[] {
  const out: Quotation[] = [];
  const people = entities.filter((e) => e.kind === "person");
  let lastSpeaker: { name: string; index: number; paragraph: number } | undefined;
  // With the turns read, the older per-sentence interview rules below are not needed.
  const interviewee = transcript ? undefined : genre === "interview" || looksLikeQandA(sentences) ? intervieweeOf(people, sentences) : undefined;
  const gender = gendersOf(people, sentences);
  // People a sentence mentions, counting a surname two of them share as a mention of both (gender then tells them apart).
  const bareSurname = (p: NamedEntity, text: string) => new RegExp(`(?<!\\p{Lu}[\\p{L}'’-]*\\s)(?<![\\p{L}])${escapeForRegex(p.name.split(/\s+/).at(-1)!)}(?![\\p{L}])`, "u").test(text);
  const mentioned = (s: Sentence) => people.filter((p) => p.sentenceIds.includes(s.id) || (p.name.includes(" ") && bareSurname(p, s.text.replace(QUOTE, " "))));
  const fits = (p: NamedEntity, pronoun: string) => {
    const g = gender.get(p.name);
    return !g || g === (/^she$/i.test(pronoun) ? "f" : "m");
  };
  let inAnswer = false;
  sentences.forEach((sentence, index) => {
    // A block quote the page attributes ("— Barack Obama") is the speaker's words as a whole.
    const pageSpeaker = sentence.kind === "blockquote" ? quoteSpeakers[sentence.paragraph] : undefined;
    if (pageSpeaker) {
      const entity = people.find((e) => formsOf(e).some((f) => pageSpeaker.startsWith(f) || pageSpeaker.includes(`${f},`))) ?? people.find((e) => formsOf(e).some((f) => pageSpeaker.includes(f)));
      if (entity && countWords(sentence.text) >= 3) {
        out.push({ sentenceId: sentence.id, text: sentence.text.replace(/^[“"]|[”"]$/g, ""), speaker: entity.name, resolvedBy: "block-quote", direct: true });
        lastSpeaker = { name: entity.name, index, paragraph: sentence.paragraph };
      }
      return;
    }
    // A transcript's turns: a guest's answer is the words of the guest who speaks the turn (never of a person the
    // question names); the interviewer's turns are asked, not claimed, so they are no one's quotation.
    const turn = turnAt(transcript, sentence.paragraph);
    // A sentence of an answer that quotes someone ("my father told me, '…'", "“…,” she said") is read like any quotation.
    const turnText = sentence.text.replace(LABEL_AT_START, "");
    // A question that quotes a named third person ("Councillor Raymond Oduya called your portal “a filing cabinet …”") is
    // read like any quotation, but only that person's, named in the same sentence.
    const askedQuote = turn?.role === "interviewer" && /[“”"]/.test(turnText);
    if (turn && ((turn.role === "interviewer" && !askedQuote) || (turn.role === "guest" && !/[“”"]/.test(turnText)))) {
      if (turn.role === "guest" && turn.speaker && countWords(turnText) >= 4) out.push({ sentenceId: sentence.id, text: turnText, speaker: turn.speaker, resolvedBy: "interview", direct: true });
      lastSpeaker = undefined;
      return;
    }
    // A transcript turn ("Arnold Pike: Because …") is the labelled speaker's, to the end of the paragraph.
    const paragraphStart = sentences.find((s) => s.paragraph === sentence.paragraph)!;
    const label = /^([\p{Lu}][\p{L}.'’ -]{1,40}?):\s+\S/u.exec(paragraphStart.text)?.[1];
    // Transcripts often set the labels in capitals ("CARVALHO: …").
    const labelled = label ? people.find((p) => formsOf(p).some((f) => f.toLowerCase() === label.toLowerCase())) : undefined;
    // In an interview, the interviewee's labelled turn is an answer (and so is an unlabelled first-person paragraph
    // that continues it); any other label ("NPR:", "Q:", "HOST:", the interviewer's name) is the interviewer's turn, even when it ends
    // in a statement ("George Poole of Texas asks you if …"), so it is nobody's answer.
    if (interviewee && label && label !== "A" && countWords(label) <= 4) {
      const first = sentences[index - 1]?.paragraph !== sentence.paragraph;
      if (labelled === interviewee) {
        if (first) {
          inAnswer = true;
        }
        const text = sentence.text.replace(/^[\p{Lu}][\p{L}.'’ -]{1,40}?:\s+/u, "").replace(/^[“"]|[”"]$/g, "");
        if (!/[“”"]/.test(text) && countWords(text) >= 4) out.push({ sentenceId: sentence.id, text, speaker: interviewee.name, resolvedBy: "interview", direct: true });
        return;
      }
      if (first) {
        inAnswer = false;
      }
      if (!labelled) return;
    }
    if (labelled) {
      // The interviewer's questions are asked, not claimed: they are no one's quotation to ask about.
      if (/\?["”]?$/.test(sentences.filter((s) => s.paragraph === sentence.paragraph).at(-1)!.text)) return;
      const text = sentence.text.replace(/^[\p{Lu}][\p{L}.'’ -]{1,40}?:\s+/u, "").replace(/^[“"]|[”"]$/g, "");
      if (countWords(text) >= 3) out.push({ sentenceId: sentence.id, text, speaker: labelled.name, resolvedBy: "name", direct: true });
      lastSpeaker = { name: labelled.name, index, paragraph: sentence.paragraph };
      return;
    }
    // A quoted paragraph after a lead-in that names its author ("Lindahl described the discovery in a blog post:").
    const leadIn = sentences[index - 1];
    if (sentence.kind === "paragraph" && leadIn && leadIn.paragraph === sentence.paragraph - 1 && /:$/.test(leadIn.text) && /^[“"]/.test(paragraphStart.text) && !/\b(he|she|they)\s+(said|says)\b/i.test(sentence.text)) {
      const author = people.filter((p) => formsOf(p).some((f) => leadIn.text.includes(f)));
      if (author.length === 1 && /\b(said|says|wrote|writes|described|explained|posted|put it|told)\b/i.test(leadIn.text)) {
        const text = sentence.text.replace(/^[“"]|[”"]$/g, "");
        if (countWords(text) >= 3) out.push({ sentenceId: sentence.id, text, speaker: author[0]!.name, resolvedBy: "name", direct: true });
        lastSpeaker = { name: author[0]!.name, index, paragraph: sentence.paragraph };
        return;
      }
    }
    // Interviews: after a question, the subject's answers (in the first person) are their words; the interviewer's own analysis is not.
    if (interviewee) {
      const first = sentences[index - 1]?.paragraph !== sentence.paragraph;
      const paragraphText = sentences.filter((s) => s.paragraph === sentence.paragraph).map((s) => s.text).join(" ").trim();
      const isQuestion = /\?["”]?$/.test(paragraphText) || /^Q[:.]/.test(paragraphText);
      if (first) {
        // Narration about the subject ("Ms Nwosu is careful…") or without first person ends the answer; an "A:" turn is
        // the answer whatever its person (an unlabelled paragraph after a question may be the reporter's narration:
        // "Her daughter sat in on the interview").
        const aboutSubject = formsOf(interviewee).some((f) => paragraphText.includes(f));
        const labelledAnswer = /^A\s*[:.]\s/.test(paragraphText);
        if (isQuestion) inAnswer = true;
        else if (labelledAnswer) inAnswer = true;
        // An unlabelled paragraph after a labelled answer continues it only in the first person: "Her daughter sat in on
        // the interview" is the reporter's narration.
        else if (inAnswer && (aboutSubject || !/\b(I|I['’]m|I['’]ve|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b/.test(paragraphText.replace(QUOTE, " ")))) inAnswer = false;
      }
      if (isQuestion) return;
      const answer = sentence.text.replace(/^A[:.]\s*/, "");
      if (inAnswer && !/[“”"]/.test(answer) && countWords(answer) >= 4) {
        out.push({ sentenceId: sentence.id, text: answer, speaker: interviewee.name, resolvedBy: "interview", direct: true });
        return;
      }
    }
    const quotes = [...sentence.text.matchAll(QUOTE)];
    if (quotes.length === 0) return;
    const outside = sentence.text.replace(QUOTE, (m) => " ".repeat(m.length));
    // A guest quoting their own words or thoughts ("as I've often said, … we were not sitting around thinking, “Ooh, let
    // me think about my job in City Hall.”"; "We were like, 'What are you talking about?'"): no one else's quotation,
    // whoever the answer names near it.
    if (turn?.role === "guest" && /\b(?:I|we|We)\b(?:['’]\w+)?[^.;]*?\b(?:said|say|says|thought|think|thinking|told|tell|asked|ask|wrote|was like|were like|went)\b/.test(outside)) {
      lastSpeaker = undefined;
      return;
    }
    const verbs = [...outside.matchAll(SPEECH)].map((m) => m.index ?? 0);
    let resolved: { name: string; by: Quotation["resolvedBy"] } | undefined;
    if (verbs.length === 0) {
      // A sentence that is all quotation, right after a quoted speaker in the same paragraph, continues that speaker.
      const whole = outside.replace(/[\s.,;:!?—–-]/g, "") === "";
      if (whole && lastSpeaker && lastSpeaker.index >= index - 2 && lastSpeaker.paragraph >= sentence.paragraph - 1) resolved = { name: lastSpeaker.name, by: "continuation" };
    } else {
      const speaker = speakerNear(outside, verbs, entities, people, sentences, index);
      resolved = speaker ? { name: speaker.entity.name, by: speaker.by } : undefined;
      // "…,” the dissent said: the words of the justice who wrote the dissent, never of one who joined it.
      const opinion = /\bthe\s+(dissent|majority|concurrence)(?:ing opinion| opinion)?\s+(?:said|says|wrote|writes|argued|argues|added|warned|concluded|stated)\b|\b(?:said|wrote|argued|added|warned)\s+the\s+(dissent|majority|concurrence)\b/i.exec(outside);
      if (!resolved && opinion) {
        const writer = opinionWriter((opinion[1] ?? opinion[2])!.toLowerCase() as "dissent" | "majority" | "concurrence", people, sentences, index);
        if (writer) resolved = { name: writer.name, by: "description" };
      }
      // "His mother laughs … she says": the pronoun is someone described by kinship, not the person just named.
      const pronoun = pronounSubject(outside, verbs);
      // "His mother laughs … she says": a kinship description of the pronoun's gender is someone else, unnamed.
      const kinWords = `${sentences[index - 1]?.text.replace(QUOTE, " ") ?? ""} ${outside}`.match(/\b(?:his|her|their)\s+(mother|father|son|daughter|wife|husband|sister|brother|grandmother|grandfather|granddaughter|grandson|aunt|uncle|cousin|partner|friend|colleague|boss)\b/gi) ?? [];
      const kin = pronoun !== undefined && kinWords.some((k) => {
        const g = kinGender(k.split(/\s+/).at(-1)!);
        return !g || g === (/^she$/i.test(pronoun) ? "f" : "m");
      });
      if (!resolved && !kin && pronoun) {
        // "he said": the speaker of the previous sentence ("Feldt said …. “…,” he said") if the pronoun fits them,
        // else the one person of that gender named in the last few sentences (or the last quoted speaker), else no one.
        const previous = sentences[index - 1];
        const previousOutside = previous ? previous.text.replace(QUOTE, (m) => " ".repeat(m.length)) : "";
        const previousVerbs = [...previousOutside.matchAll(SPEECH)].map((m) => m.index ?? 0);
        const previousSpeaker = previous && previousVerbs.length ? speakerNear(previousOutside, previousVerbs, entities, people, sentences, index - 1) : undefined;
        if (previousSpeaker && previousSpeaker.entity.kind === "person" && fits(previousSpeaker.entity, pronoun)) resolved = { name: previousSpeaker.entity.name, by: "pronoun" };
      }
      if (!resolved && !kin && pronoun) {
        const recent = sentences.slice(Math.max(0, index - 3), index + 1);
        const named = people.filter((p) => recent.some((s) => mentioned(s).includes(p)) && fits(p, pronoun));
        const last = lastSpeaker ? people.find((p) => p.name === lastSpeaker!.name) : undefined;
        // Several fit: the one mentioned last, when only one is ("Jaarsma said … Moll does not take sides … she said").
        const latest = (p: NamedEntity) => Math.max(...recent.map((s, i) => (s.id !== sentence.id && mentioned(s).includes(p) ? i : -1)));
        const nearest = named.length > 1 ? [...named].sort((a, b) => latest(b) - latest(a)) : [];
        if (named.length === 1) resolved = { name: named[0]!.name, by: "pronoun" };
        else if (nearest.length > 1 && latest(nearest[0]!) > latest(nearest[1]!)) resolved = { name: nearest[0]!.name, by: "pronoun" };
        else if (named.length === 0 && last && fits(last, pronoun) && index - lastSpeaker!.index <= 3) resolved = { name: last.name, by: "pronoun" };
      }
    }
    // "X and Y said in a joint statement": words two people or bodies share are neither one's alone.
    if (resolved && isJointStatement(outside)) {
      lastSpeaker = undefined;
      return;
    }
    if (!resolved || (askedQuote && resolved.by !== "name")) return;
    for (const quote of quotes) {
      const text = quote[1]!.trim().replace(/[,]$/, "");
      if (countWords(text) < 3) continue;
      if (isQuotedTitle(text, sentence.text.slice(0, quote.index ?? 0))) continue;
      out.push({ sentenceId: sentence.id, text, speaker: resolved.name, resolvedBy: resolved.by, direct: true });
    }
    lastSpeaker = { name: resolved.name, index, paragraph: sentence.paragraph };
  });
  return out;
}

/** At least two question paragraphs each followed by a first-person answer: a Q&A, whatever the genre detector said. */
function looksLikeQandA(sentences: Sentence[]): boolean {
  const paragraphs: string[] = [];
  for (const s of sentences) paragraphs[s.paragraph] = paragraphs[s.paragraph] ? `${paragraphs[s.paragraph]} ${s.text}` : s.text;
  let pairs = 0;
  paragraphs.forEach((p, i) => {
    const next = paragraphs[i + 1];
    if (p && next && (/\?["”]?$/.test(p.trim()) || /^Q[:.]/.test(p)) && /\b(I|I['’]m|we|my|our)\b/.test(next.replace(QUOTE, " "))) pairs += 1;
  });
  return pairs >= 2;
}

/**
 * The person an interview is with: the one its labels name ("CARVALHO: …" turns that answer), else the one a
 * standfirst says it is with ("Lena Ortiz spoke with Ines Carvalho about …", "an interview with …", "asked Carvalho"),
 * else the first person the introduction names (before the first question), else the most mentioned person. A person
 * a question mentions ("What did Governor Hale say?") is not the interviewee just because the questions keep naming them.
 */
export function intervieweeOf(people: NamedEntity[], sentences: Sentence[]): NamedEntity | undefined {
  const firstQuestion = sentences.findIndex((s) => /^Q\s*[:.]/.test(s.text) || /\?["”]?$/.test(s.text));
  const intro = sentences.slice(0, firstQuestion > 0 ? firstQuestion : 0);
  const byForm = (name: string) => people.find((p) => formsOf(p).some((f) => f.toLowerCase() === name.toLowerCase()));
  // Answer labels: the "NAME:" label whose turns (two or more) are mostly statements, not questions. When the page
  // labels the answers with a name the article gives no person for, nobody is guessed in its place.
  const turns = new Map<string, { all: number; statements: number }>();
  const paragraphs = new Map<number, string>();
  for (const s of sentences) paragraphs.set(s.paragraph, paragraphs.has(s.paragraph) ? `${paragraphs.get(s.paragraph)} ${s.text}` : s.text);
  for (const text of paragraphs.values()) {
    const label = /^([\p{Lu}][\p{L}.'’ -]{1,40}?):\s+\S/u.exec(text)?.[1];
    if (!label || /^[QA]$/.test(label) || countWords(label) > 4) continue;
    const t = turns.get(label.toLowerCase()) ?? { all: 0, statements: 0 };
    t.all += 1;
    if (!/\?["”]?$/.test(text.trim())) t.statements += 1;
    turns.set(label.toLowerCase(), t);
  }
  const answerLabels = [...turns].filter(([, t]) => t.all >= 2 && t.statements * 2 > t.all).sort((a, b) => b[1].statements - a[1].statements);
  // A host's or outlet's label ("HOST:", "NPR:") names no person; the guest's label does.
  const labelledPerson = answerLabels.map(([label]) => byForm(label)).find((p) => p !== undefined);
  if (labelledPerson) return labelledPerson;
  if (answerLabels.length >= 2) return undefined;
  const intervieweeIn = (text: string): NamedEntity | undefined => {
    for (const m of text.matchAll(STANDFIRST)) {
      const name = (m[1] ?? m[2] ?? m[3])!;
      const found = people.filter((p) => formsOf(p).some((f) => name.startsWith(f) || f.startsWith(name)));
      if (found.length === 1) return found[0];
    }
    return undefined;
  };
  for (const s of intro.length ? intro : sentences.slice(0, 3)) {
    const found = intervieweeIn(s.text);
    if (found) return found;
    // "She spoke with the Courier": the one speaking is the interviewee when the one spoken with is the outlet.
    const withOutlet = /^(She|He|(?:[\p{Lu}][\p{L}.'’-]+\s+){0,2}[\p{Lu}][\p{L}'’-]+)\s+(?:spoke|talked|sat down)\s+(?:recently\s+)?with\s+the\s+\p{Lu}/u.exec(s.text);
    if (withOutlet) {
      const subject = /^(?:She|He)$/.test(withOutlet[1]!) ? intro.flatMap((x) => people.filter((p) => p.sentenceIds.includes(x.id)))[0] : byForm(withOutlet[1]!);
      if (subject) return subject;
    }
    // "Harlow County Clerk Rosa Lindqvist sat down with reporters from the Harlow Ledger": the one who sat down with
    // reporters is the interviewee (the outlet after "from" is no person).
    const withReporters = /\b(?:spoke|talked|sat down|met)\s+(?:recently\s+)?with\s+(?:a group of\s+|several\s+|two\s+|three\s+)?(?:reporters|journalists|editors|students|writers)\b/.exec(s.text);
    if (withReporters) {
      const before = s.text.slice(0, withReporters.index);
      const subjects = people.filter((p) => formsOf(p).some((f) => before.includes(f)));
      if (subjects.length === 1) return subjects[0];
    }
    // "Lena Ortiz spoke with Halima Brandt": if the one spoken with is no person the article found, the one speaking
    // (the interviewer) must not be taken instead.
    if ([...s.text.matchAll(STANDFIRST)].length > 0) return undefined;
  }
  const named = intro.flatMap((s) => people.filter((p) => p.sentenceIds.includes(s.id)));
  return named[0] ?? [...people].sort((a, b) => b.mentions - a.mentions)[0];
}

const STANDFIRST = /\b(?:spoke|talked|sat down|met|caught up)\s+(?:recently\s+)?(?:with|to)\s+(?:(?:the|former|new|[\p{Ll}-]+)\s+){0,4}?((?:[\p{Lu}][\p{L}.'’-]+\s+){0,3}[\p{Lu}][\p{L}'’-]+)|\binterview(?:ed)?\s+(?:with\s+)?(?:(?:the|former|new|[\p{Ll}-]+)\s+){0,4}?((?:[\p{Lu}][\p{L}.'’-]+\s+){0,3}[\p{Lu}][\p{L}'’-]+)|\b(?:we|I)\s+asked\s+((?:[\p{Lu}][\p{L}.'’-]+\s+){0,3}[\p{Lu}][\p{L}'’-]+)/gu;

/** The pronoun that is the subject of a speech verb ("she said", "said he"), if any. */
function pronounSubject(outside: string, verbs: number[]): string | undefined {
  for (const v of verbs) {
    const found = /\b(he|she)\s+$/i.exec(outside.slice(Math.max(0, v - 6), v))?.[1] ?? /^\S+\s+(he|she)\b/i.exec(outside.slice(v))?.[1];
    if (found) return found.toLowerCase();
  }
  return undefined;
}

const FEMALE_KIN = /^(mother|daughter|wife|sister|grandmother|granddaughter|aunt|niece|mom)$/i;
const MALE_KIN = /^(father|son|husband|brother|grandfather|grandson|uncle|nephew|dad)$/i;
function kinGender(word: string): "f" | "m" | undefined {
  return FEMALE_KIN.test(word) ? "f" : MALE_KIN.test(word) ? "m" : undefined;
}

/**
 * Each person's grammatical gender as the article shows it, when it does: an honorific ("Ms Vance"), a kinship
 * appositive ("her father, Anton Moll"), or the pronouns in sentences that name only them ("Henrike Moll … her sleeve").
 * Used only to tell apart the candidates for "she said"; a person with no evidence fits either pronoun.
 */
function gendersOf(people: NamedEntity[], sentences: Sentence[]): Map<string, "f" | "m"> {
  const votes = new Map<string, { f: number; m: number }>();
  const vote = (name: string, g: "f" | "m", n = 1) => {
    const v = votes.get(name) ?? { f: 0, m: 0 };
    v[g] += n;
    votes.set(name, v);
  };
  for (const person of people) {
    for (const form of formsOf(person)) {
      if (/^(Mr|Mister)\.?\s/.test(form)) vote(person.name, "m", 3);
      if (/^(Ms|Mrs|Miss)\.?\s/.test(form)) vote(person.name, "f", 3);
    }
  }
  const kinPatterns = people.map((person) => new RegExp(`\\b(?:his|her|their|[\\p{Lu}][\\p{L}'’-]+['’]s)\\s+(\\p{Ll}+),\\s+${escapeForRegex(person.name)}\\b`, "iu"));
  sentences.forEach((sentence, i) => {
    const text = sentence.text.replace(QUOTE, " ");
    for (const [p, person] of people.entries()) {
      const kin = /,/.test(text) ? kinPatterns[p]!.exec(text) : null;
      const g = kin ? kinGender(kin[1]!) : undefined;
      if (g) vote(person.name, g, 3);
    }
    const named = people.filter((p) => p.sentenceIds.includes(sentence.id));
    if (named.length !== 1) return;
    const [person] = named;
    const at = Math.max(0, ...formsOf(person!).map((f) => text.indexOf(f)));
    const after = text.slice(at);
    // The next sentence of the paragraph counts when it names no one else ("… since 2021. Next month … her plan").
    const nextSentence = sentences[i + 1];
    const next = nextSentence && nextSentence.paragraph === sentence.paragraph && !people.some((p) => p !== person && p.sentenceIds.includes(nextSentence.id)) ? nextSentence.text.replace(QUOTE, " ") : "";
    const f = (after.match(/\b(she|her|hers|herself)\b/gi)?.length ?? 0) + (next.match(/\b(she|her|hers|herself)\b/gi)?.length ?? 0);
    const m = (after.match(/\b(he|him|his|himself)\b/gi)?.length ?? 0) + (next.match(/\b(he|him|his|himself)\b/gi)?.length ?? 0);
    if (f && !m) vote(person!.name, "f");
    if (m && !f) vote(person!.name, "m");
  });
  const out = new Map<string, "f" | "m">();
  for (const [name, v] of votes) if (v.f !== v.m) out.set(name, v.f > v.m ? "f" : "m");
  return out;
}

/** Words that announce a title in quotation marks: "his book “The Art of the Deal”", "a report titled “…”". */
const TITLE_CUE = /\b(?:book|books|memoir|novel|essay|column|op-ed|article|report|study|paper|film|movie|documentary|show|series|episode|song|album|podcast|play|poem|speech|lecture|exhibit|exhibition|titled|entitled|called|named|headlined|slogan|motto|campaign)\s*,?\s*$/i;
const MINOR_WORDS = new Set(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "vs"]);

/**
 * A title in quotation marks is not anyone's words (the sixth blind rating's who-said item on a book's title): the
 * quoted text comes right after a title word ("the book “…”", "titled “…”"), or it is in title case with no
 * sentence punctuation (every word but the small ones capitalised).
 */
export function isQuotedTitle(text: string, before: string): boolean {
  if (TITLE_CUE.test(before)) return true;
  const words = text.replace(/[,.;:!?]+$/, "").split(/\s+/);
  if (words.length > 10 || /[.!?;]\s/.test(text)) return false;
  const major = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  return major.length >= 2 && major.every((w) => /^[\p{Lu}\d]/u.test(w)) && !/^(?:I|We|You|He|She|They|It)$/.test(words[0]!);
}

function escapeForRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function speakerNear(outside: string, verbs: number[], entities: NamedEntity[], people: NamedEntity[], sentences: Sentence[], index: number): Mention | undefined {
  const candidates: Mention[] = [];
  const joined = joinedSpans(outside);
  for (const entity of people) {
    for (const match of outside.matchAll(wordPattern(formsOf(entity), false))) {
      // "…, joined by Justices Hart and Amsel": a justice who only joined an opinion did not write its words.
      if (joined.some(([from, to]) => (match.index ?? 0) >= from && (match.index ?? 0) < to)) continue;
      candidates.push({ entity, at: match.index ?? 0, by: "name" });
    }
  }
  for (const match of outside.matchAll(DESCRIPTION)) {
    const modifier = match[1]!.trim().split(/\s+/).at(-1)?.toLowerCase();
    const role = match[2]!.toLowerCase();
    const person = (modifier ? resolveDescription(`${modifier} ${role}`, people, sentences, index) : undefined) ?? resolveDescription(role, people, sentences, index);
    if (person) candidates.push({ entity: person, at: (match.index ?? 0) + match[0].length - match[2]!.length, by: "description" });
  }
  // The speaker is the subject before the verb ("Liu said", "Liu, the envoy, warned") or right after it ("said Liu").
  const distance = (m: Mention) =>
    Math.min(
      ...verbs.map((v) => {
        const end = m.at + m.entity.name.length;
        if (m.at < v) return v - Math.min(end, v) <= 150 ? v - m.at : Infinity;
        return m.at - v <= 25 ? m.at - v : Infinity;
      }),
    );
  const pronouns = [...outside.matchAll(PRONOUN)].map((m) => m.index ?? 0);
  const pronounDistance = Math.min(...pronouns.map((p) => Math.min(...verbs.map((v) => (p < v ? v - p : p - v <= 6 ? p - v : Infinity)))), Infinity);
  const best = candidates.filter((c) => distance(c) < Infinity).sort((a, b) => distance(a) - distance(b) || a.at - b.at)[0];
  if (best && distance(best) < pronounDistance) return best;
  if (best || pronounDistance < Infinity) return undefined;
  // Organizations speak only as the subject of the verb: "the ministry said", "The federation, which …, called the vote …".
  const firstVerb = Math.min(...verbs);
  for (const entity of entities.filter((e) => e.kind === "organization")) {
    for (const form of formsOf(entity)) {
      const at = outside.indexOf(form);
      if (at >= 0 && at < firstVerb && firstVerb - at <= 150) return { entity, at, by: "name" };
      if (new RegExp(`\\b(?:said|says)\\s+(?:the\\s+)?${wordPattern([form], false).source}`, "u").test(outside)) return { entity, at: 0, by: "name" };
    }
  }
  return undefined;
}

const NAME = String.raw`\p{Lu}[\p{L}.'’-]+(?:\s+(?:of\s+|de\s+|van\s+)?\p{Lu}[\p{L}.'’-]+){0,4}`;
const JOINT_SUBJECT = new RegExp(`${NAME}(?:,[^,]{1,80},)?\\s+and\\s+(?:the\\s+|their\\s+|its\\s+)?${NAME}(?:,[^,]{1,80},)?\\s+(?:(?:have|had|also|both|jointly)\\s+)?(?:${SPEECH_VERBS})\\b`, "u");
const JOINT_ROLES = new RegExp(`\\b[Tt]he\\s+(?:${ROLE_NOUNS.join("|")})\\s+and\\s+(?:the\\s+)?(?:${ROLE_NOUNS.join("|")}|council|board|committee|ministry|department|agency|union|${NAME})\\s+(?:(?:have|had|also|both|jointly)\\s+)?(?:${SPEECH_VERBS})\\b`, "u");
const JOINT_AFTER = new RegExp(`\\b(?:said|says|wrote|announced|stated|declared)\\s+${NAME}\\s+and\\s+(?:the\\s+)?${NAME}`, "u");

/**
 * A statement two or more people or organizations make together: "in a joint statement", "jointly", "co-signed",
 * "both said", or a coordinated subject of the speech verb ("Ana Diaz and Li Wen, the two ministers, said"). No one of
 * them is its speaker, so it feeds no who-said or who-claims item.
 */
export function isJointStatement(outside: string): boolean {
  if (/\bjoint(?:ly)?\b|\bco-?signed\b|\bin a (?:shared|common) (?:statement|letter)\b|\bboth (?:said|say|wrote|agreed)\b|\b(?:said|wrote|announced) together\b/i.test(outside)) return true;
  return JOINT_SUBJECT.test(outside) || JOINT_AFTER.test(outside) || JOINT_ROLES.test(outside);
}

/** Character spans of "joined by X and Y" and "X (and Y) joined (the|her|his) dissent/opinion" phrases. */
export function joinedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const names = String.raw`(?:(?:Chief\s+)?Justices?\s+|Judges?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2}`;
  // Commas separate names only in a list that ends with "and" ("Hart, Amsel and Cole"); "Amsel, Justice Hart said" is two phrases.
  const list = `${names}(?:(?:\\s*,\\s*${names})*,?\\s+and\\s+${names})?`;
  for (const m of text.matchAll(new RegExp(`\\bjoined\\s+(?:in\\s+full\\s+|in\\s+part\\s+)?by\\s+${list}`, "gu"))) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const m of text.matchAll(new RegExp(`${list}\\s+(?:also\\s+)?joined\\s+(?:the|her|his|their|that|a|in\\s+the)\\s+(?:\\w+\\s+)?(?:dissent|opinion|concurrence|majority)`, "gu"))) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return spans;
}

/** The justice or judge who wrote the opinion a sentence calls "the dissent", "the majority" or "the concurrence". */
export function opinionWriter(kind: "dissent" | "majority" | "concurrence", people: NamedEntity[], sentences: Sentence[], index: number): NamedEntity | undefined {
  const word = kind === "dissent" ? "dissent(?:ing opinion)?" : kind === "majority" ? "majority(?: opinion)?|opinion for the court|court['’]s opinion" : "concurr(?:ence|ing opinion)";
  const wrote = new RegExp(`^(?:.*?\\b(?:Chief\\s+)?(?:Justice|Judge)\\s+)?(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,2})\\s*,?\\s+(?:who\\s+)?wrote\\s+(?:the|a|a\\s+separate|his|her)\\s+(?:${word})\\b|\\b(?:${word}),?\\s+(?:was\\s+)?written\\s+by\\s+(?:Chief\\s+)?(?:Justice\\s+|Judge\\s+)?(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){0,2})`, "u");
  for (let i = index; i >= Math.max(0, index - 4); i--) {
    const m = wrote.exec(sentences[i]!.text);
    const name = m?.[1] ?? m?.[2];
    if (!name) continue;
    const found = people.filter((p) => formsOf(p).some((f) => f === name || name.endsWith(` ${f}`) || f.endsWith(` ${name}`)));
    if (found.length === 1) return found[0];
  }
  return undefined;
}

/** "the ambassador" → the one person the article gives that role, or the one with that role mentioned nearest. */
export function resolveDescription(role: string, people: NamedEntity[], sentences: Sentence[], index: number): NamedEntity | undefined {
  const withRole = people.filter((p) => p.roles.includes(role));
  if (withRole.length === 0) return undefined;
  if (withRole.length === 1) return withRole[0];
  const position = (p: NamedEntity) => Math.min(...p.sentenceIds.map((id) => Math.abs(sentences.findIndex((s) => s.id === id) - index)));
  // The person the article is about (at least twice the mentions of any other with the role) is "the prime minister".
  const byMentions = [...withRole].sort((a, b) => b.mentions - a.mentions);
  if (byMentions[0]!.mentions >= 2 * byMentions[1]!.mentions) return byMentions[0];
  const sorted = [...withRole].sort((a, b) => position(a) - position(b) || b.mentions - a.mentions);
  if (position(sorted[0]!) < position(sorted[1]!)) return sorted[0];
  // Equally near: the one the article is about (clearly more mentions), else no guess.
  return sorted[0]!.mentions >= 2 * sorted[1]!.mentions ? sorted[0] : undefined;
}

const SAYS = "(?:said|say|says|told|tell|added|warned|argued|believe|believes|estimated|estimate|reported|report)";
/** An unnamed source is one that speaks: "officials said", "said two diplomats", "on condition of anonymity" — not "six officials" on a list. */
const ANONYMOUS = new RegExp(`\\b((?:U\\.S\\.\\s+|senior\\s+|government\\s+|western\\s+|some\\s+|two\\s+|three\\s+)?(?:officials|sources|diplomats|an official|a (?:senior |U\\.S\\. |government )?(?:official|source|person|diplomat)|people familiar with [^,]+))\\s+(?:have\\s+|has\\s+|had\\s+)?${SAYS}\\b|\\b${SAYS}\\s+(?:\\w+\\s+){0,2}(officials|sources|diplomats)\\b|on condition of anonymity|who (?:asked|spoke) (?:not to be named|on condition)`, "i");
const DOCUMENT = /\baccording to (?:a|an|the|its|their|new|recent)?\s*(?:[\p{L}-]+\s+){0,3}?(report|study|survey|document|documents|statement|filing|filings|data|figures|records|letter|memo|analysis|poll|resolution|court papers|estimate|estimates|budget|audit|census|release)\b(?!\s+(?:office|offices|department|committee|director|officials?|team|chief|unit|staff|spokes\w+))/iu;
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
    if (isJointStatement(outside)) return;
    const reported = new RegExp(`(?<![\\p{L}])(${people.flatMap(formsOf).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)"})\\s+(?:has\\s+|had\\s+)?(said|says|argued|argues|claimed|claims|insisted|warned|contended|maintained|believes|wrote)\\s+(?:that\\s+)?(.{15,})$`, "u").exec(text);
    if (reported) {
      const entity = people.find((p) => formsOf(p).includes(reported[1]!))!;
      const claim = reported[3]!.replace(/[.!]$/, "");
      // "Greer wrote the dissent, joined by …" names who wrote what, not a claim.
      if (countWords(claim) >= 5 && !/^["“]/.test(claim) && !/^(?:the|a|an|his|her|a separate)\s+(?:\w+\s+)?(?:dissent|opinion|concurrence|majority)\b/i.test(claim)) out.push({ sentenceId: sentence.id, claim, source: entity.name, sourceKind: kindOfEntity(entity) });
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
