/**
 * Issue 19, findings 1–8: a test is a test, work started anywhere counts, the
 * grid tells the truth, times carry their zone, and the assignment form's
 * rules hold on the server. Each block names the finding it covers.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as guestGradeRoute } from "@/app/api/quizzes/[quizId]/grade/route";
import { POST as checkRoute } from "@/app/api/attempts/[attemptId]/check/route";
import { startAttemptAction } from "@/app/quizzes/[quizId]/actions";
import { restoreAssignmentAction } from "@/app/classes/actions";
import type { Database } from "@/db/open";
import { assignments, attempts, questionVersions } from "@/db/tables";
import {
  ASSIGNMENT_UNDO_MS,
  createAssignment,
  deleteAssignment,
  getMyQuizAssignment,
  listClassAssignments,
  listMyAssignments,
  listRecentlyRemovedAssignments,
  restoreAssignment,
} from "@/lib/data/assignments";
import { checkQuestion, getAttemptForTaking, getAttemptResults, startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { addRosterStudents, createClass } from "@/lib/data/classes";
import { getClassGrid } from "@/lib/data/dashboard";
import { createImportDraft, publishImportDraft } from "@/lib/data/imports";
import { currentPublicQuestions } from "@/lib/data/quizzes";
import { getNextReviewCard, submitReview } from "@/lib/data/review";
import { formatInZone } from "@/lib/dates";
import type { QuizMode } from "@/lib/quiz/types";
import { createAssignmentSchema } from "@/lib/validations/assignments";
import { perfectAnswer } from "../helpers/answers";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const QUIZ_ID = "sanctions-quiz";
const LESSON_ID = "sanctions";
const ORIGIN = "http://localhost:3000";
const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

let db: Database;
let teacher: Awaited<ReturnType<typeof seedUser>>;
let classId: string;

beforeEach(async () => {
  db = await createTestDb({ withContent: true });
  teacher = await seedUser({ role: "teacher" });
  signInAs(teacher);
  classId = (await createClass("Period 2")).id;
});

function jsonRequest(body: unknown): Request {
  return new Request(`${ORIGIN}/api/x`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost:3000" } });
}

/** The probe from the issue: every question of the quiz, every answer null. */
async function allNullProbe(quizId: string) {
  const shown = await currentPublicQuestions(db, quizId);
  const response = await guestGradeRoute(jsonRequest({ answers: shown.map((q) => ({ questionId: q.questionId, versionId: q.versionId, answer: null })) }), { params: Promise.resolve({ quizId }) });
  return { status: response.status, body: (await response.json()) as { questions?: { correctLines: string[] }[]; error?: { message: string } } };
}

async function student(name = "Ada Lovelace") {
  signInAs(teacher);
  const [issued] = await addRosterStudents(classId, [name]);
  const user = { id: issued!.studentId, displayName: name, role: "student" as const, username: issued!.username };
  return user;
}

async function assign(options: { quizMode?: QuizMode; attemptLimit?: number; dueAt?: Date | null; startAt?: Date | null; lateAllowed?: boolean; lessonId?: string; allowDuplicate?: boolean; includeLesson?: boolean } = {}, now = new Date()) {
  signInAs(teacher);
  return createAssignment(
    {
      classId,
      lessonId: options.lessonId ?? LESSON_ID,
      includeLesson: options.includeLesson ?? true,
      includeQuiz: true,
      dueAt: options.dueAt ?? null,
      startAt: options.startAt ?? null,
      quizMode: options.quizMode ?? "test",
      attemptLimit: options.attemptLimit,
      lateAllowed: options.lateAllowed,
      timeZone: "America/Los_Angeles",
      allowDuplicate: options.allowDuplicate,
    },
    now,
  );
}

async function keysOf(attemptId: string) {
  const [attempt] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
  const layout = attempt!.layout;
  const answers: Record<string, ReturnType<typeof perfectAnswer>> = {};
  for (const entry of layout.questions) {
    const [version] = await db.select().from(questionVersions).where(eq(questionVersions.id, entry.versionId));
    answers[entry.questionId] = perfectAnswer((version!.keyData).key);
  }
  return answers;
}

describe("finding 1: a private imported quiz's key never leaks through the guest grading route", () => {
  it("answers 404 to the all-null probe from a student with an open test attempt, and to its own teacher", async () => {
    const published = await publishImportDraft((await createImportDraft({ content: article })).id);
    await createAssignment({ classId, lessonId: published.lessonId, includeLesson: false, includeQuiz: true, dueAt: null, quizMode: "test", attemptLimit: 1 });
    const ada = await student();
    signInAs(ada);
    const { attemptId } = await startOrResumeAttempt({ quizId: published.quizId, mode: "practice" });
    const probe = await allNullProbe(published.quizId);
    expect(probe.status).toBe(404);
    expect(probe.body.questions).toBeUndefined();
    // The attempt that did start is the test, under the assignment.
    const [row] = await db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row).toMatchObject({ mode: "test", assignmentId: expect.any(String) });
    signInAs(teacher);
    expect((await allNullProbe(published.quizId)).status).toBe(404);
    signOutTestUser();
    expect((await allNullProbe(published.quizId)).status).toBe(404);
  });
});

describe("finding 2: a curriculum quiz assigned as a test is locked for the class until each student submits", () => {
  it("refuses the all-null probe (409, no key) while the test is open or not yet started, and serves it again after submission", async () => {
    const ada = await student();
    // Unstarted test assignment, opening tomorrow: already locked.
    const tomorrow = new Date(Date.now() + 86_400_000);
    await assign({ attemptLimit: 1, startAt: tomorrow, dueAt: new Date(tomorrow.getTime() + 86_400_000) });
    signInAs(ada);
    let probe = await allNullProbe(QUIZ_ID);
    expect(probe.status).toBe(409);
    expect(probe.body.questions).toBeUndefined();
    expect(probe.body.error!.message).toMatch(/has this quiz as a test/);
    // The test opens (time passes): the start is the test; the probe is still refused while it's open.
    const later = new Date(tomorrow.getTime() + 60_000);
    const started = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" }, later);
    expect(started.assignmentId).not.toBeNull();
    probe = await allNullProbe(QUIZ_ID);
    expect(probe.status).toBe(409);
    await submitAttempt(started.attemptId, await keysOf(started.attemptId), later);
    probe = await allNullProbe(QUIZ_ID);
    expect(probe.status).toBe(200);
    expect(probe.body.questions!.length).toBeGreaterThan(5);
  });

  it("leaves anyone else (a guest, a student of another class) free to practise it", async () => {
    await assign();
    signOutTestUser();
    expect((await allNullProbe(QUIZ_ID)).status).toBe(200);
    signInAs(await seedUser({ role: "student" }));
    expect((await allNullProbe(QUIZ_ID)).status).toBe(200);
  });
});

describe("finding 3: test mode and the attempt limit can't be sidestepped", () => {
  it("startAttemptAction without an assignment id opens the assigned test, not a practice attempt", async () => {
    await assign({ attemptLimit: 1 });
    const ada = await student();
    signInAs(ada);
    const form = new FormData();
    form.set("quizId", QUIZ_ID);
    form.set("mode", "practice");
    await startAttemptAction({ status: "idle" }, form).catch(() => undefined); // redirects on success
    const mine = await db.select().from(attempts).where(eq(attempts.userId, ada.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ mode: "test", assignmentId: expect.any(String) });
    // A second start resumes it; after submitting, the limit holds for assigned starts and practice opens again.
    expect((await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" })).attemptId).toBe(mine[0]!.id);
    await submitAttempt(mine[0]!.id, {});
    const practice = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" });
    expect(practice.assignmentId).toBeNull();
    const [assignment] = await listMyAssignments();
    await expect(startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test", assignmentId: assignment!.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/used all 1 attempt/) });
  });

  it("an attempt started before the test was assigned can't check, submit or show results while the test is open", async () => {
    const ada = await student();
    signInAs(ada);
    const earlier = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    await submitAttempt(earlier.attemptId, await keysOf(earlier.attemptId));
    const practice = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" });
    const taking = await getAttemptForTaking(practice.attemptId);
    const single = taking.questions.find((q) => q.data.type === "single")!;
    const dueCard = await getNextReviewCard(new Date(Date.now() + 400 * 86_400_000));
    expect(dueCard).not.toBeNull();

    await assign();
    signInAs(ada);
    const conflict = { code: "conflict", message: expect.stringMatching(/has this quiz as a test/) };
    await expect(checkQuestion(practice.attemptId, single.questionId, { type: "single", choice: "a" })).rejects.toMatchObject(conflict);
    const viaRoute = await checkRoute(jsonRequest({ questionId: single.questionId, answer: { type: "single", choice: "a" } }), { params: Promise.resolve({ attemptId: practice.attemptId }) });
    expect(viaRoute.status).toBe(409);
    await expect(getAttemptForTaking(practice.attemptId)).rejects.toMatchObject(conflict);
    await expect(submitAttempt(practice.attemptId, {})).rejects.toMatchObject(conflict);
    await expect(getAttemptResults(earlier.attemptId)).rejects.toMatchObject(conflict);
    // Review leaves the quiz's cards alone and refuses to grade them.
    const farFuture = new Date(Date.now() + 400 * 86_400_000);
    expect(await getNextReviewCard(farFuture)).toBeNull();
    await expect(submitReview({ questionId: dueCard!.questionId, versionId: dueCard!.versionId, dueToken: dueCard!.dueToken, answer: { type: "single", choice: "a" } }, farFuture)).rejects.toMatchObject(conflict);
    expect((await getMyQuizAssignment(QUIZ_ID))!.testOpen).toBe(true);
  });

  it("a practice-mode assignment locks nothing", async () => {
    await assign({ quizMode: "practice" });
    const ada = await student();
    signInAs(ada);
    const { attemptId, assignmentId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" });
    expect(assignmentId).not.toBeNull();
    expect((await getAttemptForTaking(attemptId)).mode).toBe("practice");
    expect((await allNullProbe(QUIZ_ID)).status).toBe(200);
  });
});

describe("finding 4: work started anywhere counts on the grid and the student's card", () => {
  it("a start from the lesson page (no assignment id) shows on the grid and on My assignments", async () => {
    const { id } = await assign({ quizMode: "practice" });
    const ada = await student();
    signInAs(ada);
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" });
    expect((await listMyAssignments())[0]).toMatchObject({ status: "in_progress", attemptsUsed: 1, openAttemptId: attemptId });
    await submitAttempt(attemptId, await keysOf(attemptId));
    expect((await listMyAssignments())[0]).toMatchObject({ bestScore: 1 });
    signInAs(teacher);
    const grid = await getClassGrid(classId);
    expect(grid.rows[0]!.cells[id]).toMatchObject({ bestScore: 1, attempts: 1 });
    expect(grid.summaries[id]).toMatchObject({ submitted: 1, total: 1 });
  });

  it("another student can't start a class's assignment", async () => {
    const { id } = await assign();
    signInAs(await seedUser({ role: "student" }));
    await expect(startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test", assignmentId: id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("finding 5: averages count missing work, and the sort shows who needs help", () => {
  it("two missing, one not started and one 100 % averages 33 %, not 100 %; a student with no work isn't shown as fine", async () => {
    const week = 7 * 86_400_000;
    const assignedAt = new Date(Date.now() - 2 * week);
    const pastDue = new Date(Date.now() - week);
    const a1 = await assign({ dueAt: pastDue, quizMode: "practice", includeLesson: false }, assignedAt);
    const a2 = await assign({ dueAt: pastDue, lessonId: "thaad" }, assignedAt);
    const a3 = await assign({ dueAt: new Date(pastDue.getTime() + 1000), lessonId: "thaad", allowDuplicate: true }, assignedAt);
    const a4 = await assign({ dueAt: new Date(Date.now() + week), lessonId: "thaad", allowDuplicate: true }, assignedAt);
    const ada = await student("Ada");
    const bo = await student("Bo");
    signInAs(ada);
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice", assignmentId: a1.id });
    // Submitted before the due date: insert as the past would have.
    await db.update(attempts).set({ startedAt: new Date(pastDue.getTime() - 3600_000) }).where(eq(attempts.id, attemptId));
    await submitAttempt(attemptId, await keysOf(attemptId));
    await db.update(attempts).set({ submittedAt: new Date(pastDue.getTime() - 60_000) }).where(eq(attempts.id, attemptId));

    signInAs(teacher);
    const grid = await getClassGrid(classId);
    const adaRow = grid.rows.find((r) => r.studentId === ada.id)!;
    expect(adaRow.cells[a1.id]).toMatchObject({ status: "done", bestScore: 1, counted: 1 });
    expect(adaRow.cells[a2.id]).toMatchObject({ status: "missing", counted: 0 });
    expect(adaRow.cells[a3.id]).toMatchObject({ status: "missing", counted: 0 });
    expect(adaRow.cells[a4.id]).toMatchObject({ status: "not_started", counted: null });
    expect(adaRow.average).toBeCloseTo(1 / 3);
    expect(adaRow).toMatchObject({ zeros: 2, needsAttention: true, attention: { missing: 2, low: true, falling: false } });
    const boRow = grid.rows.find((r) => r.studentId === bo.id)!;
    expect(boRow).toMatchObject({ average: 0, zeros: 3, needsAttention: true, attention: { missing: 3 } });
  });

  it("'needs attention' means missing work, a low average or a falling score, not a single late chip", async () => {
    const week = 7 * 86_400_000;
    const assignedAt = new Date(Date.now() - 3 * week);
    const a1 = await assign({ dueAt: new Date(Date.now() - 2 * week), quizMode: "practice", includeLesson: false }, assignedAt);
    const a2 = await assign({ dueAt: new Date(Date.now() + week), quizMode: "practice", lessonId: "thaad" }, assignedAt);
    const fine = await student("Fine");
    signInAs(fine);
    const first = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice", assignmentId: a1.id });
    await submitAttempt(first.attemptId, await keysOf(first.attemptId));
    // Quiz submitted (100 %) but the reading left unfinished: Incomplete, yet nothing the teacher must chase.
    const a3 = await assign({ dueAt: new Date(Date.now() - 2 * week), quizMode: "practice", lessonId: "thaad", allowDuplicate: true }, assignedAt);
    signInAs(fine);
    const second = await startOrResumeAttempt({ quizId: "thaad-quiz", mode: "practice", assignmentId: a3.id });
    await submitAttempt(second.attemptId, await keysOf(second.attemptId));
    signInAs(teacher);
    const row = (await getClassGrid(classId)).rows[0]!;
    // Submitted after the due date (Late) with 100 %, the other not yet due: nothing to worry about.
    expect(row.cells[a1.id]!.status).toBe("late");
    expect(row.cells[a2.id]!.status).toBe("not_started");
    expect(row.cells[a3.id]!.status).toBe("incomplete");
    expect(row.attention.missing).toBe(0);
    expect(row.needsAttention).toBe(false);
  });
});

describe("finding 6: times are stored with the teacher's zone and shown with a label", () => {
  it("3:00 PM in Los Angeles is 23:00 UTC in winter and 22:00 UTC in summer, and reads back as 3:00 PM PST/PDT", () => {
    const form = { classId: "6a3c9a8e-8f0a-4d5e-9d3b-1f2e3d4c5b6a", lessonId: LESSON_ID, includeQuiz: "on", quizMode: "test", timeZone: "America/Los_Angeles", timezoneOffset: "0" };
    const winter = createAssignmentSchema.parse({ ...form, dueAt: "2036-12-05T15:00" });
    expect(winter.dueAt!.toISOString()).toBe("2036-12-05T23:00:00.000Z");
    expect(formatInZone(winter.dueAt!, winter.timeZone)).toBe("Fri, Dec 5, 3:00 PM PST");
    const summer = createAssignmentSchema.parse({ ...form, dueAt: "2036-07-04T15:00" });
    expect(summer.dueAt!.toISOString()).toBe("2036-07-04T22:00:00.000Z");
    expect(formatInZone(summer.dueAt!, "America/Los_Angeles")).toBe("Fri, Jul 4, 3:00 PM PDT");
    expect(formatInZone(summer.dueAt!, "Europe/Berlin")).toMatch(/Jul 5, 12:00 AM GMT\+2/);
    expect(createAssignmentSchema.safeParse({ ...form, timeZone: "Mars/Olympus" }).success).toBe(false);
  });

  it("stores the zone with the assignment", async () => {
    await assign({ dueAt: new Date(Date.now() + 86_400_000) });
    expect((await listClassAssignments(classId))[0]!.timeZone).toBe("America/Los_Angeles");
  });
});

describe("finding 7: past due dates, duplicates, and removal with undo", () => {
  it("refuses a due date in the past with a field error (form) and a clear message (server)", async () => {
    const parsed = createAssignmentSchema.safeParse({ classId, lessonId: LESSON_ID, includeQuiz: "on", quizMode: "test", timeZone: "UTC", dueAt: "2020-01-01T10:00" });
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["dueAt"], message: expect.stringMatching(/already passed/) });
    await expect(assign({ dueAt: new Date(Date.now() - 60_000) })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/already passed/) });
    expect(await listClassAssignments(classId)).toEqual([]);
  });

  it("refuses the same lesson twice unless the teacher confirms", async () => {
    await assign();
    await expect(assign()).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/already assigned/) });
    await assign({ allowDuplicate: true });
    expect(await listClassAssignments(classId)).toHaveLength(2);
  });

  it("Remove hides an assignment, Undo brings it back within the window, and no one else can do either", async () => {
    const { id } = await assign();
    const now = new Date();
    const otherTeacher = await seedUser({ role: "teacher" });
    signInAs(otherTeacher);
    await expect(deleteAssignment(classId, id)).rejects.toMatchObject({ code: "not_found" });
    signInAs(teacher);
    await deleteAssignment(classId, id, now);
    expect(await listClassAssignments(classId)).toEqual([]);
    expect(await listRecentlyRemovedAssignments(classId, now)).toMatchObject([{ id, undoUntil: new Date(now.getTime() + ASSIGNMENT_UNDO_MS) }]);
    const ada = await student();
    signInAs(ada);
    expect(await listMyAssignments()).toEqual([]);

    signInAs(otherTeacher);
    await expect(restoreAssignment(classId, id)).rejects.toMatchObject({ code: "not_found" });
    const form = new FormData();
    form.set("classId", classId);
    form.set("assignmentId", id);
    expect(await restoreAssignmentAction({ status: "idle" }, form)).toMatchObject({ status: "error" });
    signInAs(ada);
    expect(await restoreAssignmentAction({ status: "idle" }, form)).toMatchObject({ status: "error" });

    signInAs(teacher);
    await expect(restoreAssignment(classId, id, new Date(now.getTime() + ASSIGNMENT_UNDO_MS + 1000))).rejects.toMatchObject({ code: "not_found" });
    await restoreAssignment(classId, id, new Date(now.getTime() + 60_000));
    expect(await listClassAssignments(classId)).toHaveLength(1);
    const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
    expect(row!.deletedAt).toBeNull();
  });
});

describe("finding 8: late work follows the teacher's switch; start dates hide work until then", () => {
  it("late work allowed: a student starts after the due date and the work is marked Late", async () => {
    const due = new Date(Date.now() + 60_000);
    const { id } = await assign({ dueAt: due, lateAllowed: true });
    const ada = await student();
    signInAs(ada);
    const after = new Date(due.getTime() + 3600_000);
    const assignment = (await getMyQuizAssignment(QUIZ_ID, undefined, after))!;
    expect(assignment).toMatchObject({ id, closedReason: null, late: true });
    const { attemptId } = await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test" }, after);
    await submitAttempt(attemptId, {}, after);
    expect((await listMyAssignments(after))[0]!.status).toBe("incomplete"); // reading not done yet
    signInAs(teacher);
    expect((await getClassGrid(classId, after)).rows[0]!.cells[id]!.bestScore).toBe(0);
  });

  it("late work off: a clear message and no assigned attempt; the closed test no longer locks practice", async () => {
    const due = new Date(Date.now() + 60_000);
    const { id } = await assign({ dueAt: due, lateAllowed: false });
    const ada = await student();
    signInAs(ada);
    const after = new Date(due.getTime() + 3600_000);
    expect((await getMyQuizAssignment(QUIZ_ID, undefined, after))).toMatchObject({ closedReason: expect.stringMatching(/isn't accepting late work/), testOpen: false });
    await expect(startOrResumeAttempt({ quizId: QUIZ_ID, mode: "test", assignmentId: id }, after)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/isn't accepting late work/) });
    expect(await db.select().from(attempts).where(eq(attempts.userId, ada.id))).toEqual([]);
    // Started from the lesson page instead: the student's own practice, not the assignment's.
    expect((await startOrResumeAttempt({ quizId: QUIZ_ID, mode: "practice" }, after)).assignmentId).toBeNull();
    signInAs(teacher);
    expect((await getClassGrid(classId, after)).rows[0]!.cells[id]!.status).toBe("missing");
  });

  it("a start date hides the assignment from students and refuses starts until then", async () => {
    const opens = new Date(Date.now() + 86_400_000);
    await assign({ startAt: opens, quizMode: "practice" });
    const ada = await student();
    signInAs(ada);
    expect(await listMyAssignments()).toEqual([]);
    expect(await listMyAssignments(new Date(opens.getTime() + 1000))).toHaveLength(1);
    signInAs(teacher);
    expect((await getClassGrid(classId)).rows[0]!.cells[(await listClassAssignments(classId))[0]!.id]!.status).toBe("upcoming");
  });

  it("instructions reach the student", async () => {
    signInAs(teacher);
    await createAssignment({ classId, lessonId: LESSON_ID, includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "test", instructions: "  Read level 2 first.  " });
    signInAs(await student());
    expect((await listMyAssignments())[0]!.instructions).toBe("Read level 2 first.");
    expect((await getMyQuizAssignment(QUIZ_ID))!.instructions).toBe("Read level 2 first.");
  });
});
