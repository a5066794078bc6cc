/**
 * Merging a guest's browser history into the signed-in account, exactly once
 * per merge key. The browser copy is not trusted: every answer is re-graded
 * here against the question version it names (credits and scores the browser
 * kept are ignored), questions that are unknown, retired or not in the named
 * quiz are skipped, and dates are clamped to the past.
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction } from "../../db/open";
import { attempts, guestMerges, lessonLevels, lessons, questions, questionVersions, readingProgress, responses } from "../../db/tables";
import { requireUser } from "./session";
import { paragraphAnchors } from "../content/markdown";
import { gradeAnswer } from "../quiz/grade";
import type { AttemptLayout } from "../quiz/layout";
import { answerProblem } from "../quiz/validate";
import type { GuestMergeInput } from "../validations/review";
import { visibleLessonCondition } from "./lessons";
import { findVisibleQuiz } from "./quizzes";
import { scheduleAnsweredQuestions } from "./review";
import { lockStudent } from "./row-locks";

export interface MergeSummary {
  /** False when this merge key was already applied: nothing changed. */
  merged: boolean;
  attempts: number;
  lessons: number;
}

function pastDate(value: string | number | null, now: Date): Date | null {
  if (value === null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return date.getTime() > now.getTime() ? now : date;
}

export async function mergeGuestHistory(input: GuestMergeInput, now: Date = new Date()): Promise<MergeSummary> {
  const user = await requireUser();
  return writeTransaction(getDb(), async (tx) => {
    // It adds attempts and rewrites review cards of this user like a submission, which runs READ COMMITTED
    // behind this lock (lib/data/row-locks.ts); SERIALIZABLE alone would not see that transaction. It stays
    // SERIALIZABLE for the reading progress it merges. Its snapshot may predate the lock, but a card written
    // since then makes the upsert below fail as a serialization failure, and the retry reads it.
    await lockStudent(tx, user.id);
    // The merge key row is the lock: a second merge (sequential or concurrent) finds it and changes nothing.
    const claimed = await tx.insert(guestMerges).values({ userId: user.id, mergeKey: input.mergeKey, mergedAt: now }).onConflictDoNothing().returning({ key: guestMerges.mergeKey });
    if (claimed.length === 0) return { merged: false, attempts: 0, lessons: 0 };

    let attemptCount = 0;
    const ordered = [...input.attempts].sort((a, b) => (pastDate(a.submittedAt, now)?.getTime() ?? 0) - (pastDate(b.submittedAt, now)?.getTime() ?? 0));
    for (const guest of ordered) {
      const quiz = await findVisibleQuiz(tx, user, guest.quizId).catch(() => null);
      if (!quiz) continue;
      const versionIds = [...new Set(guest.responses.map((r) => r.versionId))];
      if (versionIds.length === 0) continue;
      const versions = await tx
        .select({ id: questionVersions.id, questionId: questionVersions.questionId, data: questionVersions.publicData, keyData: questionVersions.keyData })
        .from(questionVersions)
        .innerJoin(questions, and(eq(questions.id, questionVersions.questionId), eq(questions.quizId, quiz.id), eq(questions.retired, false)))
        .where(inArray(questionVersions.id, versionIds));
      const byId = new Map(versions.map((v) => [v.id, v]));
      const seen = new Set<string>();
      const graded = guest.responses.flatMap((response) => {
        const version = byId.get(response.versionId);
        if (!version || version.questionId !== response.questionId || seen.has(response.questionId)) return [];
        if (response.answer && answerProblem(version.data, response.answer, "Answer")) return [];
        seen.add(response.questionId);
        return [{ questionId: response.questionId, versionId: version.id, answer: response.answer, ...gradeAnswer(version.keyData.key, response.answer) }];
      });
      if (graded.length === 0) continue;
      const submittedAt = pastDate(guest.submittedAt, now) ?? now;
      const startedAt = pastDate(guest.startedAt, now) ?? submittedAt;
      const score = Math.round(graded.reduce((sum, r) => sum + r.credit, 0) * 10_000) / 10_000;
      const layout: AttemptLayout = { questions: graded.map((r) => ({ questionId: r.questionId, versionId: r.versionId })) };
      const [row] = await tx
        .insert(attempts)
        .values({ quizId: quiz.id, userId: user.id, mode: "test", status: "submitted", layout, draft: {}, score, maxScore: graded.length, startedAt, submittedAt, updatedAt: now })
        .returning({ id: attempts.id });
      await tx.insert(responses).values(graded.map((r) => ({ attemptId: row!.id, questionId: r.questionId, questionVersionId: r.versionId, answer: r.answer, credit: r.credit, outcome: r.outcome, answeredAt: submittedAt })));
      await scheduleAnsweredQuestions(tx, user.id, graded.filter((r) => r.answer !== null), submittedAt);
      attemptCount += 1;
    }

    let lessonCount = 0;
    for (const [lessonId, guest] of Object.entries(input.reading)) {
      const [lesson] = await tx.select({ id: lessons.id }).from(lessons).where(and(eq(lessons.id, lessonId), visibleLessonCondition(user)));
      if (!lesson) continue;
      const [level] = await tx.select({ body: lessonLevels.body }).from(lessonLevels).where(and(eq(lessonLevels.lessonId, lesson.id), eq(lessonLevels.level, guest.level)));
      if (!level) continue;
      const sectionIds = level.body.sections.map((s) => s.id);
      const [existing] = await tx.select().from(readingProgress).where(and(eq(readingProgress.userId, user.id), eq(readingProgress.lessonId, lesson.id)));
      const read = new Set([...(existing?.sectionsRead ?? []), ...guest.sectionsRead]);
      const sectionsRead = sectionIds.filter((id) => read.has(id));
      const guestCompleted = pastDate(guest.completedAt, now);
      const completedAt = existing?.completedAt ?? (sectionsRead.length === sectionIds.length ? (guestCompleted ?? now) : null);
      const guestAnchor = guest.lastAnchor && paragraphAnchors(level.body).includes(guest.lastAnchor) ? guest.lastAnchor : null;
      const values = { level: existing?.level ?? guest.level, sectionsRead, lastAnchor: existing?.lastAnchor ?? guestAnchor, completedAt, updatedAt: now };
      await tx
        .insert(readingProgress)
        .values({ userId: user.id, lessonId: lesson.id, ...values })
        .onConflictDoUpdate({ target: [readingProgress.userId, readingProgress.lessonId], set: values });
      lessonCount += 1;
    }
    return { merged: true, attempts: attemptCount, lessons: lessonCount };
  });
}
