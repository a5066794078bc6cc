/** No question rests on page furniture: captions, credit lines, bylines, newsletter prompts. */
import { isFurniture } from "../analyze/sentences";

export function furnitureProblem(evidence: string, furnitureSentences: Set<string>): string | undefined {
  if (furnitureSentences.has(evidence) || isFurniture(evidence)) return "built from page furniture (a caption, credit or prompt)";
  if (isByline(evidence) || /^(photo by|image:|credit:)\s/i.test(evidence) || /^[A-Z][A-Z\s]+\s[-—–]{1,2}\s*$/.test(evidence)) return "built from a byline or dateline";
  return undefined;
}

/** Words after "By" that open a sentence, not a byline: "By 9 a.m., …", "By the time the polls closed, …", "By Friday, …". */
const BY_TIME = /^by\s+(?:\d|(?:the|a|an|then|now|that|this|early|late|mid|noon|midnight|dawn|dusk|nightfall|morning|evening|afternoon|lunchtime|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|contrast|comparison|law|design|far|most|some|many)\b)/i;

/** A byline: "By Jane Roe", "By JANE ROE, Staff Writer", "By Ana Diaz and Sam Lee | The Herald" — short, a name after "By". */
export function isByline(text: string): boolean {
  return /^by\s/i.test(text) && !BY_TIME.test(text) && text.split(/\s+/).length <= 12;
}
