/**
 * The signed-in student's progress: mastery per topic and skill from their
 * graded responses (lib/quiz/mastery.ts has the rules).
 */
import "server-only";
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { attempts, classMembers, questionVersions, responses, topics } from "../../db/tables";
import { requireUser } from "./session";
import { SKILLS } from "../content/schema";
import { MASTERY_LEVELS, RECENT_WINDOW, computeMastery, masteryHistory, type MasteryEntry } from "../quiz/mastery";
import { assertStudentOfTeacherOrThrow, getOwnedClassOrThrow } from "./class-access";
import { preparedRows, statementsFor } from "./prepared";

export interface MasteryRow extends MasteryEntry {
  label: string;
}

/** Topic mastery at the end of each day with graded answers, oldest first; `topics[i]` of a day matches `topics[i]` of the trend. */
export interface MasteryTrend {
  topics: { id: string; label: string }[];
  days: { day: string; topics: MasteryEntry[] }[];
}

export interface Progress {
  topics: MasteryRow[];
  skills: MasteryRow[];
  responsesCounted: number;
  trend: MasteryTrend;
}

const SKILL_LABELS: Record<(typeof SKILLS)[number], string> = {
  recall: "Recall",
  vocabulary: "Vocabulary",
  "main-idea": "Main idea",
  "cause-effect": "Cause and effect",
  chronology: "Chronology",
  sourcing: "Sourcing",
  "fact-opinion": "Fact or opinion",
  numeracy: "Numbers",
  inference: "Inference",
  perspective: "Perspective",
  evidence: "Claim and evidence",
  "author-purpose": "Author's purpose",
};

export function skillLabel(id: string): string {
  return (SKILL_LABELS as Record<string, string>)[id] ?? id;
}

/** Mastery from responses of the caller's submitted attempts only (drafts and open attempts don't count). */
const EMPTY_SKILLS: readonly string[] = [];

const topicMasteryStatements = statementsFor((db) => {
  // Each topic's RECENT_WINDOW most recent graded responses, in the order computeMastery reads them (newest first, same
  // tie-breaks as masteryOf below), picked by the database instead of reading every response the student ever gave.
  const ranked = db
    .select({
      topicId: questionVersions.topicId,
      credit: responses.credit,
      recency: sql<number>`row_number() over (partition by ${questionVersions.topicId} order by ${responses.answeredAt} desc, ${attempts.submittedAt} desc, ${responses.questionId} asc)`.as("recency"),
    })
    .from(responses)
    .innerJoin(attempts, eq(attempts.id, responses.attemptId))
    .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId))
    .where(and(eq(attempts.userId, sql.placeholder("userId")), eq(attempts.status, "submitted")))
    .as("ranked");
  return {
    recent: preparedRows(db, "topic_mastery_recent", db.select({ topicId: ranked.topicId, credit: ranked.credit }).from(ranked).where(lte(ranked.recency, RECENT_WINDOW)).orderBy(asc(ranked.recency))),
    topics: preparedRows(db, "topic_titles", db.select({ id: topics.id, title: topics.title }).from(topics).orderBy(asc(topics.position))),
  };
});

/**
 * The caller's mastery per topic, the same entries as `getMyMastery().topics`, without skills or the
 * trend: for "what to do next" (lib/data/next-steps.ts), which every catalog answer computes. Reads
 * only each topic's last RECENT_WINDOW responses, with prepared statements.
 */
export async function getMyTopicMastery(): Promise<MasteryRow[]> {
  const user = await requireUser();
  const statements = topicMasteryStatements(getDb());
  const [recent, topicRows] = await Promise.all([statements.recent.all({ userId: user.id }), statements.topics.all()]);
  const titles = new Map(topicRows.map((t) => [t.id, t.title]));
  const graded = recent.map((row) => ({ topicId: row.topicId, skills: EMPTY_SKILLS, credit: Number(row.credit) }));
  return computeMastery(graded, topicRows.map((t) => t.id), EMPTY_SKILLS).topics.map((entry) => ({ ...entry, label: titles.get(entry.id) ?? entry.id }));
}

export async function getMyMastery(): Promise<Progress> {
  const user = await requireUser();
  return masteryOf(user.id);
}

/** One student's mastery, for the teacher of a class they're in (not_found otherwise). */
export async function getStudentMasteryForTeacher(classId: string, studentId: string): Promise<Progress> {
  const teacher = await requireUser(["teacher"]);
  await assertStudentOfTeacherOrThrow(getDb(), teacher.id, classId, studentId);
  return masteryOf(studentId);
}

export interface ClassTopicMastery {
  topicId: string;
  label: string;
  /** Students at each mastery level, in MASTERY_LEVELS order. */
  counts: number[];
  /** Mean of the students' recent average credit, over students who have started. */
  average: number | null;
}

/** Per topic: how many of the class's students sit at each mastery level. */
export async function getClassMastery(classId: string): Promise<ClassTopicMastery[]> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await getOwnedClassOrThrow(db, teacher.id, classId);
  const members = (await db.select({ id: classMembers.studentId }).from(classMembers).where(eq(classMembers.classId, classId))).map((m) => m.id);
  const topicRows = await db.select({ id: topics.id, title: topics.title }).from(topics).orderBy(asc(topics.position));
  const graded = members.length
    ? await db
        .select({ userId: attempts.userId, topicId: questionVersions.topicId, skills: questionVersions.skills, credit: responses.credit })
        .from(responses)
        .innerJoin(attempts, eq(attempts.id, responses.attemptId))
        .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId))
        .where(and(inArray(attempts.userId, members), eq(attempts.status, "submitted")))
        .orderBy(desc(responses.answeredAt), desc(attempts.submittedAt), asc(responses.questionId))
    : [];
  const byStudent = new Map<string, typeof graded>(members.map((id) => [id, []]));
  for (const row of graded) byStudent.get(row.userId)?.push(row);
  const perStudent = [...byStudent.values()].map((rows) => computeMastery(rows, topicRows.map((t) => t.id), []).topics);
  return topicRows.map((topic) => {
    const entries = perStudent.map((list) => list.find((e) => e.id === topic.id)!).filter(Boolean);
    const counts = MASTERY_LEVELS.map((_, index) => entries.filter((e) => e.levelIndex === index).length);
    const started = entries.filter((e) => e.count > 0);
    return { topicId: topic.id, label: topic.title, counts, average: started.length ? started.reduce((sum, e) => sum + e.average, 0) / started.length : null };
  });
}

async function masteryOf(userId: string): Promise<Progress> {
  const db = getDb();
  const [graded, topicRows] = await Promise.all([
    db
      .select({ topicId: questionVersions.topicId, skills: questionVersions.skills, credit: responses.credit, answeredAt: responses.answeredAt })
      .from(responses)
      .innerJoin(attempts, eq(attempts.id, responses.attemptId))
      .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId))
      .where(and(eq(attempts.userId, userId), eq(attempts.status, "submitted")))
      .orderBy(desc(responses.answeredAt), desc(attempts.submittedAt), asc(responses.questionId)),
    db.select({ id: topics.id, title: topics.title }).from(topics).orderBy(asc(topics.position)),
  ]);
  const titles = new Map(topicRows.map((t) => [t.id, t.title]));
  const mastery = computeMastery(graded, topicRows.map((t) => t.id), SKILLS);
  const topicRowsOut = mastery.topics.map((entry) => ({ ...entry, label: titles.get(entry.id) ?? entry.id }));
  return {
    topics: topicRowsOut,
    skills: mastery.skills.map((entry) => ({ ...entry, label: skillLabel(entry.id) })),
    responsesCounted: graded.length,
    trend: {
      topics: topicRowsOut.map(({ id, label }) => ({ id, label })),
      days: masteryHistory(graded, topicRowsOut.map((row) => row.id)),
    },
  };
}
