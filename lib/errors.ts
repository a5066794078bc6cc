/**
 * Typed application errors. Each code maps to an HTTP status and a message
 * that is safe to show; causes are logged, never shown.
 */
export type AppErrorCode = "unauthorized" | "forbidden" | "not_found" | "bad_request" | "conflict" | "rate_limited" | "too_large" | "database";

const STATUS: Record<AppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  bad_request: 400,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  database: 500,
};

const DEFAULT_MESSAGE: Record<AppErrorCode, string> = {
  unauthorized: "Please sign in first.",
  forbidden: "You don't have access to that.",
  not_found: "We couldn't find that.",
  bad_request: "That request wasn't valid.",
  conflict: "That conflicts with something that already exists.",
  rate_limited: "Too many tries. Please wait and try again.",
  too_large: "That is too large.",
  database: "Something went wrong on our side. Please try again.",
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  /** For `rate_limited`: seconds until a retry can succeed, sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;
  /**
   * The form fields the error is about, each with what to show beside it
   * (server actions put these in `fieldErrors`, lib/actions.ts). Given as a
   * list, each field shows the error's message.
   */
  readonly fields: Readonly<Record<string, string>>;

  constructor(code: AppErrorCode, message?: string, options?: { cause?: unknown; retryAfterSeconds?: number; fields?: readonly string[] | Readonly<Record<string, string>> }) {
    super(message ?? DEFAULT_MESSAGE[code], options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.retryAfterSeconds = options?.retryAfterSeconds;
    const fields = options?.fields ?? {};
    this.fields = Array.isArray(fields) ? Object.fromEntries(fields.map((field: string) => [field, this.message])) : (fields as Readonly<Record<string, string>>);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A message safe to show for any error; unexpected errors are logged. */
export function publicMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  console.error(error);
  return DEFAULT_MESSAGE.database;
}

/** A JSON Response for route handlers. */
export function errorResponse(error: unknown): Response {
  const status = isAppError(error) ? error.status : 500;
  const code = isAppError(error) ? error.code : "database";
  const retryAfter = isAppError(error) ? error.retryAfterSeconds : undefined;
  return Response.json({ error: { code, message: publicMessage(error) } }, { status, ...(retryAfter === undefined ? {} : { headers: { "Retry-After": String(retryAfter) } }) });
}
