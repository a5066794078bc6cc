/**
 * The signed-in student's progress: mastery per topic and skill from their
 * graded responses (lib/quiz/mastery.ts has the rules).
 */
import "server-only";
import { asc, desc, eq, and } from "drizzle-orm";
import { getDb } from "../../db/client";
import { attempts, questionVersions, responses, topics } from "../../db/schema";
import { requireUser } from "../auth/session";
import { SKILLS } from "../content/schema";
import { computeMastery, type MasteryEntry } from "../quiz/mastery";

export interface MasteryRow extends MasteryEntry {
  label: string;
}

export interface Progress {
  topics: MasteryRow[];
  skills: MasteryRow[];
  responsesCounted: number;
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
};

export function skillLabel(id: string): string {
  return (SKILL_LABELS as Record<string, string>)[id] ?? id;
}

/** Mastery from responses of the caller's submitted attempts only (drafts and open attempts don't count). */
export async function getMyMastery(): Promise<Progress> {
  const user = await requireUser();
  const db = getDb();
  const [graded, topicRows] = await Promise.all([
    db
      .select({ topicId: questionVersions.topicId, skills: questionVersions.skills, credit: responses.credit })
      .from(responses)
      .innerJoin(attempts, eq(attempts.id, responses.attemptId))
      .innerJoin(questionVersions, eq(questionVersions.id, responses.questionVersionId))
      .where(and(eq(attempts.userId, user.id), eq(attempts.status, "submitted")))
      .orderBy(desc(responses.answeredAt), desc(attempts.submittedAt), asc(responses.questionId)),
    db.select({ id: topics.id, title: topics.title }).from(topics).orderBy(asc(topics.position)),
  ]);
  const titles = new Map(topicRows.map((t) => [t.id, t.title]));
  const mastery = computeMastery(graded, topicRows.map((t) => t.id), SKILLS);
  return {
    topics: mastery.topics.map((entry) => ({ ...entry, label: titles.get(entry.id) ?? entry.id })),
    skills: mastery.skills.map((entry) => ({ ...entry, label: skillLabel(entry.id) })),
    responsesCounted: graded.length,
  };
}
