import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createAssignment } from "@/lib/data/assignments";
import { createClass, joinClassAsCurrentStudent } from "@/lib/data/classes";
import { createImportDraft, publishImportDraft } from "@/lib/data/imports";
import { IMPORT_AUTHORING_NOTE, getQuizSummary, listVisibleQuizzes } from "@/lib/data/quizzes";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

describe("an imported quiz's description", () => {
  let teacher: Awaited<ReturnType<typeof seedUser>>;
  let student: Awaited<ReturnType<typeof seedUser>>;
  let quizId: string;

  beforeAll(async () => {
    await createTestDb({ withContent: true });
    teacher = await seedUser({ role: "teacher" });
    student = await seedUser({ role: "student" });
    signInAs(teacher);
    const published = await publishImportDraft((await createImportDraft({ content: article })).id);
    quizId = published.quizId;
    const { id: classId, joinCode } = await createClass("Period 1");
    await createAssignment({ classId, lessonId: published.lessonId, includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "test" });
    signInAs(student);
    await joinClassAsCurrentStudent(joinCode);
  });

  it("keeps the authoring note for its teacher", async () => {
    signInAs(teacher);
    expect((await getQuizSummary(quizId)).description).toBe(IMPORT_AUTHORING_NOTE);
  });

  it("gives students a description written for them, on the quiz page and in the list", async () => {
    signInAs(student);
    const summary = await getQuizSummary(quizId);
    expect(summary.description).not.toContain("reviewed by the teacher");
    expect(summary.description).toBe(`Questions about “${summary.lessonTitle}”, chosen by your teacher.`);
    const listed = (await listVisibleQuizzes()).find((q) => q.id === quizId)!;
    expect(listed.description).toBe(summary.description);
    // Curriculum quizzes keep their own descriptions.
    const curriculum = (await listVisibleQuizzes()).find((q) => q.id === "sanctions-quiz")!;
    expect(curriculum.description).not.toBe(summary.description);
  });
});
