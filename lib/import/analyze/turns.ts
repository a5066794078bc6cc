/**
 * Transcript turns: who speaks each paragraph of a Q&A or a broadcast transcript. Every common shape is read the
 * same way, paragraph by paragraph:
 *
 * - labelled turns: "Q:" / "A:", "HOST:" / "GUEST NAME:", "DANA MERCER, HOST:" then "MERCER:", "Interviewer:" /
 *   "Okafor:" (bold labels arrive here as plain "Name:" text), a label alone on its line before the turn's text;
 * - unlabelled Q&A (magazine style): question paragraphs (ending in "?", or a short request such as "Tell me about
 *   the first summer.") each followed by the guest's answer paragraphs.
 *
 * A label is the interviewer's when it says so (Q, HOST, INTERVIEWER, MODERATOR …) or when most of its turns end in a
 * question; every other label is a guest's, credited to the person the label names (never to a person a question
 * names). An unlabelled paragraph continues the turn before it, unless it talks about that turn's speaker in the third
 * person (the writer's narration between answers). Paragraphs before the first turn are the introduction.
 */
import type { NamedEntity, Sentence } from "../types";
import { formsOf } from "./entities";

export type TurnRole = "intro" | "interviewer" | "guest" | "narration";

export interface Turn {
  paragraph: number;
  role: TurnRole;
  /** The page's label for the speaker ("MERCER", "Q", "Interviewer"), when the turn has one. */
  label?: string;
  /** The person who speaks the turn, by canonical name, when the article names them. */
  speaker?: string;
  /** The turn's last sentence asks a question (or the turn is a request: "Tell me about …"). */
  question: boolean;
  /** Index of the question-and-answer exchange this paragraph belongs to (0-based; -1 for the introduction). */
  exchange: number;
}

export interface Transcript {
  shape: "labels" | "qa" | "bold";
  /** One turn per paragraph, in reading order: the introduction, then every paragraph from the first turn on. */
  turns: Turn[];
  /** The guests who answer, by canonical name, most turns first. */
  guests: string[];
}

/** "DANA MERCER, HOST:", "MERCER:", "Q:", "Ms. Fenwick:", "Interviewer:", "Gabriel Okafor (ombudsman):". */
const LABEL = /^((?:[\p{Lu}][\p{L}.'’-]*)(?:\s+(?:de |van |von |al-)?[\p{Lu}][\p{L}.'’-]*){0,3})(?:\s*,\s*((?:[\p{L}-]+\s*){1,4}?)|\s*\(([^)]{1,40})\))?\s*:\s*/u;
const INTERVIEWER_WORD = /^(?:Q|Question|HOST|CO-?HOST|INTERVIEWER|MODERATOR|ANCHOR|REPORTER|PRESENTER|EDITOR|INTERVIEW)$/i;
const GUEST_WORD = /^(?:A|Answer|GUEST)$/i;
/** Words that open a line with a colon but name no speaker. */
const NOT_A_SPEAKER = /^(?:Note|Update|Updated|Correction|Editor['’]?s note|Related|Photo|Image|Video|Listen|Watch|Read more|Read|Also|Tip|Source|Sources|Credit|Warning|Disclosure|Transcript|Summary|Background|Context|Why|What|How|Who|When|Where|Plus|Bottom line|The bottom line|Yes|No|Here|Step \d+|Part \d+|Chapter \d+|Advertisement)$/i;
const REQUEST = /^(?:Tell|Talk|Walk|Describe|Explain|Take|Give|Help)\s+(?:me|us|our readers|listeners)?\b|^(?:Let['’]s talk|I['’]d like to ask|I want to ask|One more question|Last question)\b/i;

interface Paragraph {
  index: number;
  text: string;
  sentences: Sentence[];
  kind: Sentence["kind"];
}

function paragraphsOf(sentences: readonly Sentence[]): Paragraph[] {
  const out = new Map<number, Paragraph>();
  for (const s of sentences) {
    const p = out.get(s.paragraph);
    if (p) {
      p.text = `${p.text} ${s.text}`;
      p.sentences.push(s);
    } else out.set(s.paragraph, { index: s.paragraph, text: s.text, sentences: [s], kind: s.kind });
  }
  return [...out.values()].sort((a, b) => a.index - b.index);
}

/** The speaker label at the start of a paragraph, with the words after it; undefined when there is none. */
export function labelOf(text: string): { name: string; role?: string; rest: string } | undefined {
  // A press-conference transcript's "Q    Mr. President, …" (the spaces collapse to one): Q with no colon.
  const q = /^Q\s+(?=\p{Lu})/u.exec(text);
  if (q && !/^Q\s+(?:and|or|&)\s/.test(text)) return { name: "Q", rest: text.slice(q[0].length) };
  const m = LABEL.exec(text);
  if (!m) return undefined;
  const name = m[1]!.trim();
  if (NOT_A_SPEAKER.test(name) || name.split(/\s+/).length > 4) return undefined;
  // "In 2024: …", "March 3: …" are dates; a label is a name or a role word.
  if (/\d/.test(name)) return undefined;
  const role = (m[2] ?? m[3])?.trim();
  if (role && role.split(/\s+/).length > 4) return undefined;
  return { name, ...(role ? { role } : {}), rest: text.slice(m[0].length) };
}

const endsInQuestion = (text: string) => /\?["”’)]?\s*$/.test(text);

/** A question paragraph of an unlabelled Q&A: it ends in a question (and is not long), or is a short request. */
function isQuestionParagraph(p: Paragraph): boolean {
  const words = p.text.split(/\s+/).length;
  if (p.kind !== "paragraph") return false;
  if (/^Q\s*[:.]\s/.test(p.text)) return true;
  if (endsInQuestion(p.text)) return words <= 80;
  return words <= 20 && REQUEST.test(p.text) && /[.!]$/.test(p.text.trim());
}

export function findTranscript(sentences: readonly Sentence[], people: readonly NamedEntity[], interviewee?: NamedEntity, bold: ReadonlySet<number> = new Set()): Transcript | undefined {
  const paragraphs = paragraphsOf(sentences);
  return labelledTranscript(paragraphs, people, interviewee) ?? boldTranscript(paragraphs, people, bold, interviewee) ?? qaTranscript(paragraphs, people, interviewee);
}

/**
 * The people an introduction declares as hosts and as guests: "Podcast host Neal Ford and Mike Mason | Podcast guest
 * Scott Shaw and Xu Hao", "hosted by Dana Mercer", "Neal Ford and Mike Mason are joined by Scott Shaw and Xu Hao".
 * Names as written (matched to labels by full name, first name or surname).
 */
export function declaredRoles(intro: readonly string[]): { hosts: string[]; guests: string[] } {
  const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}`;
  const LIST = String.raw`(${NAME}(?:\s*(?:,|and|&)\s*${NAME})*)`;
  const split = (list: string) => list.split(/\s*(?:,|\band\b|&)\s*/).map((n) => n.trim()).filter(Boolean);
  const hosts: string[] = [];
  const guests: string[] = [];
  for (const text of intro) {
    for (const m of text.matchAll(new RegExp(String.raw`\b(?:co-?)?hosts?\s*:?\s+(?:is\s+|are\s+)?${LIST}|\bhosted by\s+${LIST}`, "gu"))) hosts.push(...split((m[1] ?? m[2])!));
    for (const m of text.matchAll(new RegExp(String.raw`\bguests?\s*:?\s+(?:is\s+|are\s+)?${LIST}`, "gu"))) guests.push(...split(m[1]!));
    const joined = new RegExp(String.raw`${LIST}\s+(?:are|is)\s+joined by\s+${LIST}`, "u").exec(text);
    if (joined) {
      hosts.push(...split(joined[1]!));
      guests.push(...split(joined[2]!));
    }
  }
  const clean = (names: string[]) => [...new Set(names.filter((n) => !/^(?:The|This|Our|Podcast|Episode|Guest|Host)$/.test(n)))];
  const g = clean(guests);
  return { hosts: clean(hosts).filter((h) => !g.includes(h)), guests: g };
}

/** Does a label ("Neal", "FORD", "Neal Ford") name one of these people as written ("Neal Ford")? */
function labelNames(label: string, names: readonly string[]): boolean {
  const l = label.toLowerCase();
  return names.some((n) => {
    const parts = n.toLowerCase().split(/\s+/);
    return n.toLowerCase() === l || parts[0] === l || parts.at(-1) === l;
  });
}

function personOfLabel(label: string, people: readonly NamedEntity[]): NamedEntity | undefined {
  const lower = label.toLowerCase().replace(/^(?:mr|mrs|ms|dr|director|judge|senator|sen|gov|mayor)\.?\s+/, "");
  const exact = people.filter((p) => formsOf(p).some((f) => f.toLowerCase() === label.toLowerCase() || f.toLowerCase() === lower));
  if (exact.length === 1) return exact[0];
  // "MERCER" for Dana Mercer: the one person whose surname it is.
  const bySurname = people.filter((p) => p.name.includes(" ") && p.name.split(/\s+/).at(-1)!.toLowerCase() === lower.split(/\s+/).at(-1));
  if (bySurname.length === 1) return bySurname[0];
  // A podcast's first-name labels ("Neal:" for Neal Ford): the one person with that first name.
  if (/\s/.test(lower)) return undefined;
  const byFirst = people.filter((p) => p.name.includes(" ") && p.name.split(/\s+/)[0]!.toLowerCase() === lower);
  return byFirst.length === 1 ? byFirst[0] : undefined;
}

function labelledTranscript(paragraphs: Paragraph[], people: readonly NamedEntity[], interviewee?: NamedEntity): Transcript | undefined {
  // A label alone on its line ("DANA MERCER, HOST:") labels the paragraph after it.
  const labels = new Map<number, { key: string; name: string; role?: string }>();
  const keyOf = (name: string) => {
    const person = personOfLabel(name, people);
    return person ? `person:${person.name}` : `label:${name.toLowerCase()}`;
  };
  for (const [i, p] of paragraphs.entries()) {
    if (p.kind === "blockquote") continue;
    const label = labelOf(p.text);
    if (!label) continue;
    const target = label.rest.trim() === "" ? paragraphs[i + 1] : p;
    if (!target || labels.has(target.index)) continue;
    labels.set(target.index, { key: keyOf(label.name), name: label.name, ...(label.role ? { role: label.role } : {}) });
  }
  // Only labels used for two turns or more (or Q/A and role words) are speakers; a lone "Background:" is not.
  const uses = new Map<string, number>();
  for (const l of labels.values()) uses.set(l.key, (uses.get(l.key) ?? 0) + 1);
  for (const [index, l] of labels) {
    const roleWord = INTERVIEWER_WORD.test(l.name) || GUEST_WORD.test(l.name) || (l.role !== undefined && INTERVIEWER_WORD.test(l.role));
    if ((uses.get(l.key) ?? 0) < 2 && !roleWord && !l.key.startsWith("person:")) labels.delete(index);
  }
  const speakers = new Set([...labels.values()].map((l) => l.key));
  if (labels.size < 4 || speakers.size < 2) return undefined;

  // Each paragraph's turn: its own label, else the turn it continues.
  const textOf = new Map(paragraphs.map((p) => [p.index, p]));
  const first = Math.min(...labels.keys());
  const owner = new Map<number, { key: string; name: string; role?: string }>();
  let current: { key: string; name: string; role?: string } | undefined;
  for (const p of paragraphs) {
    if (p.index < first) continue;
    const label = labels.get(p.index);
    if (label) current = label;
    if (labelOf(p.text)?.rest.trim() === "") continue;
    if (current) owner.set(p.index, current);
  }
  // Interviewer labels: a role word, or most turns ending in a question.
  const stats = new Map<string, { turns: number; questions: number; role: boolean }>();
  for (const [index, l] of labels) {
    const turnEnd = lastOfTurn(index);
    const s = stats.get(l.key) ?? { turns: 0, questions: 0, role: false };
    s.turns += 1;
    if (turnEnd && endsInQuestion(turnEnd.text)) s.questions += 1;
    if (INTERVIEWER_WORD.test(l.name) || (l.role && INTERVIEWER_WORD.test(l.role))) s.role = true;
    if (GUEST_WORD.test(l.name)) s.role = false;
    stats.set(l.key, s);
  }
  // The introduction's "Podcast host Neal Ford and Mike Mason | Podcast guest Scott Shaw" settles it for a panel, where
  // the hosts talk at length and a guest may ask back.
  const declared = declaredRoles(paragraphs.filter((p) => p.index < first).map((p) => p.text));
  const nameOfKey = new Map([...labels.values()].map((l) => [l.key, l.key.startsWith("person:") ? l.key.slice("person:".length) : l.name]));
  const isDeclared = (key: string, names: string[]) => names.length > 0 && (labelNames(nameOfKey.get(key) ?? "", names) || [...labels.values()].some((l) => l.key === key && labelNames(l.name, names)));
  const interviewers = new Set(
    [...stats]
      .filter(([key, s]) => {
        if (isDeclared(key, declared.hosts)) return true;
        if (isDeclared(key, declared.guests)) return false;
        return s.role || (!GUEST_WORD.test(key.replace(/^label:/, "")) && s.turns >= 2 && s.questions * 2 >= s.turns);
      })
      .map(([key]) => key),
  );
  if (interviewers.size === 0 || interviewers.size === speakers.size) return undefined;

  // "Q:"/"A:" pages are print interviews, where the writer's analysis sits between answers; name labels are mostly
  // broadcast transcripts, where an answer runs on over several unlabelled paragraphs.
  const qaLabels = [...labels.values()].some((l) => GUEST_WORD.test(l.name));
  const turns = new Map<number, Turn>();
  for (const p of paragraphs) if (p.index < first) turns.set(p.index, { paragraph: p.index, role: "intro", question: false, exchange: -1 });
  const guestTurns = new Map<string, number>();
  let exchange = -1;
  let previousRole: TurnRole | undefined;
  for (const p of paragraphs) {
    const who = owner.get(p.index);
    if (!who) continue;
    const isInterviewer = interviewers.has(who.key);
    const person = who.key.startsWith("person:") ? who.key.slice("person:".length) : GUEST_WORD.test(who.name) ? interviewee?.name : undefined;
    let role: TurnRole = isInterviewer ? "interviewer" : "guest";
    // A list item belongs to the paragraph it hangs from ("The plan commits the board to three things:" / "He also said:").
    const before = turns.get(paragraphs[paragraphs.indexOf(p) - 1]?.index ?? -1);
    if (p.kind === "list-item" && !labels.has(p.index) && before && before.role !== "intro") {
      turns.set(p.index, { ...before, paragraph: p.index, question: false });
      delete turns.get(p.index)!.label;
      continue;
    }
    // Narration between turns: an unlabelled paragraph that reads as the writer's, not the guest's (see narrates), or a
    // bracketed cue ("[BREAK]").
    if (!labels.has(p.index) && (/^\[[^\]]*\]$/.test(p.text.trim()) || (role === "guest" && narrates(p.text, people, people.find((x) => x.name === person), qaLabels)))) role = "narration";
    if (role === "interviewer" && previousRole !== "interviewer") exchange += 1;
    previousRole = role === "narration" ? previousRole : role;
    if (role === "guest" && person) guestTurns.set(person, (guestTurns.get(person) ?? 0) + 1);
    turns.set(p.index, { paragraph: p.index, role, ...(labels.get(p.index) ? { label: labels.get(p.index)!.name } : {}), ...(role !== "narration" && person ? { speaker: person } : {}), question: endsInQuestion(p.text), exchange: Math.max(0, exchange) });
  }
  const guests = [...guestTurns].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return { shape: "labels", turns: [...turns.values()].sort((a, b) => a.paragraph - b.paragraph), guests };

  function lastOfTurn(index: number): Paragraph | undefined {
    let last = textOf.get(index);
    for (const p of paragraphs) {
      if (p.index <= index) continue;
      if (labels.has(p.index) || labelOf(p.text)?.rest.trim() === "") break;
      last = p;
    }
    return last;
  }
}

const FIRST_PERSON = /\b(I|I['’]m|I['’]ve|I['’]d|I['’]ll|we|We|my|My|our|Our|me|us)\b/;
const NARRATION_WORDS = /\b(?:answer|answers|answered|interview|smiled|smiles|laughed|laughs|paused|pauses|shrugged|nodded|reached by phone|request for comment|did not respond|declined to comment)\b/i;

/**
 * An unlabelled paragraph inside a guest's turn that is the writer's narration, not the guest's words. After an "A:"
 * answer it continues only in the first person and never about the guest in the third person; after a name label
 * (a broadcast transcript) it continues unless it names someone or describes the guest ("The former president smiled"),
 * opens with "She"/"He", carries a quotation, or speaks of the interview itself ("an unusually candid answer").
 */
function narrates(text: string, people: readonly NamedEntity[], guest: NamedEntity | undefined, qaLabels: boolean): boolean {
  const outside = text.replace(/[“"][^”"]*[”"]/g, " ");
  if (aboutInThirdPerson(text, guest)) return true;
  if (qaLabels) return !FIRST_PERSON.test(outside);
  if (FIRST_PERSON.test(outside)) return false;
  if (/[“”"]/.test(text) || /^(?:She|He|They)\b/.test(text) || NARRATION_WORDS.test(outside)) return true;
  if (guest && guest.roles.some((r) => new RegExp(`\\b[Tt]he (?:former |new )?${r}\\b`).test(outside))) return true;
  return people.some((p) => formsOf(p).some((f) => f.length > 2 && outside.includes(f)));
}

/** Talks about the person in the third person: names them, or opens with "She"/"He" ("Okonjo laughs. …"). */
function aboutInThirdPerson(text: string, person: NamedEntity | undefined): boolean {
  if (!person) return false;
  const outside = text.replace(/[“"][^”"]*[”"]/g, " ");
  // A guest does not name themselves: "Ms Nwosu is careful … When I suggested …" is the writer's, first person or not.
  if (formsOf(person).some((f) => new RegExp(`(?<![\\p{L}])${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").test(outside))) return true;
  return /^(?:She|He)\s/.test(text) && !FIRST_PERSON.test(outside);
}

/** The introduction's lead-in to a statement the guest opens with ("… began the interview with a statement on …"). */
const OPENS_WITH = /\b(?:began|begins|opened|opens|started|starts)\b[^.]*\bwith\b|\bstatement\b|:$/i;

/**
 * A print Q&A whose questions the page set in bold (three or more bold paragraphs, most of them asking): every bold
 * paragraph is the interviewer's, bold or not a question ("**In September, … you encouraged New Yorkers to …**"); the
 * paragraphs after it are the guest's answer, except the writer's narration (see narrates). First-person paragraphs of
 * the introduction after a lead-in such as "The mayor … began the interview with a statement on local journalism." are
 * the guest's too.
 */
function boldTranscript(paragraphs: Paragraph[], people: readonly NamedEntity[], bold: ReadonlySet<number>, interviewee?: NamedEntity): Transcript | undefined {
  const asked = paragraphs.filter((p) => bold.has(p.index) && p.kind === "paragraph");
  if (!interviewee || asked.length < 3 || asked.filter((p) => endsInQuestion(p.text)).length * 2 < asked.length) return undefined;
  const first = asked[0]!.index;
  const turns: Turn[] = [];
  let leadIn = false;
  let exchange = -1;
  let role: TurnRole = "intro";
  for (const p of paragraphs) {
    if (p.index < first) {
      const outside = p.text.replace(/[“"][^”"]*[”"]/g, " ");
      // The statement runs on to the first question, in the first person ("I", and once it has begun "we" too).
      const speaking = turns.at(-1)?.role === "guest";
      if ((leadIn || speaking) && (speaking ? FIRST_PERSON : /\b(?:I|I['’]m|I['’]ve|my|me)\b/).test(outside) && !aboutInThirdPerson(p.text, interviewee)) {
        turns.push({ paragraph: p.index, role: "guest", speaker: interviewee.name, question: false, exchange: -1 });
        continue;
      }
      // The lead-in speaks of the guest: by name, by a role the article gives them ("The clerk, who …"), or as "She".
      const ofGuest = formsOf(interviewee).some((f) => p.text.includes(f)) || interviewee.roles.some((r) => new RegExp(`\\b[Tt]he ${r}\\b`).test(p.text)) || /^(?:The \p{Ll}+, who\b|(?:She|He)\s+(?:began|opened|started))/u.test(p.text.trim());
      leadIn = OPENS_WITH.test(p.text.trim()) && ofGuest;
      turns.push({ paragraph: p.index, role: "intro", question: false, exchange: -1 });
      continue;
    }
    if (bold.has(p.index)) {
      if (role !== "interviewer") exchange += 1;
      role = "interviewer";
      turns.push({ paragraph: p.index, role, question: endsInQuestion(p.text), exchange });
      continue;
    }
    if (p.kind === "blockquote" || narrates(p.text, people, interviewee, false) || /^\(.*\)$|^\[.*\]$/.test(p.text.trim())) {
      turns.push({ paragraph: p.index, role: "narration", question: false, exchange: Math.max(0, exchange) });
      continue;
    }
    role = "guest";
    turns.push({ paragraph: p.index, role, speaker: interviewee.name, question: endsInQuestion(p.text), exchange });
  }
  return { shape: "bold", turns, guests: [interviewee.name] };
}

function qaTranscript(paragraphs: Paragraph[], people: readonly NamedEntity[], interviewee?: NamedEntity): Transcript | undefined {
  const questionAt = paragraphs.map((p, i) => isQuestionParagraph(p) && paragraphs[i + 1] !== undefined && !isQuestionParagraph(paragraphs[i + 1]!) && paragraphs[i + 1]!.kind !== "blockquote");
  const count = questionAt.filter(Boolean).length;
  if (count < 3 || !interviewee) return undefined;
  const firstAt = questionAt.indexOf(true);
  const turns = new Map<number, Turn>();
  let exchange = -1;
  let role: TurnRole = "intro";
  for (const [i, p] of paragraphs.entries()) {
    if (i < firstAt) {
      turns.set(p.index, { paragraph: p.index, role: "intro", question: false, exchange: -1 });
      continue;
    }
    if (questionAt[i] || isQuestionParagraph(p)) {
      if (role !== "interviewer") exchange += 1;
      role = "interviewer";
      turns.set(p.index, { paragraph: p.index, role, question: true, exchange });
      continue;
    }
    // The writer's narration between answers ("The mayor laughs at her own answer …") ends the answer.
    if (role === "narration" || narrates(p.text, people, interviewee, false) || /^\(.*\)$|^\[.*\]$/.test(p.text.trim())) {
      role = "narration";
      turns.set(p.index, { paragraph: p.index, role, question: false, exchange });
      continue;
    }
    role = "guest";
    turns.set(p.index, { paragraph: p.index, role, speaker: interviewee.name, question: false, exchange });
  }
  return { shape: "qa", turns: [...turns.values()].sort((a, b) => a.paragraph - b.paragraph), guests: [interviewee.name] };
}

/** The turn of a paragraph, if the transcript has one. */
export function turnAt(transcript: Transcript | undefined, paragraph: number): Turn | undefined {
  if (!transcript) return undefined;
  let lo = 0;
  let hi = transcript.turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = transcript.turns[mid]!;
    if (t.paragraph === paragraph) return t;
    if (t.paragraph < paragraph) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
