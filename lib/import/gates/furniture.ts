/** No question rests on page furniture: captions, credit lines, bylines, newsletter prompts. */
import { isFurniture } from "../analyze/sentences";

export function furnitureProblem(evidence: string, furnitureSentences: Set<string>): string | undefined {
  if (furnitureSentences.has(evidence) || isFurniture(evidence)) return "built from page furniture (a caption, credit or prompt)";
  if (/^(by|photo by|image:|credit:)\s/i.test(evidence) || /^[A-Z][A-Z\s]+\s[-—–]{1,2}\s*$/.test(evidence)) return "built from a byline or dateline";
  return undefined;
}
