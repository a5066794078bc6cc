/**
 * One or two open written-response prompts for the teacher to grade by hand (the quiz engine grades only what it
 * can check, so these go into the lesson, not the auto-graded quiz).
 */
import type { ArticleAnalysis } from "../types";

export function writtenPrompts(analysis: ArticleAnalysis): string[] {
  const prompts: string[] = [];
  const side = analysis.sides[0];
  if (side) prompts.push(`${side.a} and ${side.b} take different sides in this article. In a paragraph, explain each side's view and which one the article's evidence supports better. Quote the article at least once for each.`);
  const cause = analysis.causes[0];
  if (cause && prompts.length < 2) prompts.push(`The article links a cause and an effect with “${cause.connective}”. In a paragraph, explain that link in your own words and say what other causes might also matter.`);
  if (analysis.genre === "opinion" && prompts.length < 2) prompts.push("In a paragraph, state the author's main claim in your own words, then name the strongest and the weakest piece of support the author gives for it.");
  if (prompts.length < 2) prompts.push("In a paragraph, state the main idea of the article in your own words and support it with two details from the text, naming where each comes from.");
  return prompts.slice(0, 2);
}
