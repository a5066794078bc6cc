/**
 * Issue #19 (one-time passwords) and #20 (sign-out, cross-class export, audit
 * log) through the real data-access layer and actions, with a faked session:
 * each of these failed before its fix.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { changePasswordAction, signOutAction } from "@/app/account/actions";
import type { Database } from "@/db/open";
import { auditLog, users } from "@/db/tables";
import { PasswordChangeRequired, requirePageUser, requireUser } from "@/lib/data/session";
import { createAssignment } from "@/lib/data/assignments";
import { listClassAuditLog } from "@/lib/data/audit";
import { startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { addRosterStudents, createClass, joinClassAsCurrentStudent, removeStudentFromClass, resetStudentPassword, rotateJoinCode } from "@/lib/data/classes";
import { createImportDraft, publishImportDraft } from "@/lib/data/imports";
import { deleteStudentAccount, exportMyData, exportStudentData } from "@/lib/data/privacy";
import { endSessionOnSignOut } from "@/lib/auth/events";
import { getOwnAccount, endSessionsOf } from "@/lib/data/users";
import { idleState } from "@/lib/action-state";
import { keyedQuestions, perfectAnswer } from "../helpers/answers";
import { createTestDb } from "../helpers/db";
import { rawRun } from "../helpers/db-inspect";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));
const signInCalls: string[] = [];
vi.mock("@/lib/auth/sign-in", () => ({
  signInAndRedirect: async (login: string) => {
    signInCalls.push(login);
    return { joined: true };
  },
  signInBlockedMessage: async () => null,
}));

let db: Database;
beforeAll(async () => {
  db = await createTestDb({ withContent: true });
});
beforeEach(() => signOutTestUser());

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

async function redirectOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (!isRedirectError(error)) throw error;
    return error.digest.split(";")[2] ?? "";
  }
}

async function classWithPrintedStudent() {
  const teacher = await seedUser({ role: "teacher" });
  signInAs(teacher);
  const { id: classId } = await createClass("Period 4");
  const [issued] = await addRosterStudents(classId, ["Grace Hopper"]);
  const [row] = await db.select().from(users).where(eq(users.id, issued!.studentId));
  return { teacher, classId, issued: issued!, student: row! };
}

describe("one-time passwords must be changed first (#19 finding 11)", () => {
  it("a student signed in with a printed password can do nothing but change it (or sign out); pages and actions send them to /account/password", async () => {
    const { student, issued } = await classWithPrintedStudent();
    expect(student.mustChangePassword).toBe(true);
    signInAs({ id: student.id, name: student.displayName, role: "student", username: student.username, mustChangePassword: true });

    await expect(requireUser()).rejects.toBeInstanceOf(PasswordChangeRequired);
    await expect(requireUser(["student"])).rejects.toMatchObject({ code: "forbidden" });
    await expect(joinClassAsCurrentStudent("PERD22")).rejects.toBeInstanceOf(PasswordChangeRequired);
    expect(await redirectOf(requirePageUser("/progress"))).toBe("/account/password");
    const progressPage = (await import("@/app/progress/page")).default;
    expect(await redirectOf(Promise.resolve().then(() => (progressPage as () => Promise<unknown>)()))).toBe("/account/password");
    // Server actions: redirected, nothing written.
    const classesBefore = await db.$count(auditLog);
    const { joinAsCurrentStudentAction } = await import("@/app/join/actions");
    expect(await redirectOf(joinAsCurrentStudentAction(idleState, form({ code: "PERD22" })))).toBe("/account/password");
    expect(await db.$count(auditLog)).toBe(classesBefore);

    // Allowed: reading their own account, the change itself.
    await expect(getOwnAccount()).resolves.toMatchObject({ mustChangePassword: true });
    expect(await redirectOf(requirePageUser("/account/password", undefined, { allowPendingPasswordChange: true }))).toBeNull();
    const changed = await changePasswordAction(idleState, form({ currentPassword: issued.oneTimePassword, newPassword: "my own quiet river" }));
    expect(changed).toEqual({ status: "ok" });
    expect(signInCalls.at(-1)).toBe(student.username);
    const [after] = await db.select().from(users).where(eq(users.id, student.id));
    expect(after!.mustChangePassword).toBe(false);
    expect(after!.tokenVersion).toBe(student.tokenVersion + 1);
  });

  it("a user without a one-time password isn't held up", async () => {
    const learner = await seedUser({ role: "learner" });
    signInAs(learner);
    await expect(requireUser()).resolves.toMatchObject({ id: learner.id, mustChangePassword: false });
  });
});

describe("every sign-out ends the session (#20 row 4)", () => {
  it("next-auth's own POST /api/auth/signout bumps the token version, so a copied cookie stops working", async () => {
    // The real Auth.js sign-out flow (CSRF token, cookie, decode) with our event handler; config.ts wires the same handler.
    expect(fs.readFileSync("lib/auth/config.ts", "utf8")).toContain("events: { signOut: endSessionOnSignOut }");
    const { Auth } = await import("@auth/core");
    const { encode } = await import("@auth/core/jwt");
    const config = { secret: process.env.AUTH_SECRET!, trustHost: true, basePath: "/api/auth", providers: [], session: { strategy: "jwt" as const }, events: { signOut: endSessionOnSignOut } };
    const user = await seedUser({ role: "learner" });
    const session = await encode({ token: { uid: user.id, tv: user.tokenVersion, role: "learner", username: user.username }, secret: config.secret, salt: "authjs.session-token" });
    const csrfResponse = await Auth(new Request("http://localhost:3000/api/auth/csrf"), config);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const csrfCookie = csrfResponse.headers.getSetCookie().find((c) => c.startsWith("authjs.csrf-token="))!.split(";")[0]!;
    const response = await Auth(
      new Request("http://localhost:3000/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${csrfCookie}; authjs.session-token=${session}` },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
      }),
      config,
    );
    expect(response.status).toBeLessThan(400);
    const [after] = await db.select({ tokenVersion: users.tokenVersion }).from(users).where(eq(users.id, user.id));
    expect(after!.tokenVersion).toBe(user.tokenVersion + 1);
  });

  it("a stale cookie can't sign the user out of newer sessions, a current one can; our sign-out action uses the same function", async () => {
    const user = await seedUser({ role: "learner" });
    expect(await endSessionsOf(user.id, user.tokenVersion + 5)).toBe(false);
    expect(await endSessionsOf(user.id, user.tokenVersion)).toBe(true);
    signInAs(user);
    await signOutAction(new FormData()).catch((error: unknown) => {
      if (!isRedirectError(error)) throw error;
    });
    const [after] = await db.select({ tokenVersion: users.tokenVersion }).from(users).where(eq(users.id, user.id));
    expect(after!.tokenVersion).toBe(user.tokenVersion + 2);
  });
});

describe("a teacher's export of a student holds only their own classes' data (#20 row 3)", () => {
  const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

  it("teacher A's export leaves out class B, B's private quiz and the answers given there; teacher B's includes them", async () => {
    const teacherA = await seedUser({ role: "teacher" });
    const teacherB = await seedUser({ role: "teacher" });
    const student = await seedUser({ role: "student" });
    signInAs(teacherA);
    const classA = await createClass("Class A civics");
    signInAs(teacherB);
    const classB = await createClass("Class B secret seminar");
    const { id: draftId } = await createImportDraft({ content: article, outlet: "Civics Wire" });
    const privateB = await publishImportDraft(draftId);
    const { id: assignmentId } = await createAssignment({ classId: classB.id, lessonId: privateB.lessonId, includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "test" });
    signInAs(student);
    await joinClassAsCurrentStudent(classA.joinCode);
    await joinClassAsCurrentStudent(classB.joinCode);
    const questions = await keyedQuestions(db, privateB.quizId);
    const { attemptId } = await startOrResumeAttempt({ quizId: privateB.quizId, mode: "test", assignmentId });
    await submitAttempt(attemptId, { [questions[0]!.questionId]: perfectAnswer(questions[0]!.key) });
    const { attemptId: practice } = await startOrResumeAttempt({ quizId: "sanctions-quiz", mode: "practice" });
    await submitAttempt(practice, {});

    signInAs(teacherA);
    const forA = JSON.stringify((await exportStudentData(student.id)).data);
    expect(forA).toContain("Class A civics");
    expect(forA).toContain("sanctions-quiz");
    expect(forA).not.toContain("Class B secret seminar");
    expect(forA).not.toContain(privateB.quizId);
    expect(forA).not.toContain(questions[0]!.questionId);
    expect(forA).not.toContain(classB.id);

    signInAs(teacherB);
    const forB = JSON.stringify((await exportStudentData(student.id)).data);
    expect(forB).toContain("Class B secret seminar");
    expect(forB).toContain(privateB.quizId);
    expect(forB).not.toContain("Class A civics");
  });
});

describe("the audit log", () => {
  it("records roster, password and class-code changes with who, what, when and whom; the class's teacher sees it, nobody else does", async () => {
    const { teacher, classId, student } = await classWithPrintedStudent();
    signInAs(teacher);
    await resetStudentPassword(classId, student.id);
    await rotateJoinCode(classId);
    await removeStudentFromClass(classId, student.id);
    const log = await listClassAuditLog(classId);
    expect(log.map((e) => e.action)).toEqual(["roster.student_removed", "join_code.changed", "password.reset", "roster.student_added"]);
    expect(log[2]).toMatchObject({ actorName: teacher.displayName, targetName: "Grace Hopper" });
    expect(Date.now() - log[0]!.at.getTime()).toBeLessThan(60_000);
    // Never a password or a code in the log.
    expect(JSON.stringify(log)).not.toMatch(/-\d\d"|joinCode/);

    signInAs(await seedUser({ role: "teacher" }));
    await expect(listClassAuditLog(classId)).rejects.toMatchObject({ code: "not_found" });
    signInAs({ id: student.id, name: student.displayName, role: "student", username: student.username });
    await expect(listClassAuditLog(classId)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("is in the teacher's data export, and a deleted student's name and id leave it", async () => {
    const { teacher, classId, student } = await classWithPrintedStudent();
    signInAs(teacher);
    await resetStudentPassword(classId, student.id);
    expect((await exportMyData()).data.auditLog.map((e) => [e.action, e.targetName])).toEqual([
      ["roster.student_added", "Grace Hopper"],
      ["password.reset", "Grace Hopper"],
    ]);
    await deleteStudentAccount(student.id);
    const after = (await exportMyData()).data.auditLog;
    expect(after.map((e) => [e.action, e.targetName])).toEqual([
      ["roster.student_added", null],
      ["password.reset", null],
      ["roster.student_deleted", null],
    ]);
    expect(JSON.stringify(after)).not.toContain("Grace");
    expect(await db.$count(auditLog, eq(auditLog.targetUserId, student.id))).toBe(0);
  });

  it("is written in the change's own transaction: when the entry can't be written, the change doesn't happen either", async () => {
    const { teacher, classId, student } = await classWithPrintedStudent();
    signInAs(teacher);
    // The audit log refuses every insert, as a full disk or a broken table would.
    await rawRun(
      db,
      sql`create trigger audit_down before insert on audit_log begin select raise(abort, 'audit log unavailable'); end`,
      sql`create function audit_down() returns trigger language plpgsql as $$ begin raise exception 'audit log unavailable'; end $$;
          create trigger audit_down before insert on audit_log for each row execute function audit_down()`,
    );
    try {
      await expect(resetStudentPassword(classId, student.id)).rejects.toThrow();
      const [after] = await db.select().from(users).where(eq(users.id, student.id));
      expect(after!.passwordHash).toBe(student.passwordHash);
      expect(after!.tokenVersion).toBe(student.tokenVersion);
    } finally {
      await rawRun(db, sql`drop trigger audit_down`, sql`drop trigger audit_down on audit_log; drop function audit_down()`);
    }
  });
});
