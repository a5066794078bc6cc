/**
 * Owning your data: a JSON export of everything about one account, and
 * deleting an account so no row refers to it any more. A user acts on their
 * own account; a teacher may act on a student in one of their classes
 * (anyone else gets not_found). What is removed and what is kept is listed in
 * docs/PRIVACY.md; keep the two in step.
 */
import "server-only";
import { and, asc, eq, inArray, like, ne, or, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction, type Database } from "../../db/open";
import {
  appMeta,
  assignments,
  auditLog,
  attempts,
  classes,
  classMembers,
  guestMerges,
  importDrafts,
  lessons,
  lessonLevels,
  loginThrottles,
  questions,
  questionVersions,
  quizzes,
  readingProgress,
  responses,
  reviewCards,
  reviewLogs,
  userPreferences,
  users,
} from "../../db/tables";
import { verifyPassword } from "../passwords/password";
import { requireUser } from "./session";
import { AppError } from "../errors";
import { recordAudit } from "./audit";

export const EXPORT_FORMAT_VERSION = 1;

const STUDENT_NOT_FOUND = "We couldn't find that student in your classes.";

export interface UserDataExport {
  format: "civics-lab-user-export";
  version: number;
  exportedAt: string;
  account: { id: string; username: string; email: string | null; displayName: string; role: string; mustChangePassword: boolean; createdAt: Date; updatedAt: Date };
  preferences: { readingLevel: number | null } | null;
  classesJoined: { classId: string; name: string; joinedAt: Date }[];
  classesTaught: { id: string; name: string; archivedAt: Date | null; createdAt: Date; students: number; assignments: { id: string; lessonId: string; quizId: string | null; dueAt: Date | null }[] }[];
  attempts: {
    id: string;
    quizId: string;
    quizTitle: string;
    mode: string;
    status: string;
    score: number | null;
    maxScore: number | null;
    startedAt: Date;
    submittedAt: Date | null;
    responses: { questionId: string; prompt: string; answer: unknown; credit: number; outcome: string; answeredAt: Date }[];
  }[];
  readingProgress: { lessonId: string; level: number; sectionsRead: string[]; lastAnchor: string | null; completedAt: Date | null; updatedAt: Date }[];
  reviewCards: Omit<typeof reviewCards.$inferSelect, "userId">[];
  reviewLogs: Omit<typeof reviewLogs.$inferSelect, "userId">[];
  guestMerges: { mergedAt: Date }[];
  importDrafts: { id: string; title: string; publishedLessonId: string | null; createdAt: Date; updatedAt: Date; draft: unknown }[];
  privateLessons: { id: string; title: string; createdAt: Date }[];
  /** The audit log of the classes this account teaches, and entries about this account (lib/data/audit.ts). */
  auditLog: { classId: string | null; at: Date; actorName: string | null; action: string; targetName: string | null; detail: unknown }[];
}

/**
 * For a teacher's export of a student: only what that teacher's own classes
 * hold. The student's other classes, and their work at another teacher's
 * private quizzes or under another teacher's assignments, are left out.
 */
interface TeacherScope {
  teacherId: string;
}

async function collectUserData(db: Database, userId: string, now: Date, scope?: TeacherScope): Promise<UserDataExport> {
  const [account] = await db
    .select({ id: users.id, username: users.username, email: users.email, displayName: users.displayName, role: users.role, mustChangePassword: users.mustChangePassword, createdAt: users.createdAt, updatedAt: users.updatedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) throw new AppError("not_found", "We couldn't find that account.");

  const [preferences] = await db.select({ readingLevel: userPreferences.readingLevel }).from(userPreferences).where(eq(userPreferences.userId, userId));
  const classesJoined = await db
    .select({ classId: classes.id, name: classes.name, joinedAt: classMembers.joinedAt })
    .from(classMembers)
    .innerJoin(classes, and(eq(classes.id, classMembers.classId), scope ? eq(classes.teacherId, scope.teacherId) : undefined))
    .where(eq(classMembers.studentId, userId))
    .orderBy(asc(classes.name));
  const taught = await db.select().from(classes).where(eq(classes.teacherId, userId)).orderBy(asc(classes.name));
  const taughtIds = taught.map((c) => c.id);
  const [members, work] = taughtIds.length
    ? await Promise.all([
        db.select({ classId: classMembers.classId }).from(classMembers).where(inArray(classMembers.classId, taughtIds)),
        db.select({ id: assignments.id, classId: assignments.classId, lessonId: assignments.lessonId, quizId: assignments.quizId, dueAt: assignments.dueAt }).from(assignments).where(inArray(assignments.classId, taughtIds)),
      ])
    : [[], []];

  const allAttempts = await db
    .select({ id: attempts.id, quizId: attempts.quizId, quizTitle: quizzes.title, mode: attempts.mode, status: attempts.status, score: attempts.score, maxScore: attempts.maxScore, startedAt: attempts.startedAt, submittedAt: attempts.submittedAt, assignmentId: attempts.assignmentId, quizOwnerId: quizzes.ownerId, origin: lessons.origin })
    .from(attempts)
    .innerJoin(quizzes, eq(quizzes.id, attempts.quizId))
    .innerJoin(lessons, eq(lessons.id, quizzes.lessonId))
    .where(eq(attempts.userId, userId))
    .orderBy(asc(attempts.startedAt));
  const inScope = scope ? await teacherScopeFilter(db, scope.teacherId) : null;
  const attemptRows = allAttempts
    .filter((a) => !inScope || inScope.attempt(a))
    .map(({ assignmentId: _assignmentId, quizOwnerId: _quizOwnerId, origin: _origin, ...rest }) => rest);
  const responseRows = attemptRows.length
    ? await db
        .select({ attemptId: responses.attemptId, questionId: responses.questionId, publicData: questionVersions.publicData, answer: responses.answer, credit: responses.credit, outcome: responses.outcome, answeredAt: responses.answeredAt })
        .from(responses)
        .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId))
        .where(inArray(responses.attemptId, attemptRows.map((a) => a.id)))
    : [];

  const [allReading, allCards, allLogs, merges, drafts, ownLessons] = await Promise.all([
    db.select().from(readingProgress).where(eq(readingProgress.userId, userId)),
    db.select().from(reviewCards).where(eq(reviewCards.userId, userId)).orderBy(asc(reviewCards.due)),
    db.select().from(reviewLogs).where(eq(reviewLogs.userId, userId)).orderBy(asc(reviewLogs.reviewedAt)),
    db.select({ mergedAt: guestMerges.mergedAt }).from(guestMerges).where(eq(guestMerges.userId, userId)),
    db.select().from(importDrafts).where(eq(importDrafts.ownerId, userId)),
    db.select({ id: lessons.id, title: lessons.title, createdAt: lessons.createdAt }).from(lessons).where(eq(lessons.ownerId, userId)),
  ]);

  const auditClassIds = scope ? classesJoined.map((c) => c.classId) : taughtIds;
  const auditRows = await db
    .select({ classId: auditLog.classId, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, targetName: auditLog.targetName, detail: auditLog.detail, targetUserId: auditLog.targetUserId })
    .from(auditLog)
    .where(
      scope
        ? and(eq(auditLog.targetUserId, userId), auditClassIds.length ? inArray(auditLog.classId, auditClassIds) : sql`1 = 0`)
        : or(eq(auditLog.targetUserId, userId), auditClassIds.length ? inArray(auditLog.classId, auditClassIds) : undefined),
    )
    .orderBy(asc(auditLog.id));

  const reading = inScope ? allReading.filter((r) => inScope.lessonIds.has(r.lessonId)) : allReading;
  const cardQuestions = inScope ? await questionQuizzes(db, [...new Set([...allCards, ...allLogs].map((c) => c.questionId))]) : null;
  const questionAllowed = (questionId: string) => !inScope || inScope.quizIds.has(cardQuestions?.get(questionId) ?? "");
  const cards = allCards.filter((c) => questionAllowed(c.questionId));
  const logs = allLogs.filter((l) => questionAllowed(l.questionId));

  return {
    format: "civics-lab-user-export",
    version: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    account,
    preferences: preferences ?? null,
    classesJoined,
    classesTaught: taught.map((c) => ({
      id: c.id,
      name: c.name,
      archivedAt: c.archivedAt,
      createdAt: c.createdAt,
      students: members.filter((m) => m.classId === c.id).length,
      assignments: work.filter((a) => a.classId === c.id).map(({ classId: _classId, ...rest }) => rest),
    })),
    attempts: attemptRows.map((attempt) => ({
      ...attempt,
      responses: responseRows
        .filter((r) => r.attemptId === attempt.id)
        .map((r) => ({ questionId: r.questionId, prompt: r.publicData.prompt, answer: r.answer, credit: r.credit, outcome: r.outcome, answeredAt: r.answeredAt })),
    })),
    readingProgress: reading.map(({ userId: _userId, ...rest }) => rest),
    reviewCards: cards.map(({ userId: _userId, ...rest }) => rest),
    reviewLogs: logs.map(({ userId: _userId, ...rest }) => rest),
    guestMerges: merges,
    importDrafts: drafts.map((d) => ({ id: d.id, title: d.title, publishedLessonId: d.publishedLessonId, createdAt: d.createdAt, updatedAt: d.updatedAt, draft: d.draft })),
    privateLessons: ownLessons,
    auditLog: auditRows.map(({ targetUserId: _targetUserId, ...rest }) => rest),
  };
}

/** The quiz of each question. */
async function questionQuizzes(db: Database, questionIds: string[]): Promise<Map<string, string>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db.select({ id: questions.id, quizId: questions.quizId }).from(questions).where(inArray(questions.id, questionIds));
  return new Map(rows.map((r) => [r.id, r.quizId]));
}

/**
 * What a teacher's classes hold of a student's work: attempts under the
 * teacher's assignments, and attempts, reading and review at the curriculum
 * (public to everyone) or at the teacher's own lessons, but nothing under
 * another teacher's assignment or at another teacher's private lessons.
 */
async function teacherScopeFilter(db: Database, teacherId: string) {
  const assignmentIds = new Set(
    (await db.select({ id: assignments.id }).from(assignments).innerJoin(classes, eq(classes.id, assignments.classId)).where(eq(classes.teacherId, teacherId))).map((a) => a.id),
  );
  const visibleLessons = await db
    .select({ id: lessons.id })
    .from(lessons)
    .where(or(eq(lessons.origin, "curriculum"), eq(lessons.ownerId, teacherId)));
  const lessonIds = new Set(visibleLessons.map((l) => l.id));
  const quizIds = new Set(lessonIds.size ? (await db.select({ id: quizzes.id }).from(quizzes).where(inArray(quizzes.lessonId, [...lessonIds]))).map((q) => q.id) : []);
  return {
    lessonIds,
    quizIds,
    attempt(a: { assignmentId: string | null; quizOwnerId: string | null; origin: string }): boolean {
      if (a.assignmentId) return assignmentIds.has(a.assignmentId);
      return a.quizOwnerId === teacherId || (a.origin === "curriculum" && a.quizOwnerId === null);
    },
  };
}

/** A student in one of this teacher's classes; anything else is not_found. */
async function studentOfTeacher(db: Database, teacherId: string, studentId: string): Promise<{ id: string; username: string; displayName: string }> {
  const [student] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(classMembers)
    .innerJoin(classes, and(eq(classes.id, classMembers.classId), eq(classes.teacherId, teacherId)))
    .innerJoin(users, and(eq(users.id, classMembers.studentId), eq(users.role, "student")))
    .where(eq(classMembers.studentId, studentId))
    .limit(1);
  if (!student) throw new AppError("not_found", STUDENT_NOT_FOUND);
  return student;
}

/**
 * Students keep their graded work when a teacher leaves. A private imported
 * lesson whose quiz someone else has submitted is kept without an owner and
 * retired: nobody can open the lesson or take the quiz again (see
 * visibleLessonCondition / visibleQuizCondition), but the students' attempts,
 * answers and the questions they saw stay, so their results, progress and
 * export still work. The article text (lesson levels) is deleted, and so are
 * the review cards of those questions, which can never come up again (review
 * logs stay as the students' history). Other people's unsubmitted attempts at
 * the teacher's quizzes are dropped: they could not be finished. Lessons nobody
 * else submitted go with the account through ON DELETE CASCADE.
 */
async function keepStudentsResults(tx: Database, userId: string): Promise<void> {
  const ownedLessons = (await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.ownerId, userId))).map((l) => l.id);
  const ownedQuizzes = await tx
    .select({ id: quizzes.id, lessonId: quizzes.lessonId })
    .from(quizzes)
    .where(or(eq(quizzes.ownerId, userId), ownedLessons.length ? inArray(quizzes.lessonId, ownedLessons) : undefined));
  if (ownedQuizzes.length === 0) return;
  const quizIds = ownedQuizzes.map((q) => q.id);
  const othersAttempts = and(inArray(attempts.quizId, quizIds), ne(attempts.userId, userId));
  await tx.delete(attempts).where(and(othersAttempts, eq(attempts.status, "in_progress")));
  const answered = new Set((await tx.selectDistinct({ quizId: attempts.quizId }).from(attempts).where(othersAttempts)).map((a) => a.quizId));
  if (answered.size === 0) return;
  const keptLessons = [...new Set(ownedQuizzes.filter((q) => answered.has(q.id)).map((q) => q.lessonId))].filter((id) => ownedLessons.includes(id));
  const keptQuizzes = ownedQuizzes.filter((q) => answered.has(q.id) || keptLessons.includes(q.lessonId)).map((q) => q.id);
  if (keptLessons.length) {
    await tx.update(lessons).set({ ownerId: null, retired: true }).where(inArray(lessons.id, keptLessons));
    await tx.delete(lessonLevels).where(inArray(lessonLevels.lessonId, keptLessons));
  }
  await tx.update(quizzes).set({ ownerId: null, retired: true }).where(inArray(quizzes.id, keptQuizzes));
  const keptQuestions = (await tx.select({ id: questions.id }).from(questions).where(inArray(questions.quizId, keptQuizzes))).map((q) => q.id);
  if (keptQuestions.length) {
    await tx.update(questions).set({ retired: true }).where(inArray(questions.id, keptQuestions));
    await tx.delete(reviewCards).where(inArray(reviewCards.questionId, keptQuestions));
  }
}

/**
 * Removes the account and everything that refers to it. Rows owned by the
 * user go through ON DELETE CASCADE (attempts and their responses, reading
 * progress, review cards and logs, guest merges, preferences, memberships,
 * import drafts, a teacher's classes with their assignments, and private
 * imported lessons with their quizzes, except those students have submitted:
 * see keepStudentsResults). Rows that only mention the user are cleared here:
 * sign-in throttle counters for the username, request-limit counters kept for
 * the account, and the "created by" link on students a teacher created.
 */
async function deleteUserEverywhere(tx: Database, userId: string): Promise<void> {
  const [user] = await tx.select({ username: users.username, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await keepStudentsResults(tx, userId);
  const names = [user.username, ...(user.email ? [user.email] : [])].map((name) => `account:${name.toLowerCase()}`);
  // Sign-in counters for the names, and request-limit counters kept per account ("import:user:<id>", …).
  await tx.delete(loginThrottles).where(or(...names.map((key) => eq(loginThrottles.key, key)), like(loginThrottles.key, `%:user:${userId}`)));
  await tx.update(users).set({ createdById: null }).where(eq(users.createdById, userId));
  // A pending Undo of a password reset holds the account's previous password hash (lib/data/classes.ts).
  await tx.delete(appMeta).where(eq(appMeta.key, `password-undo:${userId}`));
  // The audit log keeps what happened but not who it happened to or who did it once that account is gone.
  await tx.update(auditLog).set({ targetUserId: null, targetName: null, detail: null }).where(eq(auditLog.targetUserId, userId));
  await tx.update(auditLog).set({ actorId: null, actorName: null }).where(eq(auditLog.actorId, userId));
  await tx.delete(users).where(eq(users.id, userId));
}

export async function exportMyData(now: Date = new Date()): Promise<{ filename: string; data: UserDataExport }> {
  const user = await requireUser();
  const data = await collectUserData(getDb(), user.id, now);
  return { filename: `civics-lab-${data.account.username}-${now.toISOString().slice(0, 10)}.json`, data };
}

/** A student's data for their teacher: only what this teacher's own classes hold (see teacherScopeFilter). */
export async function exportStudentData(studentId: string, now: Date = new Date()): Promise<{ filename: string; data: UserDataExport }> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  const student = await studentOfTeacher(db, teacher.id, studentId);
  const data = await collectUserData(db, student.id, now, { teacherId: teacher.id });
  return { filename: `civics-lab-${student.username}-${now.toISOString().slice(0, 10)}.json`, data };
}

/** Deletes the caller's account after checking their password (see deleteUserEverywhere). */
export async function deleteOwnAccount(password: string): Promise<void> {
  const user = await requireUser();
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row) throw new AppError("unauthorized");
  if (!(await verifyPassword(row.passwordHash, password))) throw new AppError("bad_request", "That password is not right.");
  await writeTransaction(getDb(), (tx) => deleteUserEverywhere(tx, user.id));
}

/** A teacher deletes a student of one of their classes, account and all. Returns the name for the confirmation. */
export async function deleteStudentAccount(studentId: string): Promise<{ displayName: string }> {
  const teacher = await requireUser(["teacher"]);
  return writeTransaction(getDb(), async (tx) => {
    const student = await studentOfTeacher(tx, teacher.id, studentId);
    const taughtClasses = await tx
      .select({ classId: classMembers.classId })
      .from(classMembers)
      .innerJoin(classes, and(eq(classes.id, classMembers.classId), eq(classes.teacherId, teacher.id)))
      .where(eq(classMembers.studentId, student.id));
    await deleteUserEverywhere(tx, student.id);
    // Logged without the student: their name and id go with their account.
    for (const { classId } of taughtClasses) await recordAudit(tx, { actor: teacher, action: "roster.student_deleted", classId });
    return { displayName: student.displayName };
  });
}
