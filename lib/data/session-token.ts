/**
 * Reads the session: the same answer next-auth's `auth()` gives, straight
 * from the cookie: decrypted with the secret, expiry checked, and the token
 * version compared with the database. next-auth's `auth()` runs the whole
 * Auth.js request pipeline and re-encrypts the token on every call, which cost
 * about 5 ms per request (docs/BENCHMARKS.md), for a refreshed cookie that a
 * server component can't set anyway.
 *
 * It lives in the data layer because the version check is a query, and every
 * DAL function starts from it (lib/data/session.ts). lib/auth/config.ts (the
 * next-auth side that issues cookies) sits above and reuses `currentAuthState`.
 * Integration tests replace this module (tests/helpers/session-token-mock.ts).
 */
import { decode, getToken, type JWT } from "next-auth/jwt";
import type { Session } from "next-auth";
import { headers } from "next/headers";
import { getAuthSecrets } from "../env";
import type { Role } from "../roles";
import { cachingDecoder } from "../security/token-cache";
import { getUserAuthState } from "./auth-users";

declare module "next-auth" {
  interface User {
    role: Role;
    username: string;
    tokenVersion: number;
    mustChangePassword: boolean;
  }
  interface Session {
    /** `mustChangePassword`: signed in with a one-time password that hasn't been replaced yet (lib/data/session.ts). */
    user: { id: string; name: string; role: Role; username: string; mustChangePassword?: boolean };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    username?: string;
    tv?: number;
    /** Signed in with a one-time password: proxy.ts sends every page to /account/password until it is changed (which ends this token). */
    mcp?: boolean;
  }
}

/** The user behind a token, or null when the user is gone or the token's version is stale. */
export async function currentAuthState(token: JWT) {
  if (!token.uid) return null;
  const state = await getUserAuthState(token.uid);
  return state && state.tokenVersion === token.tv ? state : null;
}

const decodeOnce = cachingDecoder(decode);

export async function auth(): Promise<Session | null> {
  const requestHeaders = await headers();
  // Auth.js names the cookie `__Secure-…` behind HTTPS; each name is also the key's salt, so each validates only its own.
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req: { headers: requestHeaders }, secret: getAuthSecrets(), secureCookie, decode: decodeOnce });
    if (!token) continue;
    const state = await currentAuthState(token);
    if (!state || !token.uid) return null;
    return { user: { id: token.uid, role: state.role, username: state.username, name: state.displayName, mustChangePassword: state.mustChangePassword }, expires: new Date((token.exp ?? 0) * 1000).toISOString() };
  }
  return null;
}
