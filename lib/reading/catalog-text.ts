import { LEVEL_INFO } from "../content/schema";
import { isReadingLevel } from "./levels";

function levelsText(levels: number[]): string {
  const grades = levels.map((level) => (isReadingLevel(level) ? LEVEL_INFO[level].grades.replace("grades ", "") : String(level)));
  return levels.length === 1 ? `1 reading level (grades ${grades[0]})` : `${levels.length} reading levels (grades ${grades[0]!.split("–")[0]}–${grades.at(-1)!.split("–").at(-1)})`;
}

/** A catalog card's small print: "6 min read · 3 reading levels (grades 6–12) · quiz". */
export function lessonDetails(lesson: { readingMinutes: number; levels: number[]; quizId: string | null }): string {
  return `${lesson.readingMinutes} min read · ${levelsText(lesson.levels)}${lesson.quizId ? " · quiz" : ""}`;
}
