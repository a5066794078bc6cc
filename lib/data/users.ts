/**
 * Accounts: creating them, changing passwords, removing them. Every function
 * that acts on an existing account checks who is asking.
 */
import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction } from "../../db/open";
import { users, type Role } from "../../db/schema";
import { hashPassword, passwordProblem, verifyPassword } from "../auth/password";
import { requireUser } from "../auth/session";
import { AppError } from "../errors";

export interface NewAccount {
  role: Extract<Role, "teacher" | "learner" | "student">;
  displayName: string;
  username: string;
  email: string | null;
  password: string;
}

/** Public sign-up (teachers and learners) and class joining (students). */
export async function createAccount(account: NewAccount, options: { createdById?: string; mustChangePassword?: boolean } = {}): Promise<{ id: string }> {
  const problem = passwordProblem(account.password, { username: account.username });
  if (problem) throw new AppError("bad_request", problem);
  const passwordHash = await hashPassword(account.password);
  return writeTransaction(getDb(), async (tx) => {
    const clash = await tx
      .select({ username: users.username, email: users.email })
      .from(users)
      .where(account.email ? or(eq(users.username, account.username), eq(users.email, account.email), eq(users.username, account.email)) : or(eq(users.username, account.username), eq(users.email, account.username)));
    if (clash.some((row) => row.username === account.username || row.email === account.username)) throw new AppError("conflict", "That username is taken. Try another.");
    if (clash.length > 0) throw new AppError("conflict", "An account with that email already exists.");
    const [row] = await tx
      .insert(users)
      .values({
        role: account.role,
        displayName: account.displayName,
        username: account.username,
        email: account.email,
        passwordHash,
        createdById: options.createdById ?? null,
        mustChangePassword: options.mustChangePassword ?? false,
      })
      .returning({ id: users.id });
    return { id: row!.id };
  });
}

/** Ends every session of the current user (JWTs with the old version stop working). */
export async function endAllSessionsOfCurrentUser(): Promise<void> {
  const user = await requireUser();
  await bumpTokenVersion(user.id);
}

export async function bumpTokenVersion(userId: string): Promise<void> {
  await writeTransaction(getDb(), async (tx) => {
    await tx.update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, userId));
  });
}

export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  const user = await requireUser();
  const [row] = await getDb().select({ passwordHash: users.passwordHash, username: users.username }).from(users).where(eq(users.id, user.id));
  if (!row) throw new AppError("unauthorized");
  if (!(await verifyPassword(row.passwordHash, currentPassword))) throw new AppError("bad_request", "Your current password is not right.");
  const problem = passwordProblem(newPassword, { username: row.username });
  if (problem) throw new AppError("bad_request", problem);
  if (newPassword === currentPassword) throw new AppError("bad_request", "Choose a password different from the current one.");
  const passwordHash = await hashPassword(newPassword);
  await writeTransaction(getDb(), async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, tokenVersion: sql`${users.tokenVersion} + 1` })
      .where(and(eq(users.id, user.id)));
  });
}

export async function getOwnAccount() {
  const user = await requireUser();
  const [row] = await getDb()
    .select({ id: users.id, username: users.username, email: users.email, displayName: users.displayName, role: users.role, mustChangePassword: users.mustChangePassword, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, user.id));
  if (!row) throw new AppError("unauthorized");
  return row;
}
