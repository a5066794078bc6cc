"use server";

import { z } from "zod";
import { authedAction, authedFormAction, signInFailureState } from "@/lib/actions";
import { signOut } from "@/lib/auth/config";
import { signInAndRedirect } from "@/lib/auth/sign-in";
import { deleteOwnAccount } from "@/lib/data/privacy";
import { changeOwnPassword, endSessionsOf } from "@/lib/data/users";
import { changePasswordSchema, deleteAccountSchema } from "@/lib/validations/auth";

/**
 * Signing out ends every session of this user, on every device. The same
 * function ends them when next-auth's own sign-out route is used
 * (lib/auth/config.ts events.signOut), so both doors do the same thing.
 */
export const signOutAction = authedFormAction(
  z.object({}),
  async (_data, user) => {
    await endSessionsOf(user.id);
    // A page of its own: the header (GET /api/me) asks again on every new path, and "/" may be where they were.
    await signOut({ redirectTo: "/sign-in" });
  },
  { allowPendingPasswordChange: true },
);

export const changePasswordAction = authedAction(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, user) => {
    await changeOwnPassword(currentPassword, newPassword);
    if (user.mustChangePassword) {
      // First sign-in with a teacher's one-time password: carry straight on with the new password.
      return signInFailureState(await signInAndRedirect(user.username, newPassword, "/"));
    }
    // The password change ended every session, this one included.
    await signOut({ redirectTo: "/sign-in?reason=password-changed" });
    return { status: "ok" };
  },
  { allowPendingPasswordChange: true },
);

export const deleteAccountAction = authedAction(deleteAccountSchema, async ({ password }) => {
  await deleteOwnAccount(password);
  await signOut({ redirectTo: "/?reason=account-deleted" });
  return { status: "ok" };
});
