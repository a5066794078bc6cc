/**
 * Which host a request was addressed to, and whether it came from a page of
 * that host: the CSRF check for route handlers (lib/http.ts) and server
 * actions (proxy.ts), and the origin shown in join links.
 *
 * X-Forwarded-Host is believed only with TRUST_PROXY=true, i.e. behind your
 * own reverse proxy, which must set (overwrite) it: otherwise any client could
 * send `X-Forwarded-Host: evil.example` with a matching forged Origin and pass
 * the check (docs/SECURITY.md "Deployment behind a proxy").
 */
import { getEnv } from "../env";

export type OriginVerdict = "same-origin" | "cross-site" | "malformed" | "missing";

/** The host the client addressed ("school.example:8443"), or null when there is none. */
export function requestHost(headers: Headers): string | null {
  const forwarded = getEnv().TRUST_PROXY ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host") || null;
}

/** "https://school.example" as the browser sees this app, for links people copy. */
export function requestOrigin(headers: Headers): string | null {
  const host = requestHost(headers);
  if (!host) return null;
  const forwardedProto = getEnv().TRUST_PROXY ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Sec-Fetch-Site, when the browser sends it, must say same-origin (a sibling
 * subdomain is "same-site" and is refused too); Origin must be present, parse
 * as a URL and name the addressed host.
 */
export function checkSameOrigin(headers: Headers): OriginVerdict {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return "cross-site";
  const origin = headers.get("origin");
  const host = requestHost(headers);
  if (!origin || !host) return "missing";
  // Browsers send the literal "null" from sandboxed frames, data: URLs and some redirects: another origin, not garbage.
  if (origin === "null") return "cross-site";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "malformed";
  }
  if (!originHost) return "malformed";
  return originHost === host.toLowerCase() ? "same-origin" : "cross-site";
}
