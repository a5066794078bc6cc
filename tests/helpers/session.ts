/**
 * Fake sessions for integration tests. Use in a test file with:
 *
 *   vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));
 *   vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock")); // if it signs in or out
 *   ...
 *   signInAs(user) / signOutTestUser()
 *
 * lib/data/session.ts stays real, so requireUser's checks are the ones under test.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "@/lib/roles";

export interface TestSessionUser {
  id: string;
  name: string;
  role: Role;
  username: string;
  /** Signed in with a one-time password not yet replaced (lib/data/session.ts). */
  mustChangePassword?: boolean;
}

const state: { user: TestSessionUser | null } = { user: null };
const scoped = new AsyncLocalStorage<TestSessionUser>();

type AnyTestUser = TestSessionUser | { id: string; displayName: string; role: Role; username: string };

function sessionUserOf(user: AnyTestUser): TestSessionUser {
  return "displayName" in user ? { id: user.id, name: user.displayName, role: user.role, username: user.username } : user;
}

export function signInAs(user: AnyTestUser): void {
  state.user = sessionUserOf(user);
}

/** Runs `fn` signed in as `user` for its async calls only, so several users' requests can run at once. */
export function asTestUser<T>(user: AnyTestUser, fn: () => Promise<T>): Promise<T> {
  return scoped.run(sessionUserOf(user), fn);
}

export function signOutTestUser(): void {
  state.user = null;
}

export function currentTestSession() {
  const user = scoped.getStore() ?? state.user;
  return user ? { user, expires: new Date(Date.now() + 3600_000).toISOString() } : null;
}
