import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { importDrafts, lessonLevels, lessons, questions, questionVersions, quizzes } from "@/db/tables";
import { createImportDraft, deleteImportDraft, exportImportDraft, getImportDraft, getImportedLessonExtras, listImportDrafts, publishImportDraft, saveImportDraft } from "@/lib/data/imports";
import { listCatalogLessons } from "@/lib/data/lessons";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

describe("article import drafts", () => {
  let teacher: Awaited<ReturnType<typeof seedUser>>;
  let otherTeacher: Awaited<ReturnType<typeof seedUser>>;
  let student: Awaited<ReturnType<typeof seedUser>>;

  beforeAll(async () => {
    await createTestDb({ withContent: true });
    teacher = await seedUser({ role: "teacher" });
    otherTeacher = await seedUser({ role: "teacher" });
    student = await seedUser({ role: "student" });
  });

  it("creates a draft for a teacher, with glossary matches from the curriculum", async () => {
    signInAs(teacher);
    const { id } = await createImportDraft({ content: article, date: "2023-03-21" });
    const detail = await getImportDraft(id);
    expect(detail.draft.questions.length).toBeGreaterThanOrEqual(10);
    expect(detail.draft.lesson.vocabulary.some((v) => v.glossaryId === "veto")).toBe(true);
    expect((await listImportDrafts()).map((d) => d.id)).toContain(id);
  });

  it("stores nothing for bad input and says why", async () => {
    signInAs(teacher);
    const before = await getDb().$count(importDrafts);
    await expect(createImportDraft({ content: "\0\0\0binary" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/doesn't look like text/) });
    await expect(createImportDraft({ content: "El consejo aprobó el presupuesto. ".repeat(40) })).rejects.toMatchObject({ message: expect.stringMatching(/English/) });
    expect(await getDb().$count(importDrafts)).toBe(before);
  });

  it("refuses students and signed-out visitors", async () => {
    signInAs(student);
    await expect(createImportDraft({ content: article })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listImportDrafts()).rejects.toMatchObject({ code: "forbidden" });
    signOutTestUser();
    await expect(createImportDraft({ content: article })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("hides a draft from other teachers: read, save, publish, export and delete are all not found", async () => {
    signInAs(teacher);
    const { id } = await createImportDraft({ content: article });
    const { draft } = await getImportDraft(id);
    signInAs(otherTeacher);
    await expect(getImportDraft(id)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveImportDraft(id, { title: "Mine now", questions: draft.questions })).rejects.toMatchObject({ code: "not_found" });
    await expect(publishImportDraft(id)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportImportDraft(id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteImportDraft(id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listImportDrafts()).map((d) => d.id)).not.toContain(id);
    signInAs(teacher);
    expect((await getImportDraft(id)).title).toBe(draft.title);
  });

  it("saves edits, rejects invalid questions and evidence that is not in the article", async () => {
    signInAs(teacher);
    const { id } = await createImportDraft({ content: article });
    const { draft } = await getImportDraft(id);
    const edited = draft.questions.slice(1).map((q) => (q.type === "single" ? { ...q, prompt: `Edited: ${q.prompt}` } : q));
    await saveImportDraft(id, { title: "Sanctions vote", questions: edited });
    const saved = await getImportDraft(id);
    expect(saved.title).toBe("Sanctions vote");
    expect(saved.draft.questions).toHaveLength(draft.questions.length - 1);
    // Ids stay with their questions across edits (so a republished edit is a new version of the same question).
    expect(saved.draft.questions.map((q) => q.id)).toEqual(edited.map((q) => q.id));
    const added = { ...edited[0]!, id: edited[1]!.id };
    const withDuplicate = await (async () => {
      await saveImportDraft(id, { title: "Sanctions vote", questions: [...edited, added] });
      return (await getImportDraft(id)).draft.questions.map((q) => q.id);
    })();
    expect(new Set(withDuplicate).size).toBe(withDuplicate.length);
    await saveImportDraft(id, { title: "Sanctions vote", questions: edited });

    const single = edited.find((q) => q.type === "single")!;
    await expect(saveImportDraft(id, { title: "x", questions: [{ ...single, answer: "z" }] })).rejects.toMatchObject({ message: expect.stringMatching(/Question 1: answer/), fields: { "questions.0": expect.stringMatching(/^answer/) } });
    await expect(saveImportDraft(id, { title: "x", questions: [{ ...single, evidence: "A sentence the article never said." }] })).rejects.toMatchObject({ message: expect.stringMatching(/sentence from the article/), fields: { "questions.0": expect.stringMatching(/sentence from the article/) } });
    await expect(saveImportDraft(id, { title: "x", questions: "nope" })).rejects.toMatchObject({ code: "bad_request" });
    expect((await getImportDraft(id)).draft.questions).toHaveLength(edited.length);
  });

  it("publishes a private lesson and quiz once, visible only to its owner", async () => {
    signInAs(teacher);
    const { id } = await createImportDraft({ content: article, date: "2023-03-21", outlet: "Civics Wire" });
    const { draft } = await getImportDraft(id);
    const first = await publishImportDraft(id);
    const again = await publishImportDraft(id);
    expect(again).toEqual(first);

    const db = getDb();
    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, first.lessonId));
    expect(lesson).toMatchObject({ origin: "imported", ownerId: teacher.id, quizId: first.quizId, topicId: "article", asOf: "2023-03-21" });
    const [level] = await db.select().from(lessonLevels).where(eq(lessonLevels.lessonId, first.lessonId));
    expect(level!.level).toBe(2);
    expect(level!.body.sections[0]!.paragraphs.map((p) => p.anchor)).toEqual(draft.paragraphs.map((_, i) => `p${i + 1}`));
    const [quiz] = await db.select().from(quizzes).where(eq(quizzes.id, first.quizId));
    expect(quiz!.ownerId).toBe(teacher.id);
    const rows = await db.select().from(questions).innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId)).where(eq(questions.quizId, first.quizId));
    expect(rows).toHaveLength(draft.questions.length);
    // Public data carries no answers; the key is stored apart.
    for (const { question_versions: version } of rows) {
      expect(JSON.stringify(version.publicData)).not.toMatch(/"answer"|explanation/);
      expect(version.keyData).toHaveProperty("key");
      expect(version.evidence).toMatch(/^p\d+$/);
    }

    expect((await listCatalogLessons()).map((l) => l.id)).toContain(first.lessonId);
    signInAs(otherTeacher);
    expect((await listCatalogLessons()).map((l) => l.id)).not.toContain(first.lessonId);

    signInAs(teacher);
    const extras = await getImportedLessonExtras(first.lessonId);
    expect(extras).not.toBeNull();
    expect(extras!.source).toMatchObject({ outlet: "Civics Wire", date: "2023-03-21", title: draft.title });
    // The draft's timeline and people reach the published lesson, each pointing at its paragraph.
    expect(extras!.timeline.map((e) => e.description)).toEqual(draft.lesson.timeline.map((e) => e.text));
    expect(extras!.timeline.length).toBeGreaterThan(0);
    expect(extras!.actors.map((a) => a.name)).toEqual(draft.lesson.actors.map((a) => a.name));
    for (const item of [...extras!.timeline, ...extras!.actors]) expect(item.source).toMatch(/^#p\d+$/);
    // Definitions are the draft's, not the curriculum glossary's.
    expect(extras!.vocabulary).toEqual(draft.lesson.vocabulary.filter((v) => v.definition).map((v) => ({ id: expect.any(String) as unknown, term: v.term, definition: v.definition })));
    signInAs(otherTeacher);
    expect(await getImportedLessonExtras(first.lessonId)).toBeNull();
  });

  it("corrects a published lesson as a new version: changed questions get a new version, deleted ones retire, unchanged ones stay", async () => {
    signInAs(teacher);
    const { id } = await createImportDraft({ content: article, date: "2023-03-21" });
    const { draft } = await getImportDraft(id);
    const first = await publishImportDraft(id);
    expect(first.version).toBe(1);
    const db = getDb();
    const before = await db.select().from(questions).innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId)).where(eq(questions.quizId, first.quizId));
    const target = draft.questions.findIndex((q) => q.type === "single");
    const edited = draft.questions.map((q, i) => (i === target && q.type === "single" ? { ...q, prompt: `Corrected: ${q.prompt}` } : q)).slice(0, -1);
    await saveImportDraft(id, { title: "Sanctions vote (corrected)", questions: edited });
    expect((await getImportDraft(id)).publication).toMatchObject({ version: 1, unpublishedChanges: true });
    const second = await publishImportDraft(id);
    expect(second).toMatchObject({ lessonId: first.lessonId, quizId: first.quizId, version: 2 });
    expect((await getImportDraft(id)).publication).toMatchObject({ version: 2, unpublishedChanges: false });
    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, first.lessonId));
    expect(lesson!.title).toBe("Sanctions vote (corrected)");

    const after = await db.select().from(questions).innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId)).where(eq(questions.quizId, first.quizId));
    const byId = (rows: typeof after) => new Map(rows.map((r) => [r.questions.id, r]));
    const old = byId(before);
    const now = byId(after);
    const changedId = `${first.lessonId}-${draft.questions[target]!.id}`;
    expect(now.get(changedId)!.question_versions.version).toBe(2);
    // The old version is still there for past attempts.
    expect((await db.select().from(questionVersions).where(eq(questionVersions.questionId, changedId))).map((v) => v.version).sort()).toEqual([1, 2]);
    const unchangedId = `${first.lessonId}-${draft.questions[target === 0 ? 1 : 0]!.id}`;
    expect(now.get(unchangedId)!.question_versions.id).toBe(old.get(unchangedId)!.question_versions.id);
    const deletedId = `${first.lessonId}-${draft.questions.at(-1)!.id}`;
    expect(now.get(deletedId)!.questions.retired).toBe(true);
    expect([...now.values()].filter((r) => !r.questions.retired)).toHaveLength(edited.length);
    // Publishing again with nothing new changes nothing.
    expect(await publishImportDraft(id)).toEqual(second);

    signInAs(otherTeacher);
    await expect(saveImportDraft(id, { title: "x", questions: edited })).rejects.toMatchObject({ code: "not_found" });
  });

  it("exports content files and deletes a draft", async () => {
    signInAs(teacher);
    const { id } = await createImportDraft({ content: article });
    const exported = await exportImportDraft(id);
    expect(exported.files.map((f) => f.path)).toEqual([`lessons/${exported.slug}/lesson.yaml`, `lessons/${exported.slug}/level-2.md`, `quizzes/${exported.slug}-quiz.yaml`]);
    const { GET } = await import("@/app/import/[draftId]/download/route");
    const response = await GET(new Request("http://localhost/x"), { params: Promise.resolve({ draftId: id }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${exported.slug}.zip"`);
    const zipped = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.fromEntries(Object.entries(zipped).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual(Object.fromEntries(exported.files.map((f) => [f.path, f.contents])));
    const badId = await GET(new Request("http://localhost/x"), { params: Promise.resolve({ draftId: "not-a-uuid" }) });
    expect(badId.status).toBe(404);
    await deleteImportDraft(id);
    await expect(getImportDraft(id)).rejects.toMatchObject({ code: "not_found" });
  });
});
