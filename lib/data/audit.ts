/**
 * The audit log: who changed grades, rosters or passwords, what, when, and to
 * whom. `recordAudit` takes the transaction that makes the change, so an entry
 * exists exactly when the change does. Teachers read their own classes' log
 * (`listClassAuditLog`, the class's "Activity" page) and get it in their data
 * export (lib/data/privacy.ts).
 */
import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "../../db/client";
import type { Database } from "../../db/open";
import { auditLog, type AuditAction } from "../../db/tables";
import { requireUser, type SessionUser } from "./session";
import { getOwnedClassOrThrow } from "./class-access";

export interface AuditEntryInput {
  actor: Pick<SessionUser, "id" | "name">;
  action: AuditAction;
  classId: string | null;
  target?: { id: string; name: string } | null;
  detail?: Record<string, string | number | boolean | null>;
  at?: Date;
}

export async function recordAudit(tx: Database, entry: AuditEntryInput): Promise<void> {
  await tx.insert(auditLog).values({
    at: entry.at ?? new Date(),
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    classId: entry.classId,
    action: entry.action,
    targetUserId: entry.target?.id ?? null,
    targetName: entry.target?.name ?? null,
    detail: entry.detail ?? null,
  });
}

/** What each action means, in the words the Activity page uses. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "roster.student_added": "Added a student account",
  "roster.student_removed": "Removed a student from the class",
  "roster.student_deleted": "Deleted a student's account",
  "password.reset": "Reset a student's password",
  "class.archived": "Archived the class",
  "class.unarchived": "Unarchived the class",
  "join_code.changed": "Made a new class code",
  "join_code.disabled": "Turned joining off",
  "assignment.created": "Created an assignment",
  "assignment.removed": "Removed an assignment",
  "assignment.restored": "Brought back a removed assignment",
};

/** The label of one entry: an undone password reset is logged as "password.reset" with `undone` in its detail (no new action kind, so no schema change). */
export function auditEntryLabel(entry: { action: AuditAction; detail: Record<string, string | number | boolean | null> | null }): string {
  if (entry.action === "password.reset" && entry.detail?.undone === true) return "Undid a password reset (the old password works again)";
  return AUDIT_ACTION_LABELS[entry.action];
}

export interface AuditEntry {
  id: number;
  at: Date;
  actorName: string | null;
  action: AuditAction;
  targetName: string | null;
  detail: Record<string, string | number | boolean | null> | null;
}

export const AUDIT_PAGE_SIZE = 100;

/** One class's log, newest first, for its teacher; `before` pages back by entry id. */
export async function listClassAuditLog(classId: string, options: { before?: number } = {}): Promise<AuditEntry[]> {
  const teacher = await requireUser(["teacher"]);
  const db = getDb();
  await getOwnedClassOrThrow(db, teacher.id, classId);
  return db
    .select({ id: auditLog.id, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, targetName: auditLog.targetName, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.classId, classId), options.before ? lt(auditLog.id, options.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE);
}
