"use server";

import { authedAction, publicAction } from "@/lib/actions";
import { gradeLessonCheck, type CheckResult } from "@/lib/data/lessons";
import { saveOwnReadingProgress, setOwnReadingLevel } from "@/lib/data/reading-progress";
import { answerCheckSchema, saveReadingProgressSchema, setReadingLevelSchema } from "@/lib/validations/reading";

export interface SavedProgress {
  sectionsRead: string[];
  totalSections: number;
  completed: boolean;
}

/** Called by the reading tracker as sections scroll past; guests keep progress in the browser instead. */
export const saveReadingProgressAction = authedAction(saveReadingProgressSchema, async (input) => {
  const saved = await saveOwnReadingProgress(input);
  return { status: "ok", data: { sectionsRead: saved.sectionsRead, totalSections: saved.totalSections, completed: saved.completedAt !== null } satisfies SavedProgress };
});

export const setReadingLevelAction = authedAction(setReadingLevelSchema, async ({ level }) => {
  await setOwnReadingLevel(level);
  return { status: "ok" };
});

/** Public: guests check their understanding too. Nothing is stored. */
export const answerCheckAction = publicAction(answerCheckSchema, async (input) => {
  const result: CheckResult = await gradeLessonCheck(input);
  return { status: "ok", data: result };
});
