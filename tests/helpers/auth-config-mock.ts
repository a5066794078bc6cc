// Replaces lib/auth/config.ts in integration tests: `auth()` returns the fake session from ./session.
import { currentTestSession } from "./session";

export const auth = async () => currentTestSession();
export const signIn = async () => undefined;
export const signOut = async () => undefined;
export const handlers = {};
export const SESSION_MAX_AGE_SECONDS = 3600;
