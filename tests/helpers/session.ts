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

export function signInAs(user: TestSessionUser | { id: string; displayName: string; role: Role; username: string }): void {
  state.user = "displayName" in user ? { id: user.id, name: user.displayName, role: user.role, username: user.username } : user;
}

export function signOutTestUser(): void {
  state.user = null;
}

export function currentTestSession() {
  return state.user ? { user: state.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null;
}
