/**
 * The reader's chosen reading level in a small cookie, so that proxy.ts can serve that level's
 * shared lesson page straight away (`/lessons/<slug>` → `/lessons/<slug>/level/p<n>`) instead of
 * the default level followed by a client-side switch. Not a secret and not personal data beyond
 * the level itself: readable by the page, sent only to this site, written when the reader
 * switches level or when a level saved elsewhere (account, browser storage) is applied.
 */
export const LEVEL_COOKIE = "reading-level";

/** The `/level/<segment>` a remembered level is served at: `p` marks a preference (no "level not available" notice). */
export const PREFERRED_LEVEL_PREFIX = "p";

export function rememberLevelInCookie(level: number): void {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${LEVEL_COOKIE}=${level}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
