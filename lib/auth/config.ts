/**
 * next-auth (v5) with username/password credentials and JWT sessions. JWTs
 * carry the user's token version; every request compares it with the
 * database, so sign-out, a password change or account removal ends every
 * session of that user at once (ASVS 7.4.1).
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig, type Session } from "next-auth";
import { decode, getToken, type JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import type { Role } from "../../db/schema";
import { getDb } from "../../db/client";
import { getUserAuthState } from "../data/auth-users";
import { getAuthSecrets } from "../env";
import { signInSchema } from "../validations/auth";
import { clientIp } from "./client-ip";
import { cachingDecoder } from "./token-cache";
import { safeRedirectTarget } from "../security/redirect";
import { endSessionOnSignOut } from "./events";
import { attemptSignIn } from "./sign-in-attempt";

declare module "next-auth" {
  interface User {
    role: Role;
    username: string;
    tokenVersion: number;
    mustChangePassword: boolean;
  }
  interface Session {
    /** `mustChangePassword`: signed in with a one-time password that hasn't been replaced yet (lib/auth/session.ts). */
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

/** This account is paused after too many failed tries (lib/auth/throttle.ts). */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

/** Too many sign-ins are queued from this network address right now. */
export class SignInAddressBusy extends CredentialsSignin {
  override code = "address_busy";
}

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

const config = (): NextAuthConfig => ({
  // Current secret first; previous ones still read older cookies during a rotation.
  secret: getAuthSecrets(),
  // Self-hosted: the host header comes from the school's own reverse proxy.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { login, password } = parsed.data;
        const outcome = await attemptSignIn(getDb(), login, password, clientIp(request.headers));
        if (outcome.status === "limited") throw outcome.scope === "account" ? new SignInRateLimited() : new SignInAddressBusy();
        if (outcome.status === "wrong") return null;
        const { user } = outcome;
        return { id: user.id, name: user.displayName, role: user.role, username: user.username, tokenVersion: user.tokenVersion, mustChangePassword: user.mustChangePassword };
      },
    }),
  ],
  // next-auth's own POST /api/auth/signout (and its signOut() helper) end the session the same way our sign-out does.
  events: { signOut: endSessionOnSignOut },
  callbacks: {
    redirect: ({ url, baseUrl }) => {
      // next-auth's own redirects (callbackUrl on its routes) go through the same check as ours: same origin or home.
      const path = safeRedirectTarget(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url);
      return `${baseUrl}${path}`;
    },
    jwt: async ({ token, user }) => {
      if (user?.id) {
        return { ...token, uid: user.id, role: user.role, username: user.username, tv: user.tokenVersion, name: user.name, mcp: user.mustChangePassword };
      }
      const state = await currentAuthState(token);
      return state ? { ...token, role: state.role, name: state.displayName, username: state.username } : null;
    },
    session: ({ session, token }) => {
      if (token.uid && token.role && token.username) {
        session.user = { ...session.user, id: token.uid, role: token.role, username: token.username, name: token.name ?? token.username };
      }
      return session;
    },
  },
});

/** The user behind a token, or null when the user is gone or the token's version is stale. */
async function currentAuthState(token: JWT) {
  if (!token.uid) return null;
  const state = await getUserAuthState(token.uid);
  return state && state.tokenVersion === token.tv ? state : null;
}

export const { handlers, signIn, signOut } = NextAuth(() => config());

/**
 * The current session, the same as next-auth's `auth()` returns, read straight
 * from the session cookie: decrypted with the secret, expiry checked, and the
 * token version compared with the database. next-auth's `auth()` runs the
 * whole Auth.js request pipeline and re-encrypts the token on every call, which
 * cost about 5 ms per request (docs/BENCHMARKS.md), for a refreshed cookie that
 * a server component can't set anyway.
 */
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
