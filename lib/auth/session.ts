/**
 * The current user, for the data-access layer and pages. `requireUser` is the
 * check every DAL function starts with; tests replace `getSessionUser`.
 */
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "../../db/schema";
import { AppError } from "../errors";
import { auth } from "./config";

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  username: string;
}

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name, role: user.role, username: user.username };
});

/** Throws `unauthorized` without a session and `forbidden` for a role not listed. */
export async function requireUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized");
  if (roles && !roles.includes(user.role)) throw new AppError("forbidden");
  return user;
}

/** For pages: sends visitors without a session to sign in and back. */
export async function requirePageUser(returnTo: string, roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (roles && !roles.includes(user.role)) redirect("/");
  return user;
}
