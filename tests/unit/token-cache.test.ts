import { decode, encode, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { cachingDecoder } from "@/lib/security/token-cache";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const salt = "authjs.session-token";

describe("cachingDecoder", () => {
  it("decrypts a token once and serves the same payload after that", async () => {
    const inner = vi.fn((params: JWTDecodeParams) => decode<JWT>(params));
    const cached = cachingDecoder(inner);
    const token = await encode({ token: { uid: "u1", tv: 3 }, secret, salt, maxAge: 3600 });
    const first = await cached({ token, secret, salt });
    const second = await cached({ token, secret, salt });
    expect(first).toMatchObject({ uid: "u1", tv: 3 });
    expect(second).toEqual(first);
    expect(inner).toHaveBeenCalledTimes(1);
  });

  it("never serves an expired token from the cache", async () => {
    let clock = Date.now();
    const inner = vi.fn(async () => ({ uid: "u1", exp: Math.floor(clock / 1000) + 60 }));
    const cached = cachingDecoder(inner, () => clock);
    expect(await cached({ token: "t", secret, salt })).toMatchObject({ uid: "u1" });
    clock += 61_000;
    await cached({ token: "t", secret, salt });
    // Expired in the cache: asked the real decoder again (which is what checks expiry).
    expect(inner).toHaveBeenCalledTimes(2);
  });

  it("keys by cookie name and token, caches no failures and stays bounded", async () => {
    const inner = vi.fn(async ({ token }: { token?: string }) => (token === "bad" ? null : { uid: token, exp: Math.floor(Date.now() / 1000) + 600 }));
    const cached = cachingDecoder(inner, Date.now, 2);
    expect(await cached({ token: "bad", secret, salt })).toBeNull();
    expect(await cached({ token: "bad", secret, salt })).toBeNull();
    expect(inner).toHaveBeenCalledTimes(2);
    await cached({ token: "a", secret, salt });
    await cached({ token: "a", secret, salt: "__Secure-authjs.session-token" });
    expect(inner).toHaveBeenCalledTimes(4);
    await cached({ token: "b", secret, salt });
    // "a" under the first name was the oldest entry and made room for "b".
    await cached({ token: "a", secret, salt });
    expect(inner).toHaveBeenCalledTimes(6);
  });

  it("a token encrypted with another secret is refused, cached or not", async () => {
    const cached = cachingDecoder((params) => decode<JWT>(params));
    const forged = await encode({ token: { uid: "u1", tv: 0 }, secret: "another-secret-another-secret-another-secret", salt, maxAge: 3600 });
    await expect(cached({ token: forged, secret, salt })).rejects.toThrow();
    await expect(cached({ token: forged, secret, salt })).rejects.toThrow();
  });
});
