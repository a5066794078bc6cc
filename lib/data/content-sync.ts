/**
 * Syncs validated content into the database, idempotently. A question whose
 * student-visible text or key changed gets a new version (past attempts keep
 * theirs); tags update in place; content removed from content/ is retired.
 */
import { createHash } from "node:crypto";
import { and, eq, isNull, notInArray } from "drizzle-orm";
import { writeTransaction, type Database } from "../../db/open";
import { actors, appMeta, glossaryTerms, lessonLevels, lessons, questions, questionVersions, quizzes, timelineEvents, topics } from "../../db/tables";
import { splitQuestion } from "../content/split";
import type { LoadedContent } from "../content/load";
import { evidenceColumns } from "../content/evidence";
import { recordPageInvalidation } from "./cache-invalidations";

export interface SyncReport {
  lessons: number;
  quizzes: number;
  questionsAdded: number;
  versionsAdded: number;
  retired: number;
}

/** app_meta key of the hash of the whole content last synced. */
export const CONTENT_HASH_KEY = "content_hash";

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

export async function syncContent(db: Database, content: LoadedContent): Promise<SyncReport> {
  const report: SyncReport = { lessons: 0, quizzes: 0, questionsAdded: 0, versionsAdded: 0, retired: 0 };
  await writeTransaction(db, async (tx) => {
    for (const [position, topic] of content.topics.entries()) {
      await tx.insert(topics).values({ ...topic, position }).onConflictDoUpdate({ target: topics.id, set: { title: topic.title, description: topic.description, position } });
    }
    for (const term of content.glossary) {
      const row = { term: term.term, definition: term.definition, aliases: term.aliases };
      await tx.insert(glossaryTerms).values({ id: term.id, ...row }).onConflictDoUpdate({ target: glossaryTerms.id, set: row });
    }
    for (const event of content.timeline) {
      const { id: _id, ...row } = event;
      await tx.insert(timelineEvents).values(event).onConflictDoUpdate({ target: timelineEvents.id, set: row });
    }
    for (const actor of content.actors) {
      const { id: _id, ...row } = actor;
      await tx.insert(actors).values(actor).onConflictDoUpdate({ target: actors.id, set: row });
    }

    const lessonIds = content.lessons.map((l) => l.meta.slug);
    for (const lesson of content.lessons) {
      const { slug, title, summary, topic, order, asOf, quiz, ...rest } = lesson.meta;
      // The guide joins the hash only when there is one, so lessons without a guide keep their hash.
      const contentHash = hash({ meta: lesson.meta, levels: lesson.levels.map((l) => l.body), ...(lesson.guide ? { guide: lesson.guide } : {}) });
      const [existing] = await tx.select({ contentHash: lessons.contentHash, retired: lessons.retired }).from(lessons).where(eq(lessons.id, slug));
      if (existing?.contentHash === contentHash && !existing.retired) continue;
      const row = { title, summary, topicId: topic, position: order, asOf, quizId: quiz ?? null, meta: rest, teacherGuide: lesson.guide ?? null, contentHash, retired: false, origin: "curriculum" as const, ownerId: null };
      await tx.insert(lessons).values({ id: slug, ...row }).onConflictDoUpdate({ target: lessons.id, set: row });
      await tx.delete(lessonLevels).where(eq(lessonLevels.lessonId, slug));
      for (const level of lesson.levels) {
        await tx.insert(lessonLevels).values({ lessonId: slug, level: level.level, body: level.body, wordCount: level.stats.words, gradeEstimate: level.stats.fkGrade });
      }
      report.lessons += 1;
    }
    const retiredLessons = await tx
      .update(lessons)
      .set({ retired: true })
      .where(and(eq(lessons.origin, "curriculum"), isNull(lessons.ownerId), eq(lessons.retired, false), lessonIds.length ? notInArray(lessons.id, lessonIds) : undefined))
      .returning({ id: lessons.id });
    report.retired += retiredLessons.length;

    const quizIds = content.quizzes.map((q) => q.id);
    for (const quiz of content.quizzes) {
      const quizRow = { lessonId: quiz.lesson, title: quiz.title, description: quiz.description, retired: false, ownerId: null };
      await tx.insert(quizzes).values({ id: quiz.id, ...quizRow }).onConflictDoUpdate({ target: quizzes.id, set: quizRow });
      report.quizzes += 1;
      for (const [position, question] of quiz.questions.entries()) {
        const { publicData, keyData } = splitQuestion(question);
        // Tags (topic, skills, difficulty) are left out of the hash: changing them is not a new version.
        const evidence = evidenceColumns(question.evidence);
        const contentHash = hash({ publicData, keyData, evidence: evidence.hashed });
        const tags = { topicId: question.topic, skills: question.skills, difficulty: question.difficulty };
        const [existing] = await tx.select().from(questions).where(eq(questions.id, question.id));
        if (existing && existing.quizId !== quiz.id) throw new Error(`Question ${question.id} moved from quiz ${existing.quizId} to ${quiz.id}; give it a new id instead.`);
        const current = existing?.currentVersionId
          ? (await tx.select().from(questionVersions).where(eq(questionVersions.id, existing.currentVersionId)))[0]
          : undefined;
        if (!existing) {
          await tx.insert(questions).values({ id: question.id, quizId: quiz.id, position });
          report.questionsAdded += 1;
        } else if (existing.position !== position || existing.retired) {
          await tx.update(questions).set({ position, retired: false }).where(eq(questions.id, question.id));
        }
        if (current && current.contentHash === contentHash) {
          if (current.topicId !== tags.topicId || current.difficulty !== tags.difficulty || JSON.stringify(current.skills) !== JSON.stringify(tags.skills)) {
            await tx.update(questionVersions).set(tags).where(eq(questionVersions.id, current.id));
          }
          continue;
        }
        const [inserted] = await tx
          .insert(questionVersions)
          .values({ questionId: question.id, version: (current?.version ?? 0) + 1, contentHash, type: question.type, publicData, keyData, evidence: evidence.evidence, evidenceAnchors: evidence.evidenceAnchors, ...tags })
          .returning({ id: questionVersions.id });
        await tx.update(questions).set({ currentVersionId: inserted!.id }).where(eq(questions.id, question.id));
        report.versionsAdded += 1;
      }
      const keep = quiz.questions.map((q) => q.id);
      const retiredQuestions = await tx
        .update(questions)
        .set({ retired: true })
        .where(and(eq(questions.quizId, quiz.id), eq(questions.retired, false), notInArray(questions.id, keep)))
        .returning({ id: questions.id });
      report.retired += retiredQuestions.length;
    }
    const retiredQuizzes = await tx
      .update(quizzes)
      .set({ retired: true })
      .where(and(isNull(quizzes.ownerId), eq(quizzes.retired, false), quizIds.length ? notInArray(quizzes.id, quizIds) : undefined))
      .returning({ id: quizzes.id });
    report.retired += retiredQuizzes.length;

    // Any change to content/ (a lesson, the glossary its popovers show, the timeline) can change any cached
    // page, on every server on this database: record one invalidation of them all, only when something changed.
    const contentHash = hash(content);
    const [stored] = await tx.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, CONTENT_HASH_KEY));
    if (stored?.value !== contentHash) {
      await tx.insert(appMeta).values({ key: CONTENT_HASH_KEY, value: contentHash }).onConflictDoUpdate({ target: appMeta.key, set: { value: contentHash, updatedAt: new Date() } });
      await recordPageInvalidation(tx, "/", "layout");
    }
  });
  return report;
}
