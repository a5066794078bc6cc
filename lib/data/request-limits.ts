/**
 * Limits on requests that are expensive or that guess at something: grading
 * for guests, account creation, class-code attempts, article imports and
 * guest-history merges (docs/SECURITY.md "Rate limits" explains each number).
 * Counters live in the same SQLite table as sign-in throttling
 * (lib/data/rate-limits.ts).
 *
 * What anyone may do without an account (guest grading, sign-up, joining a
 * class) is counted per network address (lib/security/client-ip.ts); what needs
 * an account is counted per account. A school puts a whole classroom behind
 * one address, so per-address limits are set for 30+ people at once. A request
 * without a known address (tests, unusual deployments) is not limited per
 * address, like sign-in.
 */
import "server-only";
import { headers } from "next/headers";
import { getDb } from "../../db/client";
import { clientIp } from "../security/client-ip";
import { AppError } from "../errors";
import { formatWait, lockedFor, take, countEvent, type Limit } from "./rate-limits";

const MINUTE = 60_000;

export const REQUEST_LIMITS = {
  /** POST /api/quizzes/:id/grade, per address: one submitted guest quiz is one request. */
  guestGrading: { max: 600, windowMs: 10 * MINUTE },
  /** Sign-up and join-as-new-student attempts (each may hash a password), per address. */
  accountCreation: { max: 200, windowMs: 15 * MINUTE },
  /** Wrong class codes, per address (anonymous and signed-in together). */
  joinCodeFailuresPerIp: { max: 100, windowMs: 15 * MINUTE },
  /** Wrong class codes, per signed-in student. */
  joinCodeFailuresPerUser: { max: 10, windowMs: 15 * MINUTE },
  /** Article imports (language analysis of up to 2 MB), per teacher. */
  articleImport: { max: 20, windowMs: 60 * MINUTE },
  /** POST /api/guest-merge (re-grades a whole browser history), per account. */
  guestMerge: { max: 20, windowMs: 60 * MINUTE },
} as const satisfies Record<string, Omit<Limit, "key">>;

type LimitName = keyof typeof REQUEST_LIMITS;

function limit(name: LimitName, key: string): Limit {
  return { key, ...REQUEST_LIMITS[name] };
}

function limited(waitMs: number, message: string): AppError {
  return new AppError("rate_limited", message, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
}

/** The caller's address inside a server action or server component. */
export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}

/** Guest grading: throws `rate_limited` (429 with Retry-After from route handlers) once this address has used its share. */
export async function limitGuestGrading(ip: string | null, now = Date.now()): Promise<void> {
  if (!ip) return;
  const wait = await take(getDb(), [limit("guestGrading", `grade:ip:${ip}`)], now);
  if (wait > 0) throw limited(wait, `Too many quizzes were graded from your network in the last few minutes. Please try again in ${formatWait(wait)}; your answers are still here.`);
}

export async function limitGuestMerge(userId: string, now = Date.now()): Promise<void> {
  const wait = await take(getDb(), [limit("guestMerge", `merge:user:${userId}`)], now);
  if (wait > 0) throw limited(wait, `Too many requests to add guest history to this account. Your browser keeps it and will try again in ${formatWait(wait)}.`);
}

export async function limitArticleImport(userId: string, now = Date.now()): Promise<void> {
  const { max } = REQUEST_LIMITS.articleImport;
  const wait = await take(getDb(), [limit("articleImport", `import:user:${userId}`)], now);
  if (wait > 0) throw limited(wait, `You have imported ${max} articles in the last hour, the most we allow. You can import again in ${formatWait(wait)}.`);
}

export async function limitAccountCreation(ip: string | null, now = Date.now()): Promise<void> {
  if (!ip) return;
  const wait = await take(getDb(), [limit("accountCreation", `accounts:ip:${ip}`)], now);
  if (wait > 0) throw limited(wait, `Too many accounts were made from your network just now. Please try again in ${formatWait(wait)}.`);
}

function joinLimits(ip: string | null, userId: string | null): Limit[] {
  return [...(ip ? [limit("joinCodeFailuresPerIp", `join:ip:${ip}`)] : []), ...(userId ? [limit("joinCodeFailuresPerUser", `join:user:${userId}`)] : [])];
}

/** Checked before a class code is looked up; wrong codes are counted with `recordJoinCodeFailure`. */
export async function assertJoinCodeAllowed(ip: string | null, userId: string | null, now = Date.now()): Promise<void> {
  const wait = await lockedFor(
    getDb(),
    joinLimits(ip, userId).map((l) => l.key),
    now,
  );
  if (wait > 0) throw limited(wait, `Too many wrong class codes were tried. Please wait ${formatWait(wait)}, then check the code with your teacher.`);
}

export async function recordJoinCodeFailure(ip: string | null, userId: string | null, now = Date.now()): Promise<void> {
  const limits = joinLimits(ip, userId);
  if (limits.length > 0) await countEvent(getDb(), limits, now);
}
