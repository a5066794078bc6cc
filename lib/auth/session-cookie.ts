/**
 * The session cookie as proxy.ts sees it, before any page runs: decrypted
 * with the current AUTH_SECRET, or with a previous one during a rotation, in
 * which case a copy encrypted with the current secret (same contents, same
 * expiry) is returned to be set on the response. So rotating the secret signs
 * nobody out: each session moves to the new secret on its next request, and
 * the old secret can be dropped once every session has either moved or
 * expired (docs/SECURITY.md "Rotating AUTH_SECRET").
 *
 * This is not an authorization check (the token version is compared with the
 * database by lib/data/session-token.ts `auth()` on every request); proxy.ts uses it
 * to re-issue cookies and to send one-time-password holders to
 * /account/password.
 */
import { decode, encode, type JWT } from "next-auth/jwt";
import { cachingDecoder } from "../security/token-cache";

export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionCookie {
  name: string;
  token: JWT;
  /** Set when the cookie was made with a previous secret: the same session, encrypted with the current one. */
  reissued?: { value: string; maxAgeSeconds: number; secure: boolean };
}

const decodeCurrent = cachingDecoder(decode);

/** Reads the session cookie from a cookie getter; null when there is none or no secret opens it. */
export async function readSessionCookie(getCookie: (name: string) => string | undefined, secrets: readonly string[], now = Date.now()): Promise<SessionCookie | null> {
  const [current, ...previous] = secrets;
  if (!current) return null;
  for (const name of SESSION_COOKIE_NAMES) {
    const value = getCookie(name);
    if (!value) continue;
    const token = await decodeCurrent({ token: value, secret: current, salt: name }).catch(() => null);
    if (token) return { name, token };
    if (previous.length === 0) return null;
    const old = await decode({ token: value, secret: previous, salt: name }).catch(() => null);
    if (!old) return null;
    const maxAgeSeconds = Math.floor((old.exp ?? 0) - now / 1000);
    if (maxAgeSeconds <= 0) return null;
    const reissued = await encode({ token: old, secret: current, salt: name, maxAge: maxAgeSeconds });
    return { name, token: old, reissued: { value: reissued, maxAgeSeconds, secure: name.startsWith("__Secure-") } };
  }
  return null;
}
