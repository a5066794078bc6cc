import { beforeEach, describe, expect, it, vi } from "vitest";
import { attempts, readingProgress } from "@/db/tables";
import { assignmentStatus, createAssignment, deleteAssignment, listAssignableLessons, listClassAssignments, listMyAssignments } from "@/lib/data/assignments";
import { addRosterStudents, createClass } from "@/lib/data/classes";
import { getClassGrid, getStudentDetailForTeacher } from "@/lib/data/dashboard";
import { getClassMastery, getStudentMasteryForTeacher } from "@/lib/data/mastery";
import { createAssignmentSchema } from "@/lib/validations/assignments";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

let db: Awaited<ReturnType<typeof createTestDb>>;
let teacher: Awaited<ReturnType<typeof seedUser>>;
let otherTeacher: Awaited<ReturnType<typeof seedUser>>;
let classId: string;

beforeEach(async () => {
  db = await createTestDb({ withContent: true });
  teacher = await seedUser({ role: "teacher" });
  otherTeacher = await seedUser({ role: "teacher" });
  signInAs(teacher);
  classId = (await createClass("Civics 3")).id;
});

const base = { includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "test" as const };

describe("assignments", () => {
  it("assigns a curriculum lesson and its quiz with settings", async () => {
    const lessons = await listAssignableLessons();
    expect(lessons.map((l) => l.id)).toContain("sanctions");
    const due = new Date(Date.UTC(2026, 11, 1, 15, 0));
    await createAssignment({ ...base, classId, lessonId: "sanctions", dueAt: due, readingLevel: 2, attemptLimit: 2 }, new Date(Date.UTC(2026, 10, 28)));
    const [assignment] = await listClassAssignments(classId);
    expect(assignment).toMatchObject({ lessonId: "sanctions", quizId: "sanctions-quiz", dueAt: due, readingLevel: 2, attemptLimit: 2, quizMode: "test" });
  });

  it("lists each lesson's own reading levels and refuses a level the lesson isn't written at", async () => {
    const lessons = await listAssignableLessons();
    expect(lessons.find((l) => l.id === "sanctions")?.levels).toEqual([2]);
    expect(lessons.find((l) => l.id === "who-is-responsible")?.levels).toEqual([1, 2, 3]);
    await expect(createAssignment({ ...base, classId, lessonId: "sanctions", readingLevel: 3 })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/isn't written at level 3/) });
    expect(await listClassAssignments(classId)).toEqual([]);
    await createAssignment({ ...base, classId, lessonId: "who-is-responsible", includeQuiz: false, readingLevel: 3 });
    expect((await listClassAssignments(classId))[0]).toMatchObject({ lessonId: "who-is-responsible", readingLevel: 3 });
  });

  it("validates the form: nothing assigned, bad limits, and due times in the teacher's timezone", () => {
    const form = { classId, lessonId: "sanctions", quizMode: "test", timezoneOffset: "300" };
    expect(createAssignmentSchema.safeParse({ ...form }).error?.issues[0]?.message).toMatch(/lesson, the quiz, or both/);
    expect(createAssignmentSchema.safeParse({ ...form, includeQuiz: "on", attemptLimit: "0" }).error?.issues[0]?.message).toMatch(/between 1 and 20/);
    expect(createAssignmentSchema.safeParse({ ...form, includeQuiz: "on", readingLevel: "7" }).error?.issues[0]?.message).toMatch(/1 to 3/);
    const parsed = createAssignmentSchema.parse({ ...form, includeQuiz: "on", dueAt: "2036-12-01T10:00" });
    // 10:00 at UTC-5 is 15:00 UTC.
    expect(parsed.dueAt?.toISOString()).toBe("2036-12-01T15:00:00.000Z");
  });

  it("refuses unknown lessons and another teacher's class; another teacher can't delete", async () => {
    await expect(createAssignment({ ...base, classId, lessonId: "no-such-lesson" })).rejects.toMatchObject({ code: "not_found" });
    signInAs(otherTeacher);
    await expect(createAssignment({ ...base, classId, lessonId: "sanctions" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listClassAssignments(classId)).rejects.toMatchObject({ code: "not_found" });
    signInAs(teacher);
    const { id } = await createAssignment({ ...base, classId, lessonId: "thaad" });
    signInAs(otherTeacher);
    await expect(deleteAssignment(classId, id)).rejects.toMatchObject({ code: "not_found" });
    const mine = await createClass("Mine");
    await expect(deleteAssignment(mine.id, id)).rejects.toMatchObject({ code: "not_found" });
    signInAs(teacher);
    expect(await listClassAssignments(classId)).toHaveLength(1);
    await deleteAssignment(classId, id);
    expect(await listClassAssignments(classId)).toHaveLength(0);
  });

  it("students see their own classes' assignments with status; the grid matches", async () => {
    const now = new Date(Date.UTC(2026, 10, 28, 12));
    const [ada, bo] = await addRosterStudents(classId, ["Ada L", "Bo K"]);
    const past = new Date(now.getTime() - 86_400_000);
    const future = new Date(now.getTime() + 86_400_000);
    const assignedAt = new Date(now.getTime() - 7 * 86_400_000);
    const quizOnly = await createAssignment({ ...base, includeLesson: false, classId, lessonId: "sanctions", dueAt: past }, assignedAt);
    const reading = await createAssignment({ ...base, includeQuiz: false, classId, lessonId: "thaad", dueAt: future }, assignedAt);
    // Ada submitted the quiz after the due date and finished the reading; Bo did nothing.
    await db.insert(attempts).values({ quizId: "sanctions-quiz", userId: ada!.studentId, assignmentId: quizOnly.id, mode: "test", status: "submitted", layout: { questions: [] }, draft: {}, score: 12, maxScore: 15, submittedAt: new Date(now.getTime() - 3600_000) });
    await db.insert(readingProgress).values({ userId: ada!.studentId, lessonId: "thaad", level: 2, sectionsRead: [], completedAt: now });

    signInAs({ id: ada!.studentId, name: "Ada L", role: "student", username: ada!.username });
    const mine = await listMyAssignments(now);
    expect(Object.fromEntries(mine.map((a) => [a.lessonId, [a.status, a.bestScore]]))).toEqual({ sanctions: ["late", 0.8], thaad: ["done", null] });

    signInAs({ id: bo!.studentId, name: "Bo K", role: "student", username: bo!.username });
    expect(Object.fromEntries((await listMyAssignments(now)).map((a) => [a.lessonId, a.status]))).toEqual({ sanctions: "missing", thaad: "not_started" });

    // A student of another class sees none of it.
    signInAs(await seedUser({ role: "student" }));
    expect(await listMyAssignments(now)).toEqual([]);

    signInAs(teacher);
    const grid = await getClassGrid(classId, now);
    const adaRow = grid.rows.find((r) => r.studentId === ada!.studentId)!;
    expect(adaRow.cells[quizOnly.id]).toMatchObject({ status: "late", bestScore: 0.8, attempts: 1 });
    expect(adaRow.cells[reading.id]).toMatchObject({ status: "done", lessonCompleted: true });
    expect(adaRow.average).toBe(0.8);
    const detail = await getStudentDetailForTeacher(classId, ada!.studentId);
    expect(detail.attempts).toHaveLength(1);
    const mastery = await getClassMastery(classId);
    expect(mastery.find((t) => t.topicId === "sanctions")!.counts.reduce((a, b) => a + b, 0)).toBe(2);
    await expect(getStudentMasteryForTeacher(classId, ada!.studentId)).resolves.toMatchObject({ responsesCounted: 0 });
    signInAs(otherTeacher);
    await expect(getClassGrid(classId, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getStudentDetailForTeacher(classId, ada!.studentId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getStudentMasteryForTeacher(classId, ada!.studentId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getClassMastery(classId)).rejects.toMatchObject({ code: "not_found" });
    const otherClass = await createClass("Other");
    await expect(getStudentMasteryForTeacher(otherClass.id, ada!.studentId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("assignment status", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  const due = new Date("2026-11-27T12:00:00Z");
  const start = { now, dueAt: due, needsLesson: true, needsQuiz: true, lessonStarted: false, lessonCompleted: false, quizStarted: false, firstSubmittedAt: null };
  it("derives each status", () => {
    expect(assignmentStatus({ ...start, dueAt: null })).toBe("not_started");
    expect(assignmentStatus({ ...start, dueAt: null, lessonStarted: true })).toBe("in_progress");
    expect(assignmentStatus(start)).toBe("missing");
    expect(assignmentStatus({ ...start, lessonCompleted: true, lessonStarted: true })).toBe("incomplete");
    expect(assignmentStatus({ ...start, lessonCompleted: true, firstSubmittedAt: new Date("2026-11-26T12:00:00Z") })).toBe("done");
    expect(assignmentStatus({ ...start, lessonCompleted: true, firstSubmittedAt: new Date("2026-11-28T08:00:00Z") })).toBe("late");
    expect(assignmentStatus({ ...start, needsLesson: false, firstSubmittedAt: new Date("2026-11-26T12:00:00Z") })).toBe("done");
  });
});
