import { beforeEach, describe, expect, it, vi } from "vitest";
import { attempts, readingProgress } from "@/db/tables";
import { createAssignment } from "@/lib/data/assignments";
import { addRosterStudents, createClass, setClassArchived } from "@/lib/data/classes";
import { getTeacherToday } from "@/lib/data/teacher-home";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

let db: Awaited<ReturnType<typeof createTestDb>>;
let teacher: Awaited<ReturnType<typeof seedUser>>;
let otherTeacher: Awaited<ReturnType<typeof seedUser>>;
const now = new Date(Date.UTC(2026, 10, 28, 12));
const hours = (n: number) => new Date(now.getTime() + n * 3600_000);
// The past-due assignments were set up before their due dates passed (the form refuses a due date already past).
const CREATED_AT = hours(-24 * 10);
const base = { includeLesson: false, includeQuiz: true, quizMode: "test" as const };

beforeEach(async () => {
  db = await createTestDb({ withContent: true });
  signOutTestUser();
  teacher = await seedUser({ role: "teacher" });
  otherTeacher = await seedUser({ role: "teacher" });
});

async function submitted(userId: string, assignmentId: string, quizId: string, score: number, at: Date) {
  await db.insert(attempts).values({ quizId, userId, assignmentId, mode: "test", status: "submitted", layout: { questions: [] }, draft: {}, score, maxScore: 10, submittedAt: at });
}

describe("teacher home (who needs me today)", () => {
  it("lists students most in need with reasons, and submissions per assignment", async () => {
    signInAs(teacher);
    const { id: classId } = await createClass("Period 2");
    const [ada, , cy, di] = await addRosterStudents(classId, ["Ada L", "Bo K", "Cy M", "Di N"]);
    // Two past quizzes, one due tomorrow, one reading due in a month.
    const first = await createAssignment({ ...base, classId, lessonId: "sanctions", dueAt: hours(-72) }, CREATED_AT);
    const second = await createAssignment({ ...base, classId, lessonId: "thaad", dueAt: hours(-24) }, CREATED_AT);
    const soon = await createAssignment({ ...base, classId, lessonId: "six-party-talks", dueAt: hours(20) }, CREATED_AT);
    const reading = await createAssignment({ classId, lessonId: "reading-the-news", includeLesson: true, includeQuiz: false, quizMode: "test", dueAt: hours(24 * 30) }, CREATED_AT);
    // Ada: 90% then 40% (low and falling). Bo: did nothing (missing twice). Cy: fine and started the next quiz. Di: fine, read the reading.
    await submitted(ada!.studentId, first.id, "sanctions-quiz", 9, hours(-80));
    await submitted(ada!.studentId, second.id, "thaad-quiz", 4, hours(-30));
    for (const s of [cy!, di!]) {
      await submitted(s.studentId, first.id, "sanctions-quiz", 8, hours(-80));
      await submitted(s.studentId, second.id, "thaad-quiz", 8, hours(-30));
    }
    await db.insert(attempts).values({ quizId: "six-party-talks-quiz", userId: cy!.studentId, assignmentId: soon.id, mode: "test", status: "in_progress", layout: { questions: [] }, draft: {} });
    await db.insert(readingProgress).values({ userId: di!.studentId, lessonId: "reading-the-news", level: 2, sectionsRead: [], completedAt: hours(-1) });

    const [today] = await getTeacherToday(now);
    expect(today!.name).toBe("Period 2");
    expect(today!.studentCount).toBe(4);
    // Bo (missing work) comes first, then Ada; Di hasn't started the quiz due tomorrow; Cy has.
    expect(today!.needs.map((n) => n.displayName)).toEqual(["Bo K", "Ada L", "Di N"]);
    expect(today!.needsTotal).toBe(3);
    const [boNeed, adaNeed, diNeed] = today!.needs;
    expect(boNeed!.reasons).toEqual([{ kind: "missing", assignments: ["UN sanctions on North Korea quiz", "THAAD quiz"] }, expect.objectContaining({ kind: "not_started_due_soon" })]);
    expect(adaNeed!.reasons.map((r) => r.kind)).toEqual(["low_score", "falling", "not_started_due_soon"]);
    expect(adaNeed!.reasons[0]).toMatchObject({ kind: "low_score", score: 0.4 });
    expect(adaNeed!.reasons[1]).toMatchObject({ kind: "falling", from: 0.9, to: 0.4 });
    expect(diNeed!.reasons).toEqual([expect.objectContaining({ kind: "not_started_due_soon", dueAt: hours(20) })]);

    const counts = Object.fromEntries(today!.assignments.map((a) => [a.id, [a.submitted, a.students, a.state]]));
    expect(counts).toEqual({
      [first.id]: [3, 4, "overdue"],
      [second.id]: [3, 4, "overdue"],
      [soon.id]: [0, 4, "due_soon"],
      [reading.id]: [1, 4, "open"],
    });
    expect(today!.assignments.find((a) => a.id === second.id)!.averageScore).toBeCloseTo((0.4 + 0.8 + 0.8) / 3);
    expect(today!.assignments.find((a) => a.id === reading.id)!.hasQuiz).toBe(false);
  });

  it("another teacher sees none of it; archived classes drop out; students and learners are refused", async () => {
    signInAs(teacher);
    const { id: classId } = await createClass("Mine");
    await addRosterStudents(classId, ["Ada L"]);
    await createAssignment({ ...base, classId, lessonId: "sanctions", dueAt: hours(-24) }, CREATED_AT);
    expect((await getTeacherToday(now)).map((c) => c.name)).toEqual(["Mine"]);

    signInAs(otherTeacher);
    expect(await getTeacherToday(now)).toEqual([]);
    const { id: theirs } = await createClass("Theirs");
    expect((await getTeacherToday(now)).map((c) => c.id)).toEqual([theirs]);

    signInAs(teacher);
    await setClassArchived(classId, true);
    expect(await getTeacherToday(now)).toEqual([]);

    for (const role of ["student", "learner"] as const) {
      signInAs(await seedUser({ role }));
      await expect(getTeacherToday(now)).rejects.toMatchObject({ code: "forbidden" });
    }
    signOutTestUser();
    await expect(getTeacherToday(now)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("a class where everyone is on track has no one in need", async () => {
    signInAs(teacher);
    const { id: classId } = await createClass("Calm");
    const [ada] = await addRosterStudents(classId, ["Ada L"]);
    const done = await createAssignment({ ...base, classId, lessonId: "sanctions", dueAt: hours(-24) }, CREATED_AT);
    await submitted(ada!.studentId, done.id, "sanctions-quiz", 9, hours(-30));
    const [today] = await getTeacherToday(now);
    expect(today!.needs).toEqual([]);
    expect(today!.assignments[0]).toMatchObject({ submitted: 1, students: 1, averageScore: 0.9 });
  });
});
