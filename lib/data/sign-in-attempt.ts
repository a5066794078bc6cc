/**
 * One sign-in attempt, start to finish, without next-auth (lib/auth/config.ts
 * calls it from the credentials provider; tests call it directly): reserve the
 * attempt (./sign-in-throttle.ts) before anything slow, wait for the address's
 * slot if it has one, check the password, and give the reservation back on
 * success.
 */
import { setTimeout as sleepFor } from "node:timers/promises";
import { getDb } from "../../db/client";
import type { Database } from "../../db/open";
import { verifyPassword } from "../passwords/password";
import { findUserByLogin } from "./auth-users";
import { accountPausedFor, releaseSignInAttempt, reserveSignInAttempt } from "./sign-in-throttle";

export type SignInUser = NonNullable<Awaited<ReturnType<typeof findUserByLogin>>>;

export type SignInOutcome = { status: "ok"; user: SignInUser } | { status: "wrong" } | { status: "limited"; scope: "account" | "address"; waitMs: number };

export interface SignInAttemptOptions {
  /** The app's database unless given (tests pass their own). */
  db?: Database;
  now?: () => number;
  /** How the attempt waits for its slot (tests record the waits instead of sleeping). */
  sleep?: (ms: number) => Promise<unknown>;
}

export async function attemptSignIn(login: string, password: string, ip: string | null, options: SignInAttemptOptions = {}): Promise<SignInOutcome> {
  const { db = getDb(), now = Date.now, sleep = sleepFor } = options;
  // One counter per account whether it is named by username or email (a cheap lookup; the hash comes after the reservation).
  const user = await findUserByLogin(login);
  const accountName = user?.username ?? login;
  const reservation = await reserveSignInAttempt(db, accountName, ip, now());
  if (!reservation.allowed) return { status: "limited", scope: reservation.scope, waitMs: reservation.waitMs };
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) return { status: "wrong" };
  await releaseSignInAttempt(db, accountName, ip);
  return { status: "ok", user };
}

/** Milliseconds until this login's account may try again, or 0. Read-only: checking doesn't count as a try. */
export async function signInPausedFor(login: string, now = Date.now()): Promise<number> {
  const user = await findUserByLogin(login);
  return accountPausedFor(getDb(), user?.username ?? login, now);
}

/** Whether this login belongs to an account that must replace a one-time password (where to send it after signing in). */
export async function mustChangePasswordAfterSignIn(login: string): Promise<boolean> {
  return (await findUserByLogin(login))?.mustChangePassword === true;
}
