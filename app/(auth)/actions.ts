"use server";

import { z } from "zod";
import { publicAction, signInFailureState } from "@/lib/actions";
import { signInAndRedirect, signInBlockedMessage } from "@/lib/auth/sign-in";
import { createAccount } from "@/lib/data/users";
import { safeRedirectTarget } from "@/lib/security/redirect";
import { limitAccountCreation, requestIp } from "@/lib/data/request-limits";
import { signInSchema, signUpSchema } from "@/lib/validations/auth";

/** Only targets on this site (lib/security/redirect.ts); anything else signs in to the home page. */
const callbackSchema = z
  .string()
  .optional()
  .transform((value) => safeRedirectTarget(value));

export const signInAction = publicAction(signInSchema.extend({ callbackUrl: callbackSchema }), async ({ login, password, callbackUrl }) => {
  const blocked = await signInBlockedMessage(login);
  if (blocked) return { status: "error", message: blocked };
  return signInFailureState(await signInAndRedirect(login, password, callbackUrl));
});

export const signUpAction = publicAction(signUpSchema, async (data) => {
  // Per address, shared with joining a class as a new student: each attempt may hash a password.
  await limitAccountCreation(await requestIp());
  // A weak password or a taken username/email comes back as an error naming its fields (lib/data/users.ts).
  await createAccount({ ...data, role: data.role });
  return signInFailureState(await signInAndRedirect(data.username, data.password, "/"));
});
