import { z } from "zod";
import { displayNameSchema, usernameSchema } from "./auth";
import { nameSchema } from "./names";
import { PASSWORD_MAX } from "../passwords/password";

export const classIdSchema = z.uuid({ message: "That class id is not valid." });

export const classNameSchema = nameSchema(80, "Class names", "Enter a class name.");

export const createClassSchema = z.object({ name: classNameSchema });
export const renameClassSchema = z.object({ classId: classIdSchema, name: classNameSchema });
export const classActionSchema = z.object({ classId: classIdSchema });
export const setJoinSchema = z.object({ classId: classIdSchema, enabled: z.enum(["true", "false"]).transform((v) => v === "true") });

/** Join codes are 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;
const LOOK_ALIKES = /[01OIL]/;

/**
 * A class code as people type it, made canonical: full-width and other
 * compatibility forms folded (NFKC), upper case, and spaces, dashes, dots and
 * underscores dropped, so "perd-22", " P E R D 2 2 " and "ＰＥＲＤ２２" are all
 * PERD22.
 */
export function normalizeJoinCode(input: string): string {
  return input.normalize("NFKC").toUpperCase().replace(/[\s\-_.·‐‑‒–—]/g, "");
}

export const joinCodeSchema = z
  .string()
  .max(40, "Class codes are 6 letters and numbers, like K7M2QX.")
  .transform(normalizeJoinCode)
  .superRefine((code, ctx) => {
    if (new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`).test(code)) return;
    // Codes never contain 0, O, 1, I or L, so one of those means a character was misread: say so instead of "invalid".
    const message = LOOK_ALIKES.test(code)
      ? "Class codes never use the letters O, I or L or the numbers 0 or 1, so one character was probably misread. Check the code with your teacher: it might be a Q, D, 7 or J."
      : code.length !== JOIN_CODE_LENGTH
        ? `Class codes are ${JOIN_CODE_LENGTH} letters and numbers, like K7M2QX. That one has ${code.length}.`
        : "Class codes are 6 letters and numbers, like K7M2QX.";
    ctx.addIssue({ code: "custom", message });
  });

export const joinNewStudentSchema = z.object({
  code: joinCodeSchema,
  displayName: displayNameSchema,
  username: usernameSchema,
  password: z.string().max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});

export const joinExistingSchema = z.object({ code: joinCodeSchema });

export const MAX_ROSTER_NAMES = 60;
export const bulkRosterSchema = z.object({
  classId: classIdSchema,
  names: z
    .string()
    .max(5000, "That list is too long.")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, " "))
        .filter(Boolean),
    )
    .pipe(
      z
        .array(displayNameSchema)
        .min(1, "Paste at least one name, one per line.")
        .max(MAX_ROSTER_NAMES, `Add at most ${MAX_ROSTER_NAMES} students at a time.`),
    ),
});

export const studentActionSchema = z.object({ classId: classIdSchema, studentId: z.uuid({ message: "That student id is not valid." }) });
export const deleteStudentSchema = studentActionSchema.extend({
  confirm: z.literal("DELETE", { message: 'Type "DELETE" to confirm.' }),
});
