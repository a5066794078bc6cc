import { z } from "zod";
import { PASSWORD_MAX } from "../passwords/password";
import { nameSchema } from "./names";


export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(32, "Use at most 32 characters.")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Use letters, numbers, dots, dashes or underscores, starting with a letter or number.");

/** Normalised: NFC, no bidi controls or invisible characters, at most 60 graphemes (lib/validations/names.ts). */
export const displayNameSchema = nameSchema(60, "Names", "Enter a name.");

/** Sign-in accepts a username or an email. */
export const signInSchema = z.object({
  login: z.string().trim().toLowerCase().min(1, "Enter your username or email.").max(254, "That is too long."),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX, "That password is too long."),
});

export const signUpSchema = z.object({
  role: z.enum(["teacher", "learner"], { message: "Choose teacher or self-learner." }),
  displayName: displayNameSchema,
  username: usernameSchema,
  email: z
    .union([z.literal(""), z.email("Enter a valid email address or leave it empty.").max(254)])
    .transform((v) => (v ? v.toLowerCase() : null)),
  password: z.string().max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
  newPassword: z.string().max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});

export const deleteAccountSchema = z.object({
  password: z.string().min(1, "Enter your password to confirm.").max(PASSWORD_MAX),
  confirm: z.literal("DELETE", { message: 'Type DELETE to confirm.' }),
});
