import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appMeta, classMembers, classes, users } from "@/db/tables";
import { hashPassword, verifyPassword } from "@/lib/passwords/password";
import {
  addRosterStudents,
  createClass,
  describeClassByCode,
  disableJoining,
  getClassForTeacher,
  joinClassAsCurrentStudent,
  joinClassAsNewStudent,
  listStudentClasses,
  listTeacherClasses,
  removeStudentFromClass,
  renameClass,
  resetStudentPassword,
  rotateJoinCode,
  setClassArchived,
  undoPasswordReset,
  listUndoablePasswordResets,
  PASSWORD_UNDO_MS,
} from "@/lib/data/classes";
import { bulkRosterSchema, joinCodeSchema } from "@/lib/validations/classes";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

let db: Awaited<ReturnType<typeof createTestDb>>;
let teacher: Awaited<ReturnType<typeof seedUser>>;
let otherTeacher: Awaited<ReturnType<typeof seedUser>>;

beforeEach(async () => {
  db = await createTestDb();
  signOutTestUser();
  teacher = await seedUser({ role: "teacher" });
  otherTeacher = await seedUser({ role: "teacher" });
});

async function teacherClass(name = "Civics 3") {
  signInAs(teacher);
  return createClass(name);
}

describe("classes", () => {
  it("a teacher creates a class with a unique 6-character code and sees only their own classes", async () => {
    const first = await teacherClass();
    const second = await createClass("Civics 5");
    expect(first.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(first.joinCode).not.toBe(second.joinCode);
    signInAs(otherTeacher);
    await createClass("Not yours");
    signInAs(teacher);
    expect((await listTeacherClasses()).map((c) => c.name)).toEqual(["Civics 3", "Civics 5"]);
  });

  it("students and learners cannot create or list classes", async () => {
    for (const role of ["student", "learner"] as const) {
      signInAs(await seedUser({ role }));
      await expect(createClass("Mine")).rejects.toMatchObject({ code: "forbidden" });
      await expect(listTeacherClasses()).rejects.toMatchObject({ code: "forbidden" });
    }
    signOutTestUser();
    await expect(createClass("Mine")).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("another teacher can't read, rename, archive, rotate or close someone else's class", async () => {
    const { id, joinCode } = await teacherClass();
    signInAs(otherTeacher);
    await expect(getClassForTeacher(id)).rejects.toMatchObject({ code: "not_found" });
    await expect(renameClass(id, "Mine now")).rejects.toMatchObject({ code: "not_found" });
    await expect(setClassArchived(id, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(rotateJoinCode(id)).rejects.toMatchObject({ code: "not_found" });
    await expect(disableJoining(id)).rejects.toMatchObject({ code: "not_found" });
    await expect(addRosterStudents(id, ["Intruder"])).rejects.toMatchObject({ code: "not_found" });
    const [row] = await db.select().from(classes).where(eq(classes.id, id));
    expect(row).toMatchObject({ name: "Civics 3", joinCode, archivedAt: null });
    expect(await db.$count(users, eq(users.displayName, "Intruder"))).toBe(0);
  });

  it("renames, rotates the code (old one stops working), disables joining and archives", async () => {
    const { id, joinCode } = await teacherClass();
    await renameClass(id, "Civics, period 3");
    const rotated = await rotateJoinCode(id);
    expect(rotated).not.toBe(joinCode);
    await expect(describeClassByCode(joinCode)).rejects.toMatchObject({ code: "not_found" });
    await expect(describeClassByCode(rotated)).resolves.toMatchObject({ name: "Civics, period 3" });
    await disableJoining(id);
    await expect(describeClassByCode(rotated)).rejects.toMatchObject({ code: "not_found" });
    await setClassArchived(id, true);
    await expect(rotateJoinCode(id)).rejects.toThrow(/Unarchive/);
    expect((await listTeacherClasses())[0]).toMatchObject({ archived: true, joinCode: null });
  });
});

describe("joining with a code", () => {
  it("creates a student account without email, joins the class, and rejects bad codes", async () => {
    const { id, joinCode } = await teacherClass();
    signOutTestUser();
    const { studentId } = await joinClassAsNewStudent({ code: joinCode, displayName: "Ada", username: "ada.l", password: "purple giraffes argue" });
    const [student] = await db.select().from(users).where(eq(users.id, studentId));
    expect(student).toMatchObject({ role: "student", email: null, username: "ada.l" });
    expect(await db.$count(classMembers, and(eq(classMembers.classId, id), eq(classMembers.studentId, studentId)))).toBe(1);
    await expect(joinClassAsNewStudent({ code: "ZZZZZZ", displayName: "B", username: "bee", password: "purple giraffes argue" })).rejects.toMatchObject({ code: "not_found" });
    await expect(joinClassAsNewStudent({ code: joinCode, displayName: "C", username: "ada.l", password: "purple giraffes argue" })).rejects.toThrow(/username is taken/);
    expect(await db.$count(users, eq(users.username, "bee"))).toBe(0);
  });

  it("normalizes typed codes and refuses malformed ones", () => {
    expect(joinCodeSchema.parse(" k7m-2qx ")).toBe("K7M2QX");
    expect(joinCodeSchema.safeParse("K7M2Q0").success).toBe(false);
    expect(joinCodeSchema.safeParse("'; DROP TABLE classes;--").success).toBe(false);
  });

  it("a signed-in student joins a second class once, however often they submit", async () => {
    const a = await teacherClass("A");
    const b = await createClass("B");
    signOutTestUser();
    const { studentId } = await joinClassAsNewStudent({ code: a.joinCode, displayName: "Ada", username: "ada", password: "purple giraffes argue" });
    signInAs({ id: studentId, name: "Ada", role: "student", username: "ada" });
    await Promise.all([joinClassAsCurrentStudent(b.joinCode), joinClassAsCurrentStudent(b.joinCode)]);
    expect((await listStudentClasses()).map((c) => c.name)).toEqual(["A", "B"]);
  });

  it("teachers and learners can't join as students", async () => {
    const { joinCode } = await teacherClass();
    signInAs(otherTeacher);
    await expect(joinClassAsCurrentStudent(joinCode)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("rosters", () => {
  it("creates students from pasted names with unique usernames and working one-time passwords", async () => {
    const { id } = await teacherClass();
    const names = bulkRosterSchema.parse({ classId: id, names: "Ada Lovelace\n\n  Ada   Lovelace \nZhang Wei\nJosé Martí\n" }).names;
    const issued = await addRosterStudents(id, names);
    expect(issued.map((s) => s.username)).toEqual(["ada.l", "ada.l2", "zhang.w", "jose.m"]);
    for (const s of issued) {
      const [row] = await db.select().from(users).where(eq(users.id, s.studentId));
      expect(row).toMatchObject({ role: "student", mustChangePassword: true, createdById: teacher.id, email: null });
      await expect(verifyPassword(row!.passwordHash, s.oneTimePassword)).resolves.toBe(true);
    }
    expect((await getClassForTeacher(id)).students).toHaveLength(4);
  });

  it("rejects empty, oversized and hostile rosters with clear errors", () => {
    const parse = (names: string) => bulkRosterSchema.safeParse({ classId: crypto.randomUUID(), names });
    expect(parse("\n \n").error?.issues[0]?.message).toMatch(/at least one name/);
    expect(parse(Array.from({ length: 61 }, (_, i) => `Student ${i}`).join("\n")).error?.issues[0]?.message).toMatch(/at most 60/);
    expect(parse("<script>alert(1)</script>").error?.issues[0]?.message).toMatch(/angle brackets/);
  });

  it("resets a student's password (sessions end) and removes a student, only in the teacher's own class", async () => {
    const { id } = await teacherClass();
    const [student] = await addRosterStudents(id, ["Ada Lovelace"]);
    const [before] = await db.select().from(users).where(eq(users.id, student!.studentId));

    signInAs(otherTeacher);
    const other = await createClass("Other");
    await expect(resetStudentPassword(id, student!.studentId)).rejects.toMatchObject({ code: "not_found" });
    await expect(resetStudentPassword(other.id, student!.studentId)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeStudentFromClass(id, student!.studentId)).rejects.toMatchObject({ code: "not_found" });

    signInAs(teacher);
    const reset = await resetStudentPassword(id, student!.studentId);
    const [after] = await db.select().from(users).where(eq(users.id, student!.studentId));
    expect(after!.tokenVersion).toBe(before!.tokenVersion + 1);
    await expect(verifyPassword(after!.passwordHash, reset.oneTimePassword)).resolves.toBe(true);
    // A teacher can't reset another teacher's password through a class.
    await expect(resetStudentPassword(id, otherTeacher.id)).rejects.toMatchObject({ code: "not_found" });

    await expect(removeStudentFromClass(id, student!.studentId)).resolves.toEqual({ displayName: "Ada Lovelace", className: "Civics 3" });
    expect((await getClassForTeacher(id)).students).toHaveLength(0);
    expect(await db.$count(users, eq(users.id, student!.studentId))).toBe(1);
  });

  it("the roster actions say what happened, since the student's row (and its form) is gone afterwards", async () => {
    const { removeStudentAction, deleteStudentAction } = await import("@/app/classes/actions");
    const { id } = await teacherClass();
    const [ada, fred] = await addRosterStudents(id, ["Ada Lovelace", "Frederick Douglass"]);
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return data;
    };

    await expect(removeStudentAction({ status: "idle" }, form({ classId: id, studentId: ada!.studentId }))).resolves.toEqual({
      status: "ok",
      message: "Ada Lovelace was removed from Civics 3. Their account and work are kept.",
    });
    // A failure names no one else's row: it echoes the student id so the roster shows it next to that student.
    await expect(removeStudentAction({ status: "idle" }, form({ classId: id, studentId: ada!.studentId }))).resolves.toMatchObject({
      status: "error",
      message: "That student is not in this class.",
      values: { studentId: ada!.studentId },
    });
    await expect(deleteStudentAction({ status: "idle" }, form({ classId: id, studentId: fred!.studentId, confirm: "delete" }))).resolves.toMatchObject({
      status: "invalid",
      fieldErrors: { confirm: ['Type "DELETE" to confirm.'] },
      values: { studentId: fred!.studentId },
    });
    await expect(deleteStudentAction({ status: "idle" }, form({ classId: id, studentId: fred!.studentId, confirm: "DELETE" }))).resolves.toEqual({
      status: "ok",
      message: "Deleted Frederick Douglass's account and all their data, in every class.",
    });
    expect((await getClassForTeacher(id)).students).toHaveLength(0);
    expect(await db.$count(users, eq(users.id, fred!.studentId))).toBe(0);
  });
});

describe("undoing a password reset", () => {
  async function printedStudent() {
    const { id } = await teacherClass();
    const [issued] = await addRosterStudents(id, ["Ada Lovelace"]);
    // The student has chosen their own password since the roster was printed.
    await db.update(users).set({ passwordHash: await hashPassword("ada's own passphrase 1815"), mustChangePassword: false }).where(eq(users.id, issued!.studentId));
    const [before] = await db.select().from(users).where(eq(users.id, issued!.studentId));
    return { classId: id, studentId: issued!.studentId, before: before! };
  }

  it("brings the student's own password back within the window; the sessions the reset ended stay ended; both steps are in the log", async () => {
    const { classId, studentId, before } = await printedStudent();
    const t0 = new Date();
    const reset = await resetStudentPassword(classId, studentId, t0);
    expect(reset.undoUntil.getTime() - t0.getTime()).toBe(PASSWORD_UNDO_MS);
    expect(await listUndoablePasswordResets(classId, t0)).toEqual([{ studentId, undoUntil: reset.undoUntil }]);

    await expect(undoPasswordReset(classId, studentId, new Date(t0.getTime() + 60_000))).resolves.toEqual({ displayName: "Ada Lovelace" });
    const [after] = await db.select().from(users).where(eq(users.id, studentId));
    await expect(verifyPassword(after!.passwordHash, "ada's own passphrase 1815")).resolves.toBe(true);
    await expect(verifyPassword(after!.passwordHash, reset.oneTimePassword)).resolves.toBe(false);
    expect(after!.mustChangePassword).toBe(false);
    // Never back to an old token version: sessions from before the reset, and any opened with the one-time password, are over.
    expect(after!.tokenVersion).toBe(before.tokenVersion + 2);
    // The record holding the old hash is gone, and a second undo is refused.
    expect(await db.$count(appMeta)).toBe(0);
    await expect(undoPasswordReset(classId, studentId)).rejects.toMatchObject({ code: "not_found" });

    const { listClassAuditLog, auditEntryLabel } = await import("@/lib/data/audit");
    const log = await listClassAuditLog(classId);
    expect(log.slice(0, 2).map((e) => [e.action, e.detail, e.targetName])).toEqual([
      ["password.reset", { undone: true }, "Ada Lovelace"],
      ["password.reset", null, "Ada Lovelace"],
    ]);
    expect(auditEntryLabel(log[0]!)).toMatch(/Undid a password reset/);
    expect(JSON.stringify(log)).not.toContain("$argon");
  });

  it("is refused after the window, and when the student has already chosen a new password (theirs is kept)", async () => {
    const { classId, studentId } = await printedStudent();
    const t0 = new Date();
    await resetStudentPassword(classId, studentId, t0);
    await expect(undoPasswordReset(classId, studentId, new Date(t0.getTime() + PASSWORD_UNDO_MS + 1))).rejects.toMatchObject({ code: "not_found" });
    expect(await listUndoablePasswordResets(classId, new Date(t0.getTime() + PASSWORD_UNDO_MS + 1))).toEqual([]);

    await resetStudentPassword(classId, studentId);
    const chosen = await hashPassword("a newer passphrase of ada 1843");
    await db.update(users).set({ passwordHash: chosen, mustChangePassword: false }).where(eq(users.id, studentId));
    await expect(undoPasswordReset(classId, studentId)).rejects.toMatchObject({ code: "conflict" });
    const [after] = await db.select().from(users).where(eq(users.id, studentId));
    expect(after!.passwordHash).toBe(chosen);
  });

  it("two resets in a row: Undo gives back the password the student knew, not the first one-time password", async () => {
    const { classId, studentId } = await printedStudent();
    await resetStudentPassword(classId, studentId);
    await resetStudentPassword(classId, studentId);
    await undoPasswordReset(classId, studentId);
    const [after] = await db.select().from(users).where(eq(users.id, studentId));
    await expect(verifyPassword(after!.passwordHash, "ada's own passphrase 1815")).resolves.toBe(true);
  });

  it("another teacher, another class of the same teacher, the student and a learner cannot undo it (nothing changes)", async () => {
    const { classId, studentId } = await printedStudent();
    await resetStudentPassword(classId, studentId);
    const second = await createClass("Civics 5");
    const [resetRow] = await db.select().from(users).where(eq(users.id, studentId));
    // The same student, also in the teacher's other class: the undo belongs to the class it was made in.
    await db.insert(classMembers).values({ classId: second.id, studentId });
    await expect(undoPasswordReset(second.id, studentId)).rejects.toMatchObject({ code: "not_found" });
    expect(await listUndoablePasswordResets(second.id)).toEqual([]);

    signInAs(otherTeacher);
    await expect(undoPasswordReset(classId, studentId)).rejects.toMatchObject({ code: "not_found" });
    const own = await createClass("Theirs");
    await expect(listUndoablePasswordResets(own.id)).resolves.toEqual([]);
    await expect(listUndoablePasswordResets(classId)).rejects.toMatchObject({ code: "not_found" });
    signInAs({ id: studentId, name: "Ada Lovelace", role: "student", username: "ada.l" });
    await expect(undoPasswordReset(classId, studentId)).rejects.toMatchObject({ code: "forbidden" });
    signInAs(await seedUser({ role: "learner" }));
    await expect(undoPasswordReset(classId, studentId)).rejects.toMatchObject({ code: "forbidden" });

    const [still] = await db.select().from(users).where(eq(users.id, studentId));
    expect(still).toEqual(resetRow);
    // The real teacher still can.
    signInAs(teacher);
    await expect(undoPasswordReset(classId, studentId)).resolves.toEqual({ displayName: "Ada Lovelace" });
  });

  it("deleting the student's account drops the pending undo (it holds their old password hash)", async () => {
    const { classId, studentId } = await printedStudent();
    await resetStudentPassword(classId, studentId);
    expect(await db.$count(appMeta)).toBe(1);
    const { deleteStudentAccount } = await import("@/lib/data/privacy");
    await deleteStudentAccount(studentId);
    expect(await db.$count(appMeta)).toBe(0);
  });
});
