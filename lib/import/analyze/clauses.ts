/**
 * Is this piece of text a full clause (a subject and a finite verb), and does it report a past event? Cheap
 * word-level rules, no parser: the cause-effect and ordering generators only use a piece of a sentence as a choice
 * when it reads as a statement of its own, and abstain otherwise.
 */

const AUXILIARY = /\b(is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|shall|did|does|do|isn['’]t|wasn['’]t|weren['’]t|hasn['’]t|haven['’]t|hadn['’]t|won['’]t|didn['’]t|doesn['’]t|don['’]t|can['’]t|couldn['’]t)\b/i;
/** Irregular past tenses a news story uses; a regular past ends in -ed. */
const IRREGULAR_PAST =
  "arose awoke beat bit bled blew bound burst clung crept dug drank fed forgave lit rang rode shone shrank spun stung strode swung wept wound overcame mistook became began bent bore brought built bought broke caught chose came cost cut dealt did drew drove ate fell fought found fled flew forbade forgot froze gave went got grew hung heard hid hit held hurt kept knew laid led left lent let lay lost made meant met paid put quit ran rose said saw sought sold sent set shook shot shut sang sank sat slew slept slid spoke spent split spread sprang stood stole stuck struck swore swept swam took taught tore told thought threw understood upheld undid woke wore won withdrew wrote overturned overtook overthrew";
const PAST = new RegExp(`\\b(?:${IRREGULAR_PAST.split(" ").join("|")})\\b|\\b[a-z]{2,}(?:ed)\\b`, "i");
/** Words ending in -ed that are not verbs in a news clause ("hundred", "red", "bed"), and participles used as adjectives after a determiner. */
const NOT_PAST = /\b(?:hundred|red|bed|shed|need|seed|speed|feed|breed|creed|greed|deed|steed|weed|bred|sacred|naked|wicked|kindred|rugged|ragged|wretched|beloved|alleged|so-called|detailed|limited|united|supposed|advanced|based|related|concerned|interested|experienced|skilled|talented|armed|married|retired|unidentified|unarmed|elected)\b/gi;
/** Present-tense verbs after a subject ("the bill requires", "she says"): a plural noun after a determiner is not one. */
const PRESENT_AFTER_SUBJECT = /\b(?:he|she|it|they|we|who|which|that|[A-Z][a-z]+|[a-z]+(?:ion|ment|ity|ure|ce|er|or|ee|ist|ent|ant))\s+(?:also\s+|now\s+|still\s+)?([a-z]{3,}(?:s|es))\b/;
const GERUND_START = /^[A-Za-z]+ing\b/;
const NOUN_PHRASE_START = /^(?:the|a|an|his|her|their|its|our|this|that)\s+[a-z-]+(?:\s+(?:of|for|in|on|to)\s+[a-z -]+)?$/i;

/** A finite verb anywhere in the text: an auxiliary or modal, a past tense, or a present tense right after a subject. */
export function hasFiniteVerb(text: string): boolean {
  if (AUXILIARY.test(text)) return true;
  if (PAST.test(text.replace(NOT_PAST, " "))) return true;
  return PRESENT_AFTER_SUBJECT.test(text);
}

/**
 * A clause that can stand as an answer choice: 3–30 words, starts with its subject (not a gerund, a connective or a
 * lowercase fragment that continues something), has a finite verb, is not a question, does not end on a
 * function word and has no unbalanced quotation mark or bracket.
 */
export function isFullClause(text: string): boolean {
  const t = text.trim().replace(/[.!]$/, "");
  // A sentence may open with a subordinate clause ("After rebels staged an uprising, troops …"): the main clause counts.
  const opener = /^(?:After|Before|When|While|Although|Though|As|Since|If|Once|Until)\s+[^,]{3,80},\s+(.+)$/.exec(t);
  if (opener && hasFiniteVerb(t.slice(0, t.length - opener[1]!.length))) return isFullClause(opener[1]!) && t.split(/\s+/).length <= 30;
  const words = t.split(/\s+/).filter(Boolean);
  if (words.length < 3 || words.length > 30) return false;
  if (/\?$/.test(t) || /[:;,—–-]$/.test(t)) return false;
  if (GERUND_START.test(t) && !/^(?:Nothing|Something|Everything|Anything|Sterling|Beijing|Browning|Fleming|Redding|Reading|Wyoming|Hastings|Jennings|Billings|Stirling|Ewing|King)\b/.test(t)) return false;
  if (/^(?:and|but|or|so|because|since|although|though|while|when|if|unless|whether|after|before|as|which|who|that|than|to|of|with|just|only|even)\b/i.test(t)) return false;
  if (NOUN_PHRASE_START.test(t)) return false;
  if (/\b(?:the|a|an|of|to|in|on|at|by|for|with|from|and|or|but|that|which|who|than|as|just|only|very|so)$/i.test(t)) return false;
  if ((t.match(/[“”"]/g) ?? []).length % 2 === 1 || (t.match(/\(/g) ?? []).length !== (t.match(/\)/g) ?? []).length) return false;
  return hasFiniteVerb(t);
}

/** Forecasts, plans, conditions and counts: not a past event someone did. */
const NOT_EVENT = /\b(?:will|would|could|can|might|may|should|if|unless|expects?|expected|forecasts?|forecast(?:ed)?|projects?|projected|predicts?|predicted|plans? to|planned|scheduled|is set to|are set to|is due|are due|aims? to|estimates?|estimated|percent|per cent|average|rate|rates|median|survey|poll|polls)\b|%/i;

/**
 * A past event with an actor: a past-tense verb, no forecast, plan, statistic or condition, and a subject that is
 * not a pronoun or "there" (the item is read out of context).
 */
export function isPastEvent(text: string): boolean {
  const t = text.trim();
  if (NOT_EVENT.test(t)) return false;
  if (/^(?:he|she|it|they|we|i|you|there|this|that|these|those|his|her|their|its)\b/i.test(t)) return false;
  if (!PAST.test(t.replace(NOT_PAST, " "))) return false;
  // Two or more figures besides a year are statistics ("rose 3.2 percent to 4,100"), not an event.
  // A vote's tally ("4-1", "by 124 votes to 109") is one figure of the event, not a statistic.
  const untallied = t.replace(/\b(?:1[89]|20)\d{2}\b/g, " ").replace(/\d+\s*[-–]\s*\d+|\d+\s+votes?\s+to\s+\d+/g, " N ");
  return (untallied.match(/\d[\d,.]*/g) ?? []).length < 2;
}
