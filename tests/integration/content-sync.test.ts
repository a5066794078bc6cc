import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { lessons, questions, questionVersions } from "@/db/tables";
import type { LoadedContent } from "@/lib/content/load";
import { syncContent } from "@/lib/data/content-sync";
import { createTestDb, realContent } from "../helpers/db";

function cloneContent(): LoadedContent {
  return structuredClone(realContent());
}

describe("content sync", () => {
  it("loads every lesson, quiz and question, and a second sync changes nothing", async () => {
    const db = await createTestDb();
    const content = realContent();
    const first = await syncContent(db, content);
    const questionCount = content.quizzes.reduce((n, q) => n + q.questions.length, 0);
    expect(first).toMatchObject({ lessons: content.lessons.length, quizzes: content.quizzes.length, questionsAdded: questionCount, versionsAdded: questionCount, retired: 0 });
    const second = await syncContent(db, content);
    expect(second).toMatchObject({ lessons: 0, questionsAdded: 0, versionsAdded: 0, retired: 0 });
    expect(await db.$count(questionVersions)).toBe(questionCount);
  });

  it("gives a question a new version when its text changes and keeps the old one", async () => {
    const db = await createTestDb();
    await syncContent(db, realContent());
    const changed = cloneContent();
    const question = changed.quizzes[0]!.questions[0]!;
    question.prompt = `${question.prompt} (reworded)`;
    const report = await syncContent(db, changed);
    expect(report.versionsAdded).toBe(1);
    const versions = await db.select().from(questionVersions).where(eq(questionVersions.questionId, question.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    const [row] = await db.select().from(questions).where(eq(questions.id, question.id));
    const current = versions.find((v) => v.id === row!.currentVersionId)!;
    expect(current.version).toBe(2);
    expect(current.publicData.prompt).toContain("(reworded)");
  });

  it("updates tags in place without a new version", async () => {
    const db = await createTestDb();
    await syncContent(db, realContent());
    const changed = cloneContent();
    const question = changed.quizzes[1]!.questions[2]!;
    question.difficulty = question.difficulty === 3 ? 1 : 3;
    const report = await syncContent(db, changed);
    expect(report.versionsAdded).toBe(0);
    const versions = await db.select().from(questionVersions).where(eq(questionVersions.questionId, question.id));
    expect(versions).toHaveLength(1);
    expect(versions[0]!.difficulty).toBe(question.difficulty);
  });

  it("retires questions and lessons removed from content instead of deleting them", async () => {
    const db = await createTestDb();
    await syncContent(db, realContent());
    const changed = cloneContent();
    const removedLesson = changed.lessons.pop()!;
    changed.quizzes = changed.quizzes.filter((q) => q.lesson !== removedLesson.meta.slug);
    const removedQuestion = changed.quizzes[0]!.questions.pop()!;
    await syncContent(db, changed);
    const [question] = await db.select().from(questions).where(eq(questions.id, removedQuestion.id));
    expect(question!.retired).toBe(true);
    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, removedLesson.meta.slug));
    expect(lesson!.retired).toBe(true);
  });
});
