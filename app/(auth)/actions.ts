"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publicAction, type ActionState } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { signIn } from "@/lib/auth/config";
import { passwordProblem } from "@/lib/auth/password";
import { formatWait, signInBlockedFor } from "@/lib/auth/throttle";
import { createAccount } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { signInSchema, signUpSchema } from "@/lib/validations/auth";

/** Only same-site paths: never an absolute or protocol-relative URL (open redirect). */
const callbackSchema = z
  .string()
  .optional()
  .transform((value) => (value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/"));

async function blockedMessage(login: string): Promise<string | null> {
  const wait = await signInBlockedFor(getDb(), login, clientIp(await headers()));
  return wait > 0 ? `Too many failed sign-ins. For your safety, sign-in is paused for ${formatWait(wait)}. Try again then, or ask your teacher to reset your password.` : null;
}

async function signInOrExplain(login: string, password: string, redirectTo: string): Promise<ActionState> {
  try {
    await signIn("credentials", { login, password, redirectTo });
    return { status: "ok" };
  } catch (error) {
    if (error instanceof AuthError) {
      return { status: "error", message: (await blockedMessage(login)) ?? "Wrong username or password." };
    }
    throw error;
  }
}

export const signInAction = publicAction(signInSchema.extend({ callbackUrl: callbackSchema }), async ({ login, password, callbackUrl }) => {
  const blocked = await blockedMessage(login);
  if (blocked) return { status: "error", message: blocked };
  return signInOrExplain(login, password, callbackUrl);
});

export const signUpAction = publicAction(signUpSchema, async (data) => {
  const problem = passwordProblem(data.password, { username: data.username });
  if (problem) return { status: "invalid", message: "Please fix the highlighted fields.", fieldErrors: { password: [problem] } };
  try {
    await createAccount({ ...data, role: data.role });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      const field = error.message.includes("email") ? "email" : "username";
      return { status: "invalid", message: "Please fix the highlighted fields.", fieldErrors: { [field]: [error.message] } };
    }
    throw error;
  }
  return signInOrExplain(data.username, data.password, "/");
});
