/**
 * next-auth events, kept apart from lib/auth/config.ts so tests can run them
 * through @auth/core directly.
 */
import type { JWT } from "next-auth/jwt";
import { endSessionsOf } from "../data/users";

/**
 * next-auth's own POST /api/auth/signout (and its signOut() helper) end the
 * session the same way our sign-out action does: the token version goes up,
 * so every copy of the cookie stops working, not just the one cleared.
 */
export async function endSessionOnSignOut(message: { token?: JWT | null } | { session?: unknown }): Promise<void> {
  const token = "token" in message ? message.token : null;
  if (token?.uid && typeof token.tv === "number") await endSessionsOf(token.uid, token.tv);
}
