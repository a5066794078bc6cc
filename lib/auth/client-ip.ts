import { getEnv } from "../env";

/**
 * The client's address for rate limiting. Behind your own reverse proxy
 * (TRUST_PROXY=true) the first X-Forwarded-For entry is the client; otherwise
 * only the last entry, which the Next server appends itself, is trusted.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded.split(",").map((p) => p.trim()).filter(Boolean);
    const chosen = getEnv().TRUST_PROXY ? parts[0] : parts.at(-1);
    if (chosen) return chosen.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? null;
}
