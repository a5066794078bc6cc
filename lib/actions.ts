/**
 * The one wrapper every server action goes through: authenticate (unless the
 * action is explicitly public), parse the form with zod, run, and turn errors
 * into a typed state the form can show. Never echoes submitted values back.
 */
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Role } from "../db/schema";
import { requireUser, type SessionUser } from "./auth/session";
import { publicMessage } from "./errors";

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; message?: string; data?: T }
  | { status: "invalid"; message: string; fieldErrors: Record<string, string[] | undefined> }
  | { status: "error"; message: string };


export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length === 0) continue;
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

function invalid(error: z.ZodError): ActionState<never> {
  return { status: "invalid", message: "Please fix the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors };
}

async function run<T>(fn: () => Promise<ActionState<T>>): Promise<ActionState<T>> {
  try {
    return await fn();
  } catch (error) {
    unstable_rethrow(error);
    return { status: "error", message: publicMessage(error) };
  }
}

/** A server action for signed-in users (optionally of the given roles). */
export function authedAction<S extends z.ZodType, T = unknown>(
  schema: S,
  fn: (data: z.infer<S>, user: SessionUser) => Promise<ActionState<T>>,
  options: { roles?: readonly Role[] } = {},
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    run(async () => {
      const user = await requireUser(options.roles);
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) return invalid(parsed.error);
      return fn(parsed.data, user);
    });
}

/** A server action anyone may call (sign-in, sign-up). Still validated. */
export function publicAction<S extends z.ZodType, T = unknown>(schema: S, fn: (data: z.infer<S>) => Promise<ActionState<T>>) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    run(async () => {
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) return invalid(parsed.error);
      return fn(parsed.data);
    });
}

/**
 * For plain `<form action>` buttons with no state to show (e.g. sign out):
 * same checks, but failures redirect nowhere and return nothing.
 */
export function authedFormAction<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, user: SessionUser) => Promise<void>,
  options: { roles?: readonly Role[] } = {},
) {
  return async (formData: FormData): Promise<void> => {
    const user = await requireUser(options.roles);
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) return;
    await fn(parsed.data, user);
  };
}
