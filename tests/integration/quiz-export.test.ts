import { strFromU8, unzipSync } from "fflate";
import { parse } from "gift-pegjs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { writerFor } from "@/db/open";
import { quizzes } from "@/db/tables";
import { GET } from "@/app/quizzes/[quizId]/export/[format]/route";
import { createImportDraft, publishImportDraft } from "@/lib/data/imports";
import { buildQuizExport, getPrintableAnswerKey, getQuizWithKeyForTeacher } from "@/lib/data/quiz-export";
import { createTestDb, realContent } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";
import fs from "node:fs";
import path from "node:path";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");
const call = (quizId: string, format: string) => GET(new Request("http://localhost/x"), { params: Promise.resolve({ quizId, format }) });

describe("quiz export to the LMS (teacher-only: the answer key leaves only this way)", () => {
  let teacher: Awaited<ReturnType<typeof seedUser>>;
  let otherTeacher: Awaited<ReturnType<typeof seedUser>>;
  let student: Awaited<ReturnType<typeof seedUser>>;
  let learner: Awaited<ReturnType<typeof seedUser>>;
  let privateQuiz: string;
  const curriculumQuiz = () => realContent().quizzes.find((q) => q.id === "sanctions-quiz")!;

  beforeAll(async () => {
    await createTestDb({ withContent: true });
    teacher = await seedUser({ role: "teacher" });
    otherTeacher = await seedUser({ role: "teacher" });
    student = await seedUser({ role: "student" });
    learner = await seedUser({ role: "learner" });
    signInAs(teacher);
    const { id } = await createImportDraft({ content: article, date: "2023-03-21" });
    privateQuiz = (await publishImportDraft(id)).quizId;
  });

  it("downloads each format of a curriculum quiz for any teacher, keys included", async () => {
    signInAs(otherTeacher);
    const quiz = curriculumQuiz();
    const imscc = await call(quiz.id, "imscc");
    expect(imscc.status).toBe(200);
    expect(imscc.headers.get("content-type")).toBe("application/zip");
    expect(imscc.headers.get("cache-control")).toBe("private, no-store");
    expect(imscc.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.imscc"/);
    const files = unzipSync(new Uint8Array(await imscc.arrayBuffer()));
    expect(strFromU8(files["imsmanifest.xml"]!)).toContain("IMS Common Cartridge");

    const gift = await call(quiz.id, "gift");
    expect(gift.status).toBe(200);
    const parsed = parse(await gift.text()).filter((q) => q.type !== "Category");
    expect(parsed.length).toBe(quiz.questions.filter((q) => q.type !== "ordering" && !(q.type === "cloze" && (q.text.match(/\{\{/g) ?? []).length > 1)).length);

    const moodle = await call(quiz.id, "moodle");
    expect(moodle.status).toBe(200);
    expect((await moodle.text()).match(/<question type="(?!category)/g)).toHaveLength(quiz.questions.length);
  });

  it("exports a teacher's own imported quiz to that teacher, and to no one else", async () => {
    signInAs(teacher);
    const mine = await getQuizWithKeyForTeacher(privateQuiz);
    expect(mine.questions.length).toBeGreaterThan(5);
    expect((await call(privateQuiz, "moodle")).status).toBe(200);

    signInAs(otherTeacher);
    await expect(buildQuizExport(privateQuiz, "gift")).rejects.toMatchObject({ code: "not_found" });
    await expect(getPrintableAnswerKey(privateQuiz)).rejects.toMatchObject({ code: "not_found" });
    expect((await call(privateQuiz, "imscc")).status).toBe(404);
  });

  it("refuses students, self-learners and guests, even for a public curriculum quiz", async () => {
    const quizId = curriculumQuiz().id;
    for (const user of [student, learner]) {
      signInAs(user);
      await expect(buildQuizExport(quizId, "moodle")).rejects.toMatchObject({ code: "forbidden" });
      await expect(getPrintableAnswerKey(quizId)).rejects.toMatchObject({ code: "forbidden" });
      expect((await call(quizId, "gift")).status).toBe(403);
    }
    signOutTestUser();
    expect((await call(quizId, "imscc")).status).toBe(401);
    await expect(getPrintableAnswerKey(quizId)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("answers 404 for an unknown format or a retired quiz", async () => {
    signInAs(teacher);
    const quizId = curriculumQuiz().id;
    expect((await call(quizId, "docx")).status).toBe(404);
    await writerFor(getDb()).update(quizzes).set({ retired: true }).where(eq(quizzes.id, quizId));
    try {
      expect((await call(quizId, "gift")).status).toBe(404);
    } finally {
      await writerFor(getDb()).update(quizzes).set({ retired: false }).where(eq(quizzes.id, quizId));
    }
  });

  it("prints an answer key with each answer in words and the sentence that proves it", async () => {
    signInAs(teacher);
    const { items } = await getPrintableAnswerKey(curriculumQuiz().id);
    expect(items).toHaveLength(curriculumQuiz().questions.length);
    const veto = items.find((i) => i.answer.some((a) => /veto/i.test(a)))!;
    expect(veto.evidence.sentence).toMatch(/veto/i);
    for (const item of items) {
      expect(item.answer.length).toBeGreaterThan(0);
      expect(item.evidence.sentence?.length ?? 0).toBeGreaterThan(10);
    }
  });
});
