/**
 * A question's stem must read as a whole sentence: not a transcript line with its speaker label ("KWAN: …"), not a
 * sentence shortened mid-phrase ("… and a roughly…?"), not a quotation cut before its point ("Not because I
 * convinced them of anything, but.").
 */
const LABEL = /^(?:[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3}|Q|A):\s/;
/** A function word right before the ellipsis that shortened the text: the phrase it opened is missing. */
const CUT_OFF = /\b(and|or|but|nor|a|an|the|of|to|for|with|by|in|on|at|as|than|roughly|about|nearly|almost|some|its|their|his|her|our|because|that|which|who|whose|is|are|was|were|will|would)\s*(?:…|\.\.\.)\s*[?”"]*\s*$/i;
/** A sentence that ends on a conjunction: the quotation stops before the clause it announced. */
const FRAGMENT = /\b(but|and|or|nor|yet|so|because|than|while|although)\s*[.!?]?\s*$/i;

/** "…, he added." The sentence's speaker was named in an earlier sentence the student does not see with the stem. */
const TRAILING_PRONOUN = /,\s*(?:he|she|they)\s+(?:said|says|added|adds|noted|notes|explained|explains|wrote|writes|argued|argues|told [\p{L}]+)\.?$/iu;
/** A statement or claim that opens on a pronoun ("It was the first …", "even if it did have such clout …"). */
const LEADING_PRONOUN = /^(?:even if |if |but |and |so |yet )?(?:it|they|he|she|this|these|those|such)\b(?!\s+(?:is|was) (?:true|time|not clear|unclear|likely|possible|hard|easy)\b)/i;

export function stemProblem(prompt: string): string | undefined {
  const quoted = [...prompt.matchAll(/[“"]([^”"]+)[”"]/g)].map((m) => m[1]!.trim());
  const statement = prompt.replace(/^True or false\?\s*/, "").replace(/^According to [^,]{1,60},\s*/, "");
  const segments = [statement, ...quoted];
  if (segments.some((s) => LABEL.test(s))) return "the stem starts with a speaker label";
  if (CUT_OFF.test(prompt) || quoted.some((s) => CUT_OFF.test(s))) return "the stem is cut off mid-phrase";
  if ([statement.replace(/[?”"\s]+$/, ""), ...quoted].some((s) => FRAGMENT.test(s.replace(/[”"]+$/, "")))) return "the stem is a cut-off fragment";
  // The stem's own words only: a sentence quoted from the article is shown with its context ("As it is used in this sentence …").
  const own = statement.replace(/[“"][^”"]*[”"]/g, " ").trim();
  const claim = /\b(?:claims?|says?|said|argues?|argued|believes?|thinks?|warns?|warned) that (.+)$/i.exec(own)?.[1];
  if ([own, claim ?? ""].some((s) => TRAILING_PRONOUN.test(s.replace(/[?”"\s]+$/, "")) || LEADING_PRONOUN.test(s))) return "the stem leans on a pronoun whose referent it does not name";
  return undefined;
}
