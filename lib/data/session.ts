/**
 * The current user, for the data-access layer and pages (the session itself
 * is read by ./session-token.ts). `requireUser` is the
 * check every DAL function starts with; tests replace `getSessionUser`.
 *
 * A user signed in with a one-time password (printed or reset by a teacher)
 * must choose their own before anything else: `requireUser` refuses them with
 * `PasswordChangeRequired` except where a caller explicitly allows it (the
 * password change itself, reading one's own account, signing out). Server
 * actions turn that refusal into a redirect to CHANGE_PASSWORD_PATH
 * (lib/actions.ts), pages into the same redirect (`requirePageUser`, and
 * proxy.ts for every page), route handlers into a 403.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "../errors";
import type { Role } from "../roles";
import { auth } from "./session-token";

export const CHANGE_PASSWORD_PATH = "/account/password";

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  username: string;
  /** Signed in with a one-time password that hasn't been replaced yet. */
  mustChangePassword?: boolean;
}

export class PasswordChangeRequired extends AppError {
  constructor() {
    super("forbidden", "Choose your own password first: the one-time password from your teacher only lets you do that.");
  }
}

export function isPasswordChangeRequired(error: unknown): error is PasswordChangeRequired {
  return error instanceof PasswordChangeRequired;
}

/**
 * A user already authenticated from their session cookie outside a Next request: proxy.ts's answer to
 * GET /api/me (lib/data/viewer-answer.ts), which decrypts the cookie with AUTH_SECRET and checks the
 * token's version against the database exactly like `auth()` before it calls `asAuthenticatedUser`.
 * Inside that call the DAL's usual functions (`requireUser()`, ownership in every WHERE clause) run for
 * that user, so the proxy's answer is the route's, authorized in the same place.
 */
const authenticated = new AsyncLocalStorage<SessionUser>();

/** Runs `fn` with `user` as the session's user. Only for a user whose session was just verified (above). */
export function asAuthenticatedUser<T>(user: SessionUser, fn: () => Promise<T>): Promise<T> {
  return authenticated.run(user, fn);
}

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const scoped = authenticated.getStore();
  if (scoped) return scoped;
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name, role: user.role, username: user.username, mustChangePassword: user.mustChangePassword === true };
});

export interface RequireOptions {
  /** Let a user who still has a one-time password through (changing it, reading their account, signing out). */
  allowPendingPasswordChange?: boolean;
}

/** Throws `unauthorized` without a session, `forbidden` for a role not listed, and `PasswordChangeRequired` before the one-time password is replaced. */
export async function requireUser(roles?: readonly Role[], options: RequireOptions = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized");
  if (user.mustChangePassword && !options.allowPendingPasswordChange) throw new PasswordChangeRequired();
  if (roles && !roles.includes(user.role)) throw new AppError("forbidden");
  return user;
}

/** For pages: sends visitors without a session to sign in and back, and one-time-password holders to change it. */
export async function requirePageUser(returnTo: string, roles?: readonly Role[], options: RequireOptions = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.mustChangePassword && !options.allowPendingPasswordChange) redirect(CHANGE_PASSWORD_PATH);
  if (roles && !roles.includes(user.role)) redirect("/");
  return user;
}
