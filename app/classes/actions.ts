"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction, authedFormAction } from "@/lib/actions";
import { createAssignment, deleteAssignment, restoreAssignment } from "@/lib/data/assignments";
import { addRosterStudents, createClass, disableJoining, removeStudentFromClass, renameClass, resetStudentPassword, rotateJoinCode, setClassArchived, undoPasswordReset } from "@/lib/data/classes";
import { assignmentActionSchema, createAssignmentSchema } from "@/lib/validations/assignments";
import { deleteStudentAccount } from "@/lib/data/privacy";
import { bulkRosterSchema, classActionSchema, createClassSchema, deleteStudentSchema, renameClassSchema, studentActionSchema } from "@/lib/validations/classes";

const TEACHER = { roles: ["teacher"] as const };

export const createClassAction = authedAction(
  createClassSchema,
  async ({ name }) => {
    const { id } = await createClass(name);
    redirect(`/classes/${id}`);
  },
  TEACHER,
);

export const renameClassAction = authedAction(
  renameClassSchema,
  async ({ classId, name }) => {
    await renameClass(classId, name);
    revalidatePath(`/classes/${classId}`);
    return { status: "ok", message: "Class renamed." };
  },
  TEACHER,
);

export const archiveClassAction = authedFormAction(
  classActionSchema,
  async ({ classId }) => {
    await setClassArchived(classId, true);
    revalidatePath("/classes");
    revalidatePath(`/classes/${classId}`);
  },
  TEACHER,
);

export const unarchiveClassAction = authedFormAction(
  classActionSchema,
  async ({ classId }) => {
    await setClassArchived(classId, false);
    revalidatePath("/classes");
    revalidatePath(`/classes/${classId}`);
  },
  TEACHER,
);

export const rotateJoinCodeAction = authedFormAction(
  classActionSchema,
  async ({ classId }) => {
    await rotateJoinCode(classId);
    revalidatePath(`/classes/${classId}`);
  },
  TEACHER,
);

export const disableJoiningAction = authedFormAction(
  classActionSchema,
  async ({ classId }) => {
    await disableJoining(classId);
    revalidatePath(`/classes/${classId}`);
  },
  TEACHER,
);

export const addRosterAction = authedAction(
  bulkRosterSchema,
  async ({ classId, names }) => {
    const issued = await addRosterStudents(classId, names);
    revalidatePath(`/classes/${classId}/students`);
    return { status: "ok", message: `Added ${issued.length} student${issued.length === 1 ? "" : "s"}. Print or copy the sign-in sheet now: the passwords are shown only once.`, data: issued };
  },
  TEACHER,
);

export const resetPasswordAction = authedAction(
  studentActionSchema,
  async ({ classId, studentId }) => {
    const issued = await resetStudentPassword(classId, studentId);
    revalidatePath(`/classes/${classId}/students`);
    return { status: "ok", message: `New one-time password for ${issued.displayName}. Their other sessions have ended.`, data: [issued] };
  },
  TEACHER,
);

/** Takes back a reset within PASSWORD_UNDO_MS: the old password works again; ended sessions stay ended. */
export const undoPasswordResetAction = authedAction(
  studentActionSchema,
  async ({ classId, studentId }) => {
    const { displayName } = await undoPasswordReset(classId, studentId);
    revalidatePath(`/classes/${classId}/students`);
    return { status: "ok", message: `Reset undone: ${displayName}'s old password works again. They need to sign in again.` };
  },
  TEACHER,
);

/** Takes a student out of the class; the roster shows the returned confirmation (the row itself is gone). */
export const removeStudentAction = authedAction(
  studentActionSchema,
  async ({ classId, studentId }) => {
    const { displayName, className } = await removeStudentFromClass(classId, studentId);
    revalidatePath(`/classes/${classId}/students`);
    return { status: "ok", message: `${displayName} was removed from ${className}. Their account and work are kept.` };
  },
  TEACHER,
);

export const createAssignmentAction = authedAction(
  createAssignmentSchema,
  async ({ classId, ...assignment }) => {
    await createAssignment({ classId, ...assignment });
    revalidatePath(`/classes/${classId}`);
    redirect(`/classes/${classId}?assigned=1`);
  },
  TEACHER,
);

/** Removes an assignment (students' work is kept); the class page offers Undo for ASSIGNMENT_UNDO_MS. */
export const deleteAssignmentAction = authedAction(
  assignmentActionSchema,
  async ({ classId, assignmentId }) => {
    const { lessonTitle } = await deleteAssignment(classId, assignmentId);
    revalidatePath(`/classes/${classId}`);
    return { status: "ok", message: `Removed "${lessonTitle}". Students no longer see it; their work is kept.`, data: { assignmentId } };
  },
  TEACHER,
);

export const restoreAssignmentAction = authedAction(
  assignmentActionSchema,
  async ({ classId, assignmentId }) => {
    await restoreAssignment(classId, assignmentId);
    revalidatePath(`/classes/${classId}`);
    return { status: "ok", message: "Assignment restored." };
  },
  TEACHER,
);

/** Deletes the student's account and all their data, in every class (docs/PRIVACY.md). */
export const deleteStudentAction = authedAction(
  deleteStudentSchema,
  async ({ classId, studentId }) => {
    const { displayName } = await deleteStudentAccount(studentId);
    revalidatePath(`/classes/${classId}/students`);
    return { status: "ok", message: `Deleted ${displayName}'s account and all their data, in every class.` };
  },
  TEACHER,
);
