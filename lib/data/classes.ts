/**
 * Classes, rosters and joining. Teachers manage only classes they own;
 * students see only classes they belong to. A class id in a URL is never
 * enough: every query includes the teacher or student.
 */
import "server-only";
import { randomInt } from "node:crypto";
import { and, asc, count, eq, inArray, isNull, like, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction, type Database } from "../../db/open";
import { appMeta, assignments, classMembers, classes, users } from "../../db/tables";
import { generateOneTimePassword } from "../passwords/one-time-password";
import { hashPassword, passwordProblem } from "../passwords/password";
import { requireUser } from "./session";
import { AppError } from "../errors";
import { slugify } from "../text/slugify";
import { JOIN_CODE_ALPHABET } from "../validations/classes";
import { recordAudit } from "./audit";
import { assertStudentInClassOrThrow, getOwnedClassOrThrow } from "./class-access";

function newJoinCode(): string {
  return Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join("");
}

async function uniqueJoinCode(tx: Database): Promise<string> {
  for (let i = 0; i < 20; i += 1) {
    const code = newJoinCode();
    const [taken] = await tx.select({ id: classes.id }).from(classes).where(eq(classes.joinCode, code));
    if (!taken) return code;
  }
  throw new AppError("conflict", "Couldn't make a unique class code. Try again.");
}

export interface TeacherClassSummary {
  id: string;
  name: string;
  joinCode: string | null;
  archived: boolean;
  studentCount: number;
  assignmentCount: number;
  createdAt: Date;
}

export async function listTeacherClasses(): Promise<TeacherClassSummary[]> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  const rows = await db.select().from(classes).where(eq(classes.teacherId, teacher.id)).orderBy(asc(classes.name));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const students = await db.select({ classId: classMembers.classId, n: count() }).from(classMembers).where(inArray(classMembers.classId, ids)).groupBy(classMembers.classId);
  const work = await db.select({ classId: assignments.classId, n: count() }).from(assignments).where(and(inArray(assignments.classId, ids), isNull(assignments.deletedAt))).groupBy(assignments.classId);
  const studentCount = new Map(students.map((s) => [s.classId, s.n]));
  const assignmentCount = new Map(work.map((s) => [s.classId, s.n]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    joinCode: r.joinCode,
    archived: r.archivedAt !== null,
    studentCount: studentCount.get(r.id) ?? 0,
    assignmentCount: assignmentCount.get(r.id) ?? 0,
    createdAt: r.createdAt,
  }));
}

export async function createClass(name: string): Promise<{ id: string; joinCode: string }> {
  const teacher = await requireUser(["teacher"]);
  return writeTransaction(getDb(), async (tx) => {
    const joinCode = await uniqueJoinCode(tx);
    const [row] = await tx.insert(classes).values({ teacherId: teacher.id, name, joinCode }).returning({ id: classes.id });
    return { id: row!.id, joinCode };
  });
}

export async function renameClass(classId: string, name: string): Promise<void> {
  const teacher = await requireUser(["teacher"]);
  await writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    await tx.update(classes).set({ name }).where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
  });
}

/** Archived classes keep their data but close joining and leave the active list. */
export async function setClassArchived(classId: string, archived: boolean): Promise<void> {
  const teacher = await requireUser(["teacher"]);
  await writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    await tx
      .update(classes)
      .set(archived ? { archivedAt: new Date(), joinCode: null } : { archivedAt: null })
      .where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
    await recordAudit(tx, { actor: teacher, action: archived ? "class.archived" : "class.unarchived", classId });
  });
}

/** A new code; the old one stops working at once. Also re-enables joining. */
export async function rotateJoinCode(classId: string): Promise<string> {
  const teacher = await requireUser(["teacher"]);
  return writeTransaction(getDb(), async (tx) => {
    const owned = await getOwnedClassOrThrow(tx, teacher.id, classId);
    if (owned.archivedAt) throw new AppError("bad_request", "Unarchive the class before opening it to new students.");
    const joinCode = await uniqueJoinCode(tx);
    await tx.update(classes).set({ joinCode }).where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
    await recordAudit(tx, { actor: teacher, action: "join_code.changed", classId });
    return joinCode;
  });
}

export async function disableJoining(classId: string): Promise<void> {
  const teacher = await requireUser(["teacher"]);
  await writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    await tx.update(classes).set({ joinCode: null }).where(and(eq(classes.id, classId), eq(classes.teacherId, teacher.id)));
    await recordAudit(tx, { actor: teacher, action: "join_code.disabled", classId });
  });
}

export interface RosterStudent {
  id: string;
  displayName: string;
  username: string;
  mustChangePassword: boolean;
  joinedAt: Date;
}

export async function getClassForTeacher(classId: string) {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  const owned = await getOwnedClassOrThrow(db, teacher.id, classId);
  const students: RosterStudent[] = await db
    .select({ id: users.id, displayName: users.displayName, username: users.username, mustChangePassword: users.mustChangePassword, joinedAt: classMembers.joinedAt })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.studentId))
    .where(eq(classMembers.classId, owned.id))
    .orderBy(asc(users.displayName));
  return { id: owned.id, name: owned.name, joinCode: owned.joinCode, archived: owned.archivedAt !== null, createdAt: owned.createdAt, students };
}

/** "Ada Lovelace" -> "ada.l", "ada.l2", ... unique across all accounts. */
async function uniqueUsername(tx: Database, displayName: string, reserved: Set<string>): Promise<string> {
  const parts = slugify(displayName).split("-").filter(Boolean);
  const first = (parts[0] ?? "student").slice(0, 20);
  const base = parts.length > 1 ? `${first}.${parts.at(-1)!.slice(0, 1)}` : first;
  const taken = new Set(
    (await tx.select({ username: users.username }).from(users).where(like(users.username, `${base}%`))).map((r) => r.username),
  );
  for (let n = 0; n < 10_000; n += 1) {
    const candidate = n === 0 ? base : `${base}${n + 1}`;
    if (!taken.has(candidate) && !reserved.has(candidate)) return candidate;
  }
  throw new AppError("conflict", "Couldn't find a free username.");
}

export interface IssuedCredentials {
  studentId: string;
  displayName: string;
  username: string;
  oneTimePassword: string;
}

/**
 * Creates student accounts from pasted names and adds them to the class. The
 * one-time passwords are returned once, for the printable sheet, and never
 * stored in readable form.
 */
export async function addRosterStudents(classId: string, names: string[]): Promise<IssuedCredentials[]> {
  const teacher = await requireUser(["teacher"]);
  await getOwnedClassOrThrow(getDb(), teacher.id, classId);
  const prepared = await Promise.all(
    names.map(async (displayName) => {
      const oneTimePassword = generateOneTimePassword();
      return { displayName, oneTimePassword, passwordHash: await hashPassword(oneTimePassword) };
    }),
  );
  return writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    const reserved = new Set<string>();
    const issued: IssuedCredentials[] = [];
    for (const student of prepared) {
      const username = await uniqueUsername(tx, student.displayName, reserved);
      reserved.add(username);
      const [row] = await tx
        .insert(users)
        .values({ role: "student", username, displayName: student.displayName, passwordHash: student.passwordHash, mustChangePassword: true, createdById: teacher.id })
        .returning({ id: users.id });
      await tx.insert(classMembers).values({ classId, studentId: row!.id });
      await recordAudit(tx, { actor: teacher, action: "roster.student_added", classId, target: { id: row!.id, name: student.displayName } });
      issued.push({ studentId: row!.id, displayName: student.displayName, username, oneTimePassword: student.oneTimePassword });
    }
    return issued;
  });
}

/** How long a teacher can take back a password reset (the roster's Undo). */
export const PASSWORD_UNDO_MS = 5 * 60_000;

/**
 * What an Undo of a password reset needs, kept in `app_meta` under
 * `password-undo:<studentId>` until the window ends (no column of its own:
 * it is short-lived, and the hashes are no more than `users` already holds).
 * `resetHash` is the hash the reset wrote: if the student has since chosen a
 * new password, the Undo is refused rather than taking theirs away.
 */
interface PendingPasswordUndo {
  teacherId: string;
  classId: string;
  previousHash: string;
  previousMustChange: boolean;
  resetHash: string;
  until: number;
}

export function passwordUndoKey(studentId: string): string {
  return `password-undo:${studentId}`;
}

async function readPendingUndo(tx: Database, studentId: string): Promise<PendingPasswordUndo | null> {
  const [row] = await tx.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, passwordUndoKey(studentId)));
  if (!row) return null;
  try {
    return JSON.parse(row.value) as PendingPasswordUndo;
  } catch {
    return null;
  }
}

/** Drops undo records whose window has passed (called on every reset, so they never pile up). */
async function purgeExpiredUndos(tx: Database, now: Date): Promise<void> {
  const rows = await tx.select({ key: appMeta.key, value: appMeta.value }).from(appMeta).where(like(appMeta.key, "password-undo:%"));
  for (const row of rows) {
    let until = 0;
    try {
      until = (JSON.parse(row.value) as PendingPasswordUndo).until;
    } catch {
      // An unreadable record is dropped like an expired one.
    }
    if (until <= now.getTime()) await tx.delete(appMeta).where(eq(appMeta.key, row.key));
  }
}

export interface IssuedReset extends IssuedCredentials {
  /** Until when `undoPasswordReset` can bring the old password back. */
  undoUntil: Date;
}

/**
 * A new one-time password for a student in one of the teacher's classes; the
 * student's sessions end. For PASSWORD_UNDO_MS the teacher can take it back
 * (`undoPasswordReset`).
 */
export async function resetStudentPassword(classId: string, studentId: string, now: Date = new Date()): Promise<IssuedReset> {
  const teacher = await requireUser(["teacher"]);
  await getOwnedClassOrThrow(getDb(), teacher.id, classId);
  await assertStudentInClassOrThrow(getDb(), classId, studentId);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const undoUntil = new Date(now.getTime() + PASSWORD_UNDO_MS);
  return writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    await assertStudentInClassOrThrow(tx, classId, studentId);
    await purgeExpiredUndos(tx, now);
    const [before] = await tx.select({ passwordHash: users.passwordHash, mustChangePassword: users.mustChangePassword }).from(users).where(eq(users.id, studentId));
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, tokenVersion: sql`${users.tokenVersion} + 1` })
      .where(and(eq(users.id, studentId), eq(users.role, "student")))
      .returning({ displayName: users.displayName, username: users.username });
    // A second reset inside the window keeps the password the student knew, so Undo still gives that one back.
    const earlier = await readPendingUndo(tx, studentId);
    const keepEarlier = earlier && earlier.teacherId === teacher.id && earlier.until > now.getTime() && earlier.resetHash === before!.passwordHash;
    const pending: PendingPasswordUndo = {
      teacherId: teacher.id,
      classId,
      previousHash: keepEarlier ? earlier.previousHash : before!.passwordHash,
      previousMustChange: keepEarlier ? earlier.previousMustChange : before!.mustChangePassword,
      resetHash: passwordHash,
      until: undoUntil.getTime(),
    };
    await tx
      .insert(appMeta)
      .values({ key: passwordUndoKey(studentId), value: JSON.stringify(pending) })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: JSON.stringify(pending) } });
    await recordAudit(tx, { actor: teacher, action: "password.reset", classId, target: { id: studentId, name: row!.displayName }, at: now });
    return { studentId, displayName: row!.displayName, username: row!.username, oneTimePassword, undoUntil };
  });
}

/**
 * Takes back the teacher's own recent reset: the student's previous password
 * works again. The sessions the reset ended stay ended, and any session
 * opened with the one-time password ends too. Refused once the window has
 * passed, for another teacher or class, and if the student has already
 * chosen a new password.
 */
export async function undoPasswordReset(classId: string, studentId: string, now: Date = new Date()): Promise<{ displayName: string }> {
  const teacher = await requireUser(["teacher"]);
  return writeTransaction(getDb(), async (tx) => {
    await getOwnedClassOrThrow(tx, teacher.id, classId);
    const { displayName } = await assertStudentInClassOrThrow(tx, classId, studentId);
    const pending = await readPendingUndo(tx, studentId);
    if (!pending || pending.teacherId !== teacher.id || pending.classId !== classId || pending.until <= now.getTime()) {
      throw new AppError("not_found", "That password reset can no longer be undone.");
    }
    const restored = await tx
      .update(users)
      .set({ passwordHash: pending.previousHash, mustChangePassword: pending.previousMustChange, tokenVersion: sql`${users.tokenVersion} + 1` })
      .where(and(eq(users.id, studentId), eq(users.role, "student"), eq(users.passwordHash, pending.resetHash)))
      .returning({ id: users.id });
    await tx.delete(appMeta).where(eq(appMeta.key, passwordUndoKey(studentId)));
    if (restored.length === 0) throw new AppError("conflict", `${displayName} has already chosen a new password, so the reset can't be undone.`);
    await recordAudit(tx, { actor: teacher, action: "password.reset", classId, target: { id: studentId, name: displayName }, detail: { undone: true }, at: now });
    return { displayName };
  });
}

/** The teacher's resets in this class that can still be undone, for the roster. */
export async function listUndoablePasswordResets(classId: string, now: Date = new Date()): Promise<{ studentId: string; undoUntil: Date }[]> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await getOwnedClassOrThrow(db, teacher.id, classId);
  const rows = await db.select({ key: appMeta.key, value: appMeta.value }).from(appMeta).where(like(appMeta.key, "password-undo:%"));
  return rows.flatMap((row) => {
    try {
      const pending = JSON.parse(row.value) as PendingPasswordUndo;
      return pending.teacherId === teacher.id && pending.classId === classId && pending.until > now.getTime() ? [{ studentId: row.key.slice("password-undo:".length), undoUntil: new Date(pending.until) }] : [];
    } catch {
      return [];
    }
  });
}

/** Takes the student out of this class; their account and work stay. Returns the names for the confirmation. */
export async function removeStudentFromClass(classId: string, studentId: string): Promise<{ displayName: string; className: string }> {
  const teacher = await requireUser(["teacher"]);
  return writeTransaction(getDb(), async (tx) => {
    const owned = await getOwnedClassOrThrow(tx, teacher.id, classId);
    const { displayName } = await assertStudentInClassOrThrow(tx, classId, studentId);
    await tx.delete(classMembers).where(and(eq(classMembers.classId, classId), eq(classMembers.studentId, studentId)));
    await recordAudit(tx, { actor: teacher, action: "roster.student_removed", classId, target: { id: studentId, name: displayName } });
    return { displayName, className: owned.name };
  });
}

async function openClassByCodeOrThrow(db: Database, code: string) {
  const [row] = await db
    .select({ id: classes.id, name: classes.name, teacherName: users.displayName })
    .from(classes)
    .innerJoin(users, eq(users.id, classes.teacherId))
    .where(and(eq(classes.joinCode, code), isNull(classes.archivedAt)));
  if (!row) throw new AppError("not_found", "That class code didn't work. Check it with your teacher: it may have changed.", { fields: ["code"] });
  return row;
}

/** Public: what a student sees before joining (class and teacher name only). */
export async function describeClassByCode(code: string) {
  const row = await openClassByCodeOrThrow(getDb(), code);
  return { name: row.name, teacherName: row.teacherName };
}

/** Sign-up through a class code: creates a student account (no email) and its membership in one transaction. */
export async function joinClassAsNewStudent(input: { code: string; displayName: string; username: string; password: string }): Promise<{ studentId: string; className: string }> {
  const problem = passwordProblem(input.password, { username: input.username });
  if (problem) throw new AppError("bad_request", problem, { fields: ["password"] });
  await openClassByCodeOrThrow(getDb(), input.code);
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(getDb(), async (tx) => {
    const found = await openClassByCodeOrThrow(tx, input.code);
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.username} = ${input.username} or ${users.email} = ${input.username}`);
    if (clash) throw new AppError("conflict", "That username is taken. Try another.", { fields: ["username"] });
    const [row] = await tx.insert(users).values({ role: "student", username: input.username, displayName: input.displayName, passwordHash }).returning({ id: users.id });
    await tx.insert(classMembers).values({ classId: found.id, studentId: row!.id });
    return { studentId: row!.id, className: found.name };
  });
}

/** A signed-in student joins another class. Joining twice is harmless. */
export async function joinClassAsCurrentStudent(code: string): Promise<{ className: string }> {
  const student = await requireUser(["student"]);
  return writeTransaction(getDb(), async (tx) => {
    const found = await openClassByCodeOrThrow(tx, code);
    await tx.insert(classMembers).values({ classId: found.id, studentId: student.id }).onConflictDoNothing();
    return { className: found.name };
  });
}

export async function listStudentClasses() {
  const student = await requireUser(["student"]);
  return getDb()
    .select({ id: classes.id, name: classes.name, teacherName: users.displayName, archived: sql<boolean>`${classes.archivedAt} is not null` })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(users, eq(users.id, classes.teacherId))
    .where(eq(classMembers.studentId, student.id))
    .orderBy(asc(classes.name));
}
