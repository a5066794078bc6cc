/**
 * next-auth (v5) with username/password credentials and JWT sessions. JWTs
 * carry the user's token version; every request compares it with the
 * database, so sign-out, a password change or account removal ends every
 * session of that user at once (ASVS 7.4.1).
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { currentAuthState } from "../data/session-token";
import { getAuthSecrets } from "../env";
import { signInSchema } from "../validations/auth";
import { clientIp } from "../security/client-ip";
import { safeRedirectTarget } from "../security/redirect";
import { endSessionOnSignOut } from "./events";
import { attemptSignIn } from "../data/sign-in-attempt";

/** This account is paused after too many failed tries (lib/data/sign-in-throttle.ts). */
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
        const outcome = await attemptSignIn(login, password, clientIp(request.headers));
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

export const { handlers, signIn, signOut } = NextAuth(() => config());
