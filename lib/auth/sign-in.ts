/** Signing in from server actions: redirects on success, says what went wrong otherwise. */
import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { formatWait } from "../data/rate-limits";
import { CHANGE_PASSWORD_PATH } from "../data/session";
import { mustChangePasswordAfterSignIn, signInPausedFor } from "../data/sign-in-attempt";
import { signIn } from "./config";

/**
 * Why signing in did not happen, for the form to show. `joined`: the account
 * was created a moment ago (joining a class), so the message is news, not an
 * error.
 */
export interface SignInFailure {
  joined: boolean;
  message: string;
}

function accountPausedMessage(waitMs: number): string {
  return `Too many wrong passwords for this account. For its safety, signing in to it is paused for ${formatWait(waitMs)}. Try again then, or ask your teacher to reset your password.`;
}

const ADDRESS_BUSY = "A lot of people on your network are signing in right now. Please wait a minute and try again.";

/** The message for an account that is paused right now, or null. Read-only: checking doesn't count as a try. */
export async function signInBlockedMessage(login: string): Promise<string | null> {
  const wait = await signInPausedFor(login);
  return wait > 0 ? accountPausedMessage(wait) : null;
}

/**
 * Signs in and redirects; on failure returns what to tell the user (never
 * which part was wrong). `afterJoining` is for a student account created a
 * moment ago: if signing it in fails, the message says the account exists and
 * how to sign in, never that anything is locked.
 */
export async function signInAndRedirect(login: string, password: string, redirectTo: string, options: { afterJoining?: string } = {}): Promise<SignInFailure> {
  try {
    await signIn("credentials", { login, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (options.afterJoining) {
      return { joined: true, message: `You joined ${options.afterJoining}. Sign in with the username and password you just chose to see your assignments.` };
    }
    const code = error instanceof CredentialsSignin ? error.code : undefined;
    if (code === "address_busy") return { joined: false, message: ADDRESS_BUSY };
    return { joined: false, message: (await signInBlockedMessage(login)) ?? "Wrong username or password." };
  }
  // Signed in. A one-time password goes straight to choosing one's own: an action's redirect renders its target
  // in the same response, without proxy.ts, so the target has to be right here.
  redirect((await mustChangePasswordAfterSignIn(login)) ? CHANGE_PASSWORD_PATH : redirectTo);
}
