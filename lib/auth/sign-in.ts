/** Signing in from server actions, with the messages users see when it fails. */
import "server-only";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "../../db/client";
import type { ActionState } from "../actions";
import { clientIp } from "./client-ip";
import { signIn } from "./config";
import { formatWait, signInBlockedFor } from "./throttle";

export async function signInBlockedMessage(login: string): Promise<string | null> {
  const wait = await signInBlockedFor(getDb(), login, clientIp(await headers()));
  return wait > 0 ? `Too many failed sign-ins. For your safety, sign-in is paused for ${formatWait(wait)}. Try again then, or ask your teacher to reset your password.` : null;
}

/** Signs in and redirects; on failure returns the message to show (never which part was wrong). */
export async function signInAndRedirect(login: string, password: string, redirectTo: string): Promise<ActionState> {
  try {
    await signIn("credentials", { login, password, redirectTo });
    return { status: "ok" };
  } catch (error) {
    if (error instanceof AuthError) {
      return { status: "error", message: (await signInBlockedMessage(login)) ?? "Wrong username or password." };
    }
    throw error;
  }
}
