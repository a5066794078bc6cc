/** Signing in from server actions, with the messages users see when it fails. */
import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { getDb } from "../../db/client";
import type { ActionState } from "../actions";
import { findUserByLogin } from "../data/auth-users";
import { redirect } from "next/navigation";
import { signIn } from "./config";
import { CHANGE_PASSWORD_PATH } from "./session";
import { accountPausedFor, formatWait } from "./throttle";

function accountPausedMessage(waitMs: number): string {
  return `Too many wrong passwords for this account. For its safety, signing in to it is paused for ${formatWait(waitMs)}. Try again then, or ask your teacher to reset your password.`;
}

const ADDRESS_BUSY = "A lot of people on your network are signing in right now. Please wait a minute and try again.";

/** The message for an account that is paused right now, or null. Read-only: checking doesn't count as a try. */
export async function signInBlockedMessage(login: string): Promise<string | null> {
  const user = await findUserByLogin(login);
  const wait = await accountPausedFor(getDb(), user?.username ?? login);
  return wait > 0 ? accountPausedMessage(wait) : null;
}

/**
 * Signs in and redirects; on failure returns the message to show (never which
 * part was wrong). `afterJoining` is for a student account created a moment
 * ago: if signing it in fails, the message says the account exists and how to
 * sign in, never that anything is locked.
 */
export async function signInAndRedirect(login: string, password: string, redirectTo: string, options: { afterJoining?: string } = {}): Promise<ActionState> {
  try {
    await signIn("credentials", { login, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (options.afterJoining) {
      return { status: "ok", message: `You joined ${options.afterJoining}. Sign in with the username and password you just chose to see your assignments.` };
    }
    const code = error instanceof CredentialsSignin ? error.code : undefined;
    if (code === "address_busy") return { status: "error", message: ADDRESS_BUSY };
    return { status: "error", message: (await signInBlockedMessage(login)) ?? "Wrong username or password." };
  }
  // Signed in. A one-time password goes straight to choosing one's own: an action's redirect renders its target
  // in the same response, without proxy.ts, so the target has to be right here.
  const user = await findUserByLogin(login);
  redirect(user?.mustChangePassword ? CHANGE_PASSWORD_PATH : redirectTo);
}
