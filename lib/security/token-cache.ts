/**
 * Remembers session tokens this process has already decrypted, so a signed-in
 * request doesn't derive the key and decrypt the same cookie again (a few
 * milliseconds of Web Crypto per request, measured in docs/BENCHMARKS.md).
 *
 * Only the exact token string maps to its payload: nothing can be forged
 * through the cache. Expiry is checked on every hit, and the token version is
 * still compared with the database on every request (lib/data/session-token.ts), so
 * sign-out, password changes and deletions end sessions as before.
 */
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

export const TOKEN_CACHE_SIZE = 2_000;

export function cachingDecoder(decode: (params: JWTDecodeParams) => Promise<JWT | null>, now: () => number = Date.now, size = TOKEN_CACHE_SIZE) {
  // Insertion-ordered: the oldest entry is dropped first when the cache is full.
  const cache = new Map<string, JWT>();
  return async (params: JWTDecodeParams): Promise<JWT | null> => {
    // The secrets are part of the key: a token read with one secret list says nothing about another (AUTH_SECRET rotation).
    const secrets = Array.isArray(params.secret) ? params.secret.join("\u0001") : params.secret;
    const key = `${params.salt}\u0000${secrets}\u0000${params.token ?? ""}`;
    const hit = cache.get(key);
    if (hit) {
      if (hit.exp !== undefined && hit.exp * 1000 > now()) return hit;
      cache.delete(key);
    }
    const payload = await decode(params);
    if (payload && params.token) {
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      cache.set(key, payload);
    }
    return payload;
  };
}
