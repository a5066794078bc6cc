/**
 * The one wrapper every server action goes through: authenticate (unless the
 * action is explicitly public), parse the form with zod, run, and turn errors
 * into a typed state the form can show. A failed form gets its submitted
 * values back (`values`, so React's reset doesn't lose what was typed), except
 * any field whose name mentions "password".
 */
import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { SignInFailure } from "./auth/sign-in";
import { CHANGE_PASSWORD_PATH, isPasswordChangeRequired, requireUser, type RequireOptions, type SessionUser } from "./data/session";
import { isAppError, publicMessage } from "./errors";
import type { Role } from "./roles";

/**
 * `values` carries the submitted fields back so a form that failed keeps what
 * the user typed (React resets forms after an action). Secrets are never
 * included: any field whose name mentions "password" is dropped.
 */
export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; message?: string; data?: T }
  | { status: "invalid"; message: string; fieldErrors: Record<string, string[] | undefined>; values?: Record<string, string> }
  | { status: "error"; message: string; values?: Record<string, string> };


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

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(formDataToObject(formData))) {
    if (/password/i.test(key)) continue;
    values[key] = Array.isArray(value) ? value.join(", ") : value.slice(0, 10_000);
  }
  return values;
}

/**
 * An error that names its form fields (AppError `fields`) is shown beside each of them; the form's own
 * message points there when the field already says it, rather than repeating it (as with zod's field errors).
 */
function fieldState(error: unknown): ActionState<never> | null {
  if (!isAppError(error) || Object.keys(error.fields).length === 0) return null;
  const beside = Object.values(error.fields);
  const saidBeside = beside.includes(error.message);
  const message = saidBeside ? (beside.length === 1 ? "Please fix the highlighted field." : "Please fix the highlighted fields.") : error.message;
  return { status: "invalid", message, fieldErrors: Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [field, [message]])) };
}

async function run<T>(formData: FormData, fn: () => Promise<ActionState<T>>): Promise<ActionState<T>> {
  let state: ActionState<T>;
  try {
    state = await fn();
  } catch (error) {
    unstable_rethrow(error);
    // A one-time password must be replaced before anything else: the form's page makes way for the change-password page.
    if (isPasswordChangeRequired(error)) redirect(CHANGE_PASSWORD_PATH);
    state = fieldState(error) ?? { status: "error", message: publicMessage(error) };
  }
  return state.status === "invalid" || state.status === "error" ? { ...state, values: echoValues(formData) } : state;
}

/** A server action for signed-in users (optionally of the given roles). */
export function authedAction<S extends z.ZodType, T = unknown>(
  schema: S,
  fn: (data: z.infer<S>, user: SessionUser) => Promise<ActionState<T>>,
  options: { roles?: readonly Role[] } & RequireOptions = {},
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    run(formData, async () => {
      const user = await requireUser(options.roles, options);
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) return invalid(parsed.error);
      return fn(parsed.data, user);
    });
}

/** A sign-in that did not happen (lib/auth/sign-in.ts), as the form's state: news after joining a class, an error otherwise. */
export function signInFailureState(failure: SignInFailure): ActionState {
  return { status: failure.joined ? "ok" : "error", message: failure.message };
}

/** A server action anyone may call (sign-in, sign-up). Still validated. */
export function publicAction<S extends z.ZodType, T = unknown>(schema: S, fn: (data: z.infer<S>) => Promise<ActionState<T>>) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    run(formData, async () => {
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
  options: { roles?: readonly Role[] } & RequireOptions = {},
) {
  return async (formData: FormData): Promise<void> => {
    let user: SessionUser;
    try {
      user = await requireUser(options.roles, options);
    } catch (error) {
      if (isPasswordChangeRequired(error)) redirect(CHANGE_PASSWORD_PATH);
      throw error;
    }
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) return;
    await fn(parsed.data, user);
  };
}
