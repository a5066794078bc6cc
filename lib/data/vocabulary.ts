/**
 * Vocabulary practice: the glossary terms of the lessons a reader has read.
 * Glossary terms and their definitions are public reading (they are in the
 * lesson text for anyone who can open it), so the whole deck goes to the
 * browser and the practice is graded there; nothing here is an answer key.
 *
 * Signed-in readers: "read" means any saved reading progress. Guests: the
 * page gets the terms of every public lesson and the browser picks the
 * lessons its local reading progress names (lib/reading/guest-progress.ts).
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { glossaryTerms, lessons, readingProgress } from "../../db/tables";
import { getSessionUser } from "./session";
import { getImportedLessonExtras } from "./imports";
import { visibleLessonCondition } from "./lessons";

export interface VocabularyTerm {
  /** Unique within the deck: the glossary id, or "<lessonId>:<term id>" for an imported lesson's own definition. */
  key: string;
  term: string;
  definition: string;
  /** The lessons (of those the reader may open) that teach this term. */
  lessons: { id: string; title: string }[];
}

export interface VocabularyDeck {
  terms: VocabularyTerm[];
  /** Lessons the signed-in reader has read; null for a guest (the browser knows). */
  readLessonIds: string[] | null;
  /** Every lesson with key vocabulary the reader may open, in course order, for the empty state and lesson picker. */
  lessons: { id: string; title: string }[];
}

export async function getVocabularyDeck(): Promise<VocabularyDeck> {
  const user = await getSessionUser();
  const db = getDb();
  const visible = await db
    .select({ id: lessons.id, title: lessons.title, origin: lessons.origin, meta: lessons.meta })
    .from(lessons)
    .where(visibleLessonCondition(user))
    .orderBy(asc(lessons.position), asc(lessons.title));
  const readLessonIds = user
    ? (
        await db
          .select({ lessonId: readingProgress.lessonId })
          .from(readingProgress)
          .where(and(eq(readingProgress.userId, user.id), inArray(readingProgress.lessonId, visible.map((l) => l.id).concat([""]))))
      ).map((row) => row.lessonId)
    : null;

  const byKey = new Map<string, VocabularyTerm>();
  const add = (key: string, term: string, definition: string, lesson: { id: string; title: string }) => {
    const entry = byKey.get(key) ?? { key, term, definition, lessons: [] };
    if (!entry.lessons.some((l) => l.id === lesson.id)) entry.lessons.push(lesson);
    byKey.set(key, entry);
  };

  const glossaryIds = [...new Set(visible.filter((l) => l.origin === "curriculum").flatMap((l) => l.meta.vocabulary ?? []))];
  const glossary = glossaryIds.length
    ? new Map((await db.select({ id: glossaryTerms.id, term: glossaryTerms.term, definition: glossaryTerms.definition }).from(glossaryTerms).where(inArray(glossaryTerms.id, glossaryIds))).map((row) => [row.id, row]))
    : new Map<string, { id: string; term: string; definition: string }>();
  const withTerms: { id: string; title: string }[] = [];
  for (const lesson of visible) {
    const ref = { id: lesson.id, title: lesson.title };
    let any = false;
    if (lesson.origin === "curriculum") {
      for (const id of lesson.meta.vocabulary ?? []) {
        const entry = glossary.get(id);
        if (!entry) continue;
        add(entry.id, entry.term, entry.definition, ref);
        any = true;
      }
    } else if (!readLessonIds || readLessonIds.includes(lesson.id)) {
      // An imported lesson's definitions were written for its article; only read ones are looked up (one query each).
      const extras = await getImportedLessonExtras(lesson.id);
      for (const entry of extras?.vocabulary ?? []) {
        add(`${lesson.id}:${entry.id}`, entry.term, entry.definition, ref);
        any = true;
      }
    }
    if (any) withTerms.push(ref);
  }
  return { terms: [...byKey.values()], readLessonIds, lessons: withTerms };
}
