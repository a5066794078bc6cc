"use server";

import { z } from "zod";
import { authedAction, authedFormAction } from "@/lib/actions";
import { signOut } from "@/lib/auth/config";
import { deleteOwnAccount } from "@/lib/data/privacy";
import { bumpTokenVersion, changeOwnPassword } from "@/lib/data/users";
import { changePasswordSchema, deleteAccountSchema } from "@/lib/validations/auth";

/** Signing out ends every session of this user, on every device. */
export const signOutAction = authedFormAction(z.object({}), async (_data, user) => {
  await bumpTokenVersion(user.id);
  await signOut({ redirectTo: "/" });
});

export const changePasswordAction = authedAction(changePasswordSchema, async ({ currentPassword, newPassword }) => {
  await changeOwnPassword(currentPassword, newPassword);
  // The password change ended every session, this one included.
  await signOut({ redirectTo: "/sign-in?reason=password-changed" });
  return { status: "ok" };
});

export const deleteAccountAction = authedAction(deleteAccountSchema, async ({ password }) => {
  await deleteOwnAccount(password);
  await signOut({ redirectTo: "/?reason=account-deleted" });
  return { status: "ok" };
});
