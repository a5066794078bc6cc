// Replaces lib/auth/config.ts (next-auth itself) in integration tests: signing in and out do nothing.
export const signIn = async () => undefined;
export const signOut = async () => undefined;
export const handlers = {};
export const SESSION_MAX_AGE_SECONDS = 3600;
