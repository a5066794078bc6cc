/**
 * The one check for "where may we send the user after this?" (sign-in's
 * callbackUrl, the sign-in page's redirect for a signed-in visitor, join links).
 *
 * The target is parsed as a URL against this app's origin, exactly as a
 * browser would resolve it, and accepted only when it resolves to that same
 * origin. No string rules: `/\evil.example`, `/%09/evil.example`,
 * `\/evil.example`, `https:evil.example` or a tab in the middle all resolve
 * to another origin (or are refused for containing control characters) and
 * fall back to the default. What is returned is the resolved path, query and
 * fragment, re-serialised by the URL parser, so what the browser gets is what
 * was checked.
 */

/** Any origin works for resolving: only "same as this one" matters, and a fixed one keeps the check free of request headers. */
const APP_ORIGIN = "https://app.invalid";

/** C0 controls, DEL, and whitespace other than a plain space: browsers strip tabs and newlines from URLs, which turns `/%09/x` or `/\n/x` into `//x`. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export const DEFAULT_REDIRECT = "/";

/** A same-origin path (with query and hash) to send the user to, or `fallback` when the target is missing, foreign or malformed. */
export function safeRedirectTarget(target: unknown, fallback: string = DEFAULT_REDIRECT): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return fallback;
  // Percent-decoded as well as raw: "/%0a/evil.example" becomes "/\n/evil.example" once a browser or Next decodes it.
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return fallback;
  }
  if (CONTROL_CHARACTERS.test(target) || CONTROL_CHARACTERS.test(decoded)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(target, APP_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== APP_ORIGIN) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The parser turns "\" into "/" for special schemes; a result starting with "//" would be protocol-relative once sent.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
