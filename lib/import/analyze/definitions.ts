/**
 * In-text definitions: the article's own explanation of a word, accepted only when it really is one. Writers define a
 * term with an appositive ("the filibuster, a tactic that lets a minority delay a vote,"), in brackets ("quorum (the
 * minimum number of members who must be present)"), between dashes, with "known as" / "called", "refers to",
 * "is defined as", "means" (a quoted or announced term only), or "X, or Y," — and they put many other things in
 * brackets and between commas that are not definitions: asides about a person ("(who declined to comment)",
 * "(pictured)", "(R-Texas)", "(file photo)", an age), descriptions of one thing ("the mayor, a retired teacher who
 * ran unopposed,"). A definition is general: no names, no figures, no pronouns for a person, no past-tense story.
 * An acronym spelled out ("the Environmental Protection Agency (EPA)") is recorded as what it stands for.
 */
import type { Sentence, TermDefinition } from "../types";
import { countWords } from "./text";
import { isKnown } from "./wordnet";

/** Words that are never a term a definition is about. */
const NOT_A_TERM = /^(?:the|a|an|this|that|these|those|it|its|he|she|they|we|you|i|one|ones|which|who|what|there|here|said|says|also|just|only|both|each|more|most|some|any|all|other|such|mr|mrs|ms|dr)$/i;

/**
 * Why a bracketed or inserted text is an aside rather than a definition, or undefined when it may be one. Asides:
 * a relative clause about someone ("who declined to comment"), photo furniture ("pictured", "file photo", "left"),
 * party and state ("R-Texas", "D-Calif."), an age or any figure, a cross-reference ("see below"), a pronoun start.
 */
export function asideReason(text: string): string | undefined {
  const t = text.trim().replace(/^[,(—–-]\s*|\s*[,)—–-]$/g, "");
  if (!t) return "empty";
  if (/^[RDI](?:-|–|\.\s*-?)\s*\p{Lu}/u.test(t) || /^(?:Rep|Dem|Sen|Ind|GOP)\b/.test(t) || /^(?:Republican|Democrat|Democratic|Independent)\b.*\b[A-Z][a-z]+\.?$/.test(t)) return "party and state";
  if (/^(?:pictured|photo|photograph|file photo|file|left|right|centre|center|above|below|top|bottom|inset|foreground|background|front|rear|seen|shown|second (?:from )?(?:left|right)|far (?:left|right)|standing|seated|video|audio|credit|courtesy|getty|reuters|ap|afp)\b/i.test(t)) return "photo or credit furniture";
  if (/\d/.test(t)) return "a figure (an age, a date, an amount)";
  if (/^(?:who|whom|whose|which|that|where|when|while|as|if|because|since|though|although)\b/i.test(t)) return "a clause about something, not a definition";
  if (/^(?:see|read|watch|listen|click|updated|corrected|sic|not|now|then|formerly|née|nee|born|aged?|also|still|later|earlier|again|so|yes|no|he|she|they|it|we|i|you|his|her|their|our|my|him|them|us|me|and|but|or\s+so|for (?:example|instance|now)|in (?:english|spanish|french|translation)|translated|roughly|around|about|approximately|nearly|almost|more or less|pronounced|emphasis|laughs|applause|inaudible|crosstalk)\b/i.test(t)) return "an aside";
  if (/\b(?:he|she|him|his|her|hers|himself|herself)\b/i.test(t)) return "about one person";
  if (/\b(?:former|retired|longtime|late|then-|onetime|ex-)\b/i.test(t)) return "about one person";
  // The writer's or the reader's own case ("medicine (the path my brother took)") and a pointer back into the text
  // ("the academy (a shabby cousin to these grander professions)") describe this article's thing, not the word.
  if (/\b(?:me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours)\b/.test(t) || /\b(?:I|We|You|My|Our|Your)\b/.test(t)) return "about the writer or the reader";
  if (/\b(?:these|those)\b/i.test(t)) return "points back into the text";
  return undefined;
}

const INSTITUTIONS = /\b(?:Senate|House(?: of Representatives| of Commons| of Lords)?|Congress|Parliament|Constitution|Supreme Court|Assembly|Legislature|Cabinet|Electoral College|First Amendment)\b/g;

/** Past-tense verbs that tell a story about one thing rather than say what a kind of thing is. */
const PAST = /\b(?:who|that|which)\s+(?:(?:also|had|has|have)\s+)?(?:was|were|had|did|said|told|spoke|asked|died|won|lost|made|took|gave|came|went|became|began|wrote|ran|led|left|declined|refused|\w+ed)\b/i;

/**
 * Why `meaning` is not a general definition of `term` (undefined when it is one): too short to say anything, an aside,
 * a name inside it (a description of one case), a story in the past tense, or a bare repeat of the term.
 */
export function definitionProblem(term: string, meaning: string, minWords = 2): string | undefined {
  const m = meaning.trim();
  if (NOT_A_TERM.test(term) || term.length < 3 || /\d/.test(term)) return "not a term";
  if (countWords(m) < minWords) return "too short to define";
  const aside = asideReason(m);
  if (aside) return aside;
  // A capitalized word after the first says which one ("a Democrat", "a court in Ohio"): a description, not a definition.
  // Institutions a general definition may name ("a simple majority in the Senate") do not count.
  if (/\s\p{Lu}/u.test(m.replace(/\bI\b/g, "i").replace(INSTITUTIONS, "x").replace(/\b\p{Lu}\p{Ll}+ (?=(?:word|term|name|phrase|expression)\b)/gu, "x "))) return "names one case";
  if (PAST.test(m)) return "a story in the past tense";
  if (/["“”]/.test(m)) return "a quotation";
  const termWords = term.toLowerCase().split(/\s+/);
  const meaningWords = m.toLowerCase().split(/\s+/);
  if (meaningWords.length <= termWords.length + 1 && termWords.every((w) => meaningWords.includes(w))) return "repeats the term";
  return undefined;
}

interface Pattern {
  regex: RegExp;
  term: number;
  definition: number;
  /** Fewest words the definition must have. */
  min: number;
  /** Only a word that is not English (WordNet does not know it): "ka'ak (sesame bread rings)". */
  foreign?: boolean;
  kind: string;
}

const TERM = "([a-z][a-z-]+(?: [a-z][a-z-]+)?)";
const QTERM = `["“‘']?${TERM}["”’']?`;

const PATTERNS: Pattern[] = [
  // "a filibuster (a long speech that delays a vote)", "quorum (meaning the minimum number present)"
  { regex: new RegExp(`\\b${TERM} \\(((?:a|an|the|meaning|which means|literally|i\\.e\\.,?|that is,?) [^()]{6,110})\\)`, "g"), term: 1, definition: 2, min: 3, kind: "brackets" },
  // "ahupuaʻa (land divisions running from the mountains to the sea)": a word of another language glossed in brackets
  { regex: /\b([\p{Ll}ʻ'’-]{4,}) \(([\p{Ll}][^()]{6,90}?)\)/gu, term: 1, definition: 2, min: 2, foreign: true, kind: "brackets" },
  // "the filibuster, a tactic that lets a minority delay a vote, …"
  {
    regex: new RegExp(`\\b(?:[Tt]he|[Aa]n?) ${TERM}, ((?:a|an) (?:[a-z-]+ ){0,3}[a-z-]+ (?:that|which|who|used to|meant to|designed to|in which|by which|through which) [^,;()—–]{4,100}?)(?:,|\\.$|;| [—–])`, "g"),
    term: 1,
    definition: 2,
    min: 4,
    kind: "appositive",
  },
  // "quorum — the minimum number of members who must be present —" / "… a quorum — the minimum number present."
  { regex: new RegExp(`\\b${TERM} [—–] ((?:a|an|the) [^—–]{8,110}?)(?: [—–]|\\.$)`, "g"), term: 1, definition: 2, min: 4, kind: "dash" },
  // "a process known as reconciliation" / "a rule called the filibuster"
  { regex: /\b((?:a|an) [a-z][^,;()"“]{12,90}?),? (?:known as|called) (?:a |an |the )?["“]?([a-z][a-z-]+(?: [a-z][a-z-]+)?)["”]?/g, term: 2, definition: 1, min: 4, kind: "known as" },
  // "The term “gerrymandering” refers to drawing …", "Quorum refers to …", "“Sine die” means without a day set"
  { regex: new RegExp(`^(?:(?:the|a) (?:term|word|phrase|expression) )?${QTERM},? (?:refers to|is defined as|describes) ([^;]{10,140}?)\\.?$`, "gi"), term: 1, definition: 2, min: 4, kind: "refers to" },
  { regex: new RegExp(`(?:^|\\b(?:the|a) (?:term|word|phrase|expression) )["“‘']${TERM}["”’'],? (?:means|refers to|is defined as) ([^;]{6,140}?)\\.?$`, "gi"), term: 1, definition: 2, min: 3, kind: "means" },
  { regex: new RegExp(`\\b(?:the|a) (?:term|word|phrase|expression) ${TERM},? (?:means|refers to|is defined as) ([^;]{6,140}?)\\.?$`, "gi"), term: 1, definition: 2, min: 3, kind: "means" },
  // "sanctions, or penalties, …"
  { regex: /\b([a-z][a-z-]{3,}), or ([a-z][a-z ]{4,40}),/g, term: 1, definition: 2, min: 2, kind: "or" },
];

/** Words that make "X, or Y," a second condition rather than a renaming ("…, or the envelope is unsigned,"). */
const OR_CLAUSE = /^(the|a|an|if|when|it|they|he|she|we|you|this|that|there|how|what|who|where|why|whether)\b|\b(is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might)\b/i;

export function inTextDefinitions(sentences: Sentence[]): TermDefinition[] {
  const out: TermDefinition[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    const text = sentence.text.trim();
    const inSentence: string[] = [];
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern.regex)) {
        const word = termOf(match[pattern.term]!);
        let meaning = match[pattern.definition]!.trim().replace(/^(meaning|which means|literally|i\.e\.,?|that is,?)\s+/i, "");
        if (pattern.kind === "refers to" || pattern.kind === "means") meaning = meaning.replace(/^to\s+/i, "");
        if (seen.has(word) || definitionProblem(word, meaning, pattern.min)) continue;
        if (pattern.foreign && (["n", "v", "a"] as const).some((p) => isKnown(word, p))) continue;
        if (pattern.kind === "or" && OR_CLAUSE.test(meaning)) continue;
        // A word of a term already defined in this sentence ("surgery" of "advice surgery") is not defined again.
        if (inSentence.some((t) => t.split(" ").includes(word))) continue;
        seen.add(word);
        inSentence.push(word);
        const found = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}\\b`, "i").exec(text)?.[0] ?? word;
        out.push({ term: word, definition: capitalize(meaning.replace(/[,;:]$/, "")), source: "article", found, sentenceId: sentence.id });
      }
    }
  }
  return out;
}

/** Function words a two-word match may have caught before the term ("to reconciliation —"). */
const LEADING = /^(?:the|a|an|to|of|in|on|at|by|for|with|from|into|and|or|but|as|is|are|was|were|be|its|his|her|their|our|this|that|called|named|use|used|using|turned|adopt|adopted|approve|approved|pass|passed|under|about)\s+/i;

/** The term of a match: lowercase, a leading function word dropped, a first word kept only when it is a noun or adjective. */
function termOf(raw: string): string {
  let word = raw.trim().toLowerCase();
  while (LEADING.test(word)) word = word.replace(LEADING, "");
  const [first, second] = word.split(" ");
  if (second && first && !first.includes("-") && !isKnown(`${first}_${second}`, "n") && !(["n", "a", "v"] as const).some((p) => isKnown(first, p))) word = second;
  return word;
}

const MINOR = /^(?:of|the|and|for|on|in|to|at|de|la|&)$/i;

/**
 * Acronyms the article spells out: "the Environmental Protection Agency (EPA)" or "EPA (Environmental Protection
 * Agency)", kept only when the initials of the spelled-out words give the acronym. Defined as what they stand for.
 */
export function acronymExpansions(sentences: Sentence[]): TermDefinition[] {
  const out: TermDefinition[] = [];
  const seen = new Set<string>();
  const initials = (name: string) =>
    name
      .split(/\s+/)
      .filter((w) => !MINOR.test(w))
      .map((w) => w[0]!.toUpperCase())
      .join("");
  for (const sentence of sentences) {
    const found: { acronym: string; name: string }[] = [];
    for (const m of sentence.text.matchAll(/((?:\p{Lu}[\p{L}'’-]+\s+)(?:(?:of|the|and|for|on|in|to|at|&|\p{Lu}[\p{L}'’-]+)\s+){0,7}\p{Lu}[\p{L}'’-]+)\s+\(\s*(\p{Lu}[\p{Lu}.&]{1,9}s?)\s*\)/gu)) {
      // The name may start a few words before the acronym's letters begin ("the Federal Emergency Management Agency").
      const words = m[1]!.split(/\s+/);
      const acronym = m[2]!.replace(/[.]|s$/g, "");
      for (let start = 0; start < words.length; start += 1) {
        const name = words.slice(start).join(" ");
        if (!MINOR.test(words[start]!) && initials(name) === acronym.replace(/&/g, "")) {
          found.push({ acronym: m[2]!, name });
          break;
        }
      }
    }
    for (const m of sentence.text.matchAll(/\b(\p{Lu}{2,8})\s+\(((?:the\s+)?\p{Lu}[\p{L}'’-]+(?:\s+(?:of|the|and|for|on|in|to|at|&|\p{Lu}[\p{L}'’-]+)){1,8})\)/gu)) {
      const name = m[2]!.replace(/^the\s+/i, "");
      if (initials(name) === m[1]) found.push({ acronym: m[1], name });
    }
    for (const { acronym, name } of found) {
      if (seen.has(acronym)) continue;
      seen.add(acronym);
      out.push({ term: acronym, definition: `Stands for ${name}.`, source: "article", found: acronym, sentenceId: sentence.id });
    }
  }
  return out;
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
