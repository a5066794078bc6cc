/**
 * Whether the signed-in teacher may see a class or one of its students: the
 * checks every class-scoped DAL module starts with (kept apart from
 * ./classes.ts, which records audit entries, so ./audit.ts can use them too).
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/open";
import { classMembers, classes, users } from "../../db/tables";
import { AppError } from "../errors";

const NOT_FOUND = "We couldn't find that class.";

/** The class if the teacher owns it; otherwise not_found (never reveal that it exists). */
export async function getOwnedClassOrThrow(db: Database, teacherId: string, classId: string) {
  const [row] = await db.select().from(classes).where(and(eq(classes.id, classId), eq(classes.teacherId, teacherId)));
  if (!row) throw new AppError("not_found", NOT_FOUND);
  return row;
}

/** The student is in this class and the class belongs to this teacher; not_found otherwise. */
export async function assertStudentOfTeacherOrThrow(db: Database, teacherId: string, classId: string, studentId: string): Promise<void> {
  await getOwnedClassOrThrow(db, teacherId, classId);
  await assertStudentInClassOrThrow(db, classId, studentId);
}

export async function assertStudentInClassOrThrow(db: Database, classId: string, studentId: string): Promise<{ displayName: string }> {
  const [member] = await db
    .select({ displayName: users.displayName })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.studentId))
    .where(and(eq(classMembers.classId, classId), eq(classMembers.studentId, studentId), eq(users.role, "student")));
  if (!member) throw new AppError("not_found", "That student is not in this class.");
  return member;
}
