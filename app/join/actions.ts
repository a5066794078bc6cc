"use server";

import { redirect } from "next/navigation";
import { authedAction, publicAction, signInFailureState } from "@/lib/actions";
import { signInAndRedirect } from "@/lib/auth/sign-in";
import { joinClassAsCurrentStudent, joinClassAsNewStudent } from "@/lib/data/classes";
import { AppError } from "@/lib/errors";
import { assertJoinCodeAllowed, limitAccountCreation, recordJoinCodeFailure, requestIp } from "@/lib/data/request-limits";
import { joinExistingSchema, joinNewStudentSchema } from "@/lib/validations/classes";

/** Wrong class codes are counted per address (and per student when signed in); too many pause joining for a while. */
export const joinAsNewStudentAction = publicAction(joinNewStudentSchema, async (data) => {
  const ip = await requestIp();
  await assertJoinCodeAllowed(ip, null);
  await limitAccountCreation(ip);
  // A weak password, a taken username or a wrong code comes back as an error naming its field (lib/data/classes.ts).
  let joined: { className: string };
  try {
    joined = await joinClassAsNewStudent(data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") await recordJoinCodeFailure(ip, null);
    throw error;
  }
  // The account exists now: if signing in fails for any reason, say so and how to sign in, never "locked".
  return signInFailureState(await signInAndRedirect(data.username, data.password, "/assignments?joined=1", { afterJoining: joined.className }));
});

export const joinAsCurrentStudentAction = authedAction(
  joinExistingSchema,
  async ({ code }, user) => {
    const ip = await requestIp();
    await assertJoinCodeAllowed(ip, user.id);
    try {
      await joinClassAsCurrentStudent(code);
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") await recordJoinCodeFailure(ip, user.id);
      throw error;
    }
    redirect("/assignments?joined=1");
  },
  { roles: ["student"] },
);
