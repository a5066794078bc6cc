/**
 * Accounts: creating them, changing passwords, removing them. Every function
 * that acts on an existing account checks who is asking.
 */
import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction } from "../../db/open";
import { users } from "../../db/tables";
import type { Role } from "../roles";
import { hashPassword, passwordProblem, verifyPassword } from "../passwords/password";
import { requireUser } from "./session";
import { AppError } from "../errors";

/** Shown when the username or the email is already in use; never says which (docs/SECURITY.md "Accounts"). */
export const SIGN_UP_CONFLICT =
  "That username or email can't be used for a new account. If you already have an account, sign in with it instead. Otherwise choose another username, and use another email or leave it empty.";

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
  if (problem) throw new AppError("bad_request", problem, { fields: ["password"] });
  const passwordHash = await hashPassword(account.password);
  return writeTransaction(getDb(), async (tx) => {
    const clash = await tx
      .select({ username: users.username, email: users.email })
      .from(users)
      .where(account.email ? or(eq(users.username, account.username), eq(users.email, account.email), eq(users.username, account.email)) : or(eq(users.username, account.username), eq(users.email, account.username)));
    // One message whichever of the two is in use, so sign-up doesn't tell a stranger which emails have accounts.
    if (clash.length > 0) throw new AppError("conflict", SIGN_UP_CONFLICT, { fields: { username: "Check this, or sign in instead.", ...(account.email ? { email: "Check this, or leave it empty." } : {}) } });
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
  const user = await requireUser(undefined, { allowPendingPasswordChange: true });
  await bumpTokenVersion(user.id);
}

export async function bumpTokenVersion(userId: string): Promise<void> {
  await endSessionsOf(userId);
}

/**
 * The one way a sign-out ends sessions, whichever door it came through (our
 * sign-out action, or next-auth's own POST /api/auth/signout via its signOut
 * event in lib/auth/config.ts): the user's token version goes up, so every
 * copy of every cookie stops working. With `tokenVersion` (the version inside
 * the cookie being signed out), only a cookie that is still valid can do this:
 * a stale copy can't sign the user out of their newer sessions.
 */
export async function endSessionsOf(userId: string, tokenVersion?: number): Promise<boolean> {
  return writeTransaction(getDb(), async (tx) => {
    const where = tokenVersion === undefined ? eq(users.id, userId) : and(eq(users.id, userId), eq(users.tokenVersion, tokenVersion));
    const changed = await tx.update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(where).returning({ id: users.id });
    return changed.length > 0;
  });
}

export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  // The one thing a user with a one-time password may do.
  const user = await requireUser(undefined, { allowPendingPasswordChange: true });
  const [row] = await getDb().select({ passwordHash: users.passwordHash, username: users.username }).from(users).where(eq(users.id, user.id));
  if (!row) throw new AppError("unauthorized");
  if (!(await verifyPassword(row.passwordHash, currentPassword))) throw new AppError("bad_request", "Your current password is not right.", { fields: ["currentPassword"] });
  const problem = passwordProblem(newPassword, { username: row.username });
  if (problem) throw new AppError("bad_request", problem, { fields: ["newPassword"] });
  if (newPassword === currentPassword) throw new AppError("bad_request", "Choose a password different from the current one.", { fields: ["newPassword"] });
  const passwordHash = await hashPassword(newPassword);
  await writeTransaction(getDb(), async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, tokenVersion: sql`${users.tokenVersion} + 1` })
      .where(and(eq(users.id, user.id)));
  });
}

export async function getOwnAccount() {
  const user = await requireUser(undefined, { allowPendingPasswordChange: true });
  const [row] = await getDb()
    .select({ id: users.id, username: users.username, email: users.email, displayName: users.displayName, role: users.role, mustChangePassword: users.mustChangePassword, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, user.id));
  if (!row) throw new AppError("unauthorized");
  return row;
}
