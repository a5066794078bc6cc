"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { passwordProblem } from "@/lib/auth/password";
import { signInAndRedirect, signInBlockedMessage } from "@/lib/auth/sign-in";
import { createAccount } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { safeRedirectTarget } from "@/lib/security/redirect";
import { limitAccountCreation, requestIp } from "@/lib/security/request-limits";
import { signInSchema, signUpSchema } from "@/lib/validations/auth";

/** Only targets on this site (lib/security/redirect.ts); anything else signs in to the home page. */
const callbackSchema = z
  .string()
  .optional()
  .transform((value) => safeRedirectTarget(value));

export const signInAction = publicAction(signInSchema.extend({ callbackUrl: callbackSchema }), async ({ login, password, callbackUrl }) => {
  const blocked = await signInBlockedMessage(login);
  if (blocked) return { status: "error", message: blocked };
  return signInAndRedirect(login, password, callbackUrl);
});

export const signUpAction = publicAction(signUpSchema, async (data) => {
  // Per address, shared with joining a class as a new student: each attempt may hash a password.
  await limitAccountCreation(await requestIp());
  const problem = passwordProblem(data.password, { username: data.username });
  if (problem) return { status: "invalid", message: "Please fix the highlighted fields.", fieldErrors: { password: [problem] } };
  try {
    await createAccount({ ...data, role: data.role });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      // Both fields, the same words: which one is taken is not for a stranger to learn.
      return { status: "invalid", message: error.message, fieldErrors: { username: ["Check this, or sign in instead."], ...(data.email ? { email: ["Check this, or leave it empty."] } : {}) } };
    }
    throw error;
  }
  return signInAndRedirect(data.username, data.password, "/");
});
