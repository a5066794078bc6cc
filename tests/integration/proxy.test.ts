/**
 * proxy.ts, called directly with NextRequests: malformed requests get a clear
 * 4xx before Next parses them (#20 rows 7, 8), one-time-password holders are
 * sent to change it (#19 finding 11), and a cookie made with a previous
 * AUTH_SECRET is re-issued with the current one.
 */
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { resetEnvCacheForTests } from "@/lib/env";

const SECRET = process.env.AUTH_SECRET!;
const OLD = "an-older-secret-an-older-secret-0123456789";
/**
 * lib/env.ts reads the configuration once and keeps it. On PostgreSQL the
 * project's setup file (tests/helpers/pg-setup.ts → db.ts → db/tables.ts, which
 * asks for the engine when it loads) has read it before this file runs, so a
 * stubbed variable is only seen after the cache is dropped.
 */
function stubPreviousSecret() {
  vi.stubEnv("AUTH_SECRET_PREVIOUS", OLD);
  resetEnvCacheForTests();
}
stubPreviousSecret();
const { proxy } = await import("@/proxy");

const ORIGIN = "http://school.example";
function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) {
  return new NextRequest(`${ORIGIN}${path}`, { method: init.method ?? "GET", headers: { host: "school.example", ...init.headers }, body: init.body, duplex: "half" } as never);
}
function actionPost(body: BodyInit, headers: Record<string, string> = {}) {
  const length = typeof body === "string" ? String(Buffer.byteLength(body)) : undefined;
  return request("/quizzes", { method: "POST", body, headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "next-action": "abc123", ...(length ? { "content-length": length } : {}), ...headers } });
}
async function session(claims: Record<string, unknown>, secret = SECRET) {
  return encode({ token: { uid: "u1", tv: 0, role: "student", username: "grace.h", ...claims }, secret, salt: "authjs.session-token", maxAge: 3600 });
}

describe("malformed requests get a 4xx, not a 500 (row 8)", () => {
  it.each(["/lessons/%", "/lessons/%E0%A4%A", "/quizzes/%", "/api/quizzes/%/grade"])("%s → 400", async (path) => {
    const response = await proxy(request(path, path.startsWith("/api/") ? { method: "POST", headers: { "content-length": "2" }, body: "{}" } : {}));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/%-escape/);
  });

  it("server-action POSTs: Origin that isn't a URL → 400, non-JSON root field / deep root / broken multipart → 400, no length (chunked) → 411", async () => {
    expect((await proxy(actionPost("[]", { origin: "not a url" }))).status).toBe(400);
    expect((await proxy(actionPost("not json", { "content-type": "text/plain;charset=UTF-8" }))).status).toBe(400);
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    const deepResponse = await proxy(actionPost(deep, { "content-type": "text/plain;charset=UTF-8" }));
    expect(deepResponse.status).toBe(400);
    expect(await deepResponse.text()).toMatch(/nested more than/);
    const broken = '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]';
    expect((await proxy(actionPost(broken, { "content-type": "multipart/form-data; boundary=b" }))).status).toBe(400);
    const chunked = request("/classes", { method: "POST", body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("[]")), c.close()) }), headers: { origin: ORIGIN, "next-action": "abc" } });
    expect((await proxy(chunked)).status).toBe(411);
  });

  it("a well-formed same-origin action passes", async () => {
    const response = await proxy(actionPost('["$@1",["x",null]]', { "content-type": "text/plain;charset=UTF-8" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("server actions refuse other sites (row 7)", () => {
  it.each([
    ["cross-site, Origin equal to Host", { "sec-fetch-site": "cross-site" }],
    ["cross-site, no Origin", { "sec-fetch-site": "cross-site", origin: "" }],
    ["same-site sibling", { "sec-fetch-site": "same-site", origin: "http://evil.school.example" }],
    ["forged Origin", { origin: "https://evil.example" }],
    ["forged Origin with a spoofed X-Forwarded-Host (no TRUST_PROXY)", { origin: "https://evil.example", "x-forwarded-host": "evil.example" }],
  ])("%s → 403", async (_label, headers) => {
    const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ""));
    const req = actionPost("[]", { "content-type": "text/plain;charset=UTF-8", ...clean });
    if ((headers as { origin?: string }).origin === "") req.headers.delete("origin");
    expect((await proxy(req)).status).toBe(403);
  });

  it("next-auth's routes refuse a browser that says the POST is cross-site", async () => {
    const response = await proxy(request("/api/auth/signout", { method: "POST", body: "csrfToken=x", headers: { "content-length": "11", "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" } }));
    expect(response.status).toBe(403);
  });
});

describe("one-time passwords: every page goes to /account/password (#19 finding 11)", () => {
  it("redirects page loads for a token marked mcp, but not the change page itself or next-auth's routes", async () => {
    const cookie = `authjs.session-token=${await session({ mcp: true })}`;
    for (const path of ["/", "/lessons/sanctions", "/assignments", "/account", "/quizzes/sanctions-quiz"]) {
      const response = await proxy(request(path, { headers: { cookie } }));
      expect(response.status, path).toBe(307);
      expect(new URL(response.headers.get("location")!).pathname).toBe("/account/password");
    }
    expect((await proxy(request("/account/password", { headers: { cookie } }))).status).toBe(200);
    expect((await proxy(request("/api/auth/session", { headers: { cookie } }))).status).toBe(200);
    const normal = `authjs.session-token=${await session({})}`;
    expect((await proxy(request("/assignments", { headers: { cookie: normal } }))).status).toBe(200);
  });
});

describe("AUTH_SECRET rotation in the proxy", () => {
  it("re-issues a cookie made with the previous secret, encrypted with the current one; a current cookie is left alone", async () => {
    const old = await session({}, OLD);
    const response = await proxy(request("/lessons", { headers: { cookie: `authjs.session-token=${old}` } }));
    expect(response.status).toBe(200);
    const set = response.cookies.get("authjs.session-token");
    expect(set?.value).toBeTruthy();
    expect(set?.value).not.toBe(old);
    expect(set?.httpOnly).toBe(true);
    const { decode } = await import("next-auth/jwt");
    await expect(decode({ token: set!.value, secret: SECRET, salt: "authjs.session-token" })).resolves.toMatchObject({ uid: "u1" });
    const current = await proxy(request("/lessons", { headers: { cookie: `authjs.session-token=${await session({})}` } }));
    expect(current.cookies.get("authjs.session-token")).toBeUndefined();
  });

  it("a re-issued cookie or a dropped answer cookie never goes out on a response a shared cache may keep", async () => {
    // Next serves its cached page (Cache-Control: s-maxage=31536000) for %-escaped paths of shared pages
    // (`/lessons/who-is-responsibl%65`, `/abou%74`), which SHARED doesn't name; the proxy's Cache-Control
    // is the one sent. Before, such a response carried the user's re-issued session cookie publicly cacheable.
    const old = `authjs.session-token=${await session({}, OLD)}`;
    for (const path of ["/lessons/who-is-responsibl%65", "/abou%74", "/lessons", "/lessons/who-is-responsible"]) {
      const response = await proxy(request(path, { headers: { cookie: old, "sec-fetch-dest": "document" } }));
      expect(response.cookies.get("authjs.session-token")?.value, path).toBeTruthy();
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
    }
    // A guest's leftover answer cookie is deleted on a page load: that response is not for a shared cache either.
    const guest = await proxy(request("/abou%74", { headers: { cookie: "viewer-answer=x", "sec-fetch-dest": "document" } }));
    expect(guest.cookies.get("viewer-answer")?.value).toBe("");
    expect(guest.headers.get("cache-control")).toBe("private, no-store");
    // A guest's request that sets nothing is left to Next's own caching.
    expect((await proxy(request("/abou%74", { headers: { "sec-fetch-dest": "document" } }))).headers.get("cache-control")).toBeNull();
  });
});

describe("shared pages (docs/ARCHITECTURE.md \"Cached pages\")", () => {
  it("/lessons/<slug>?level=<n> is rewritten to the cached per-level path; a bad level is ignored; other lesson routes are left alone", async () => {
    const rewritten = await proxy(request("/lessons/who-is-responsible?level=3"));
    expect(new URL(rewritten.headers.get("x-middleware-rewrite")!).pathname).toBe("/lessons/who-is-responsible/level/3");
    for (const path of ["/lessons/who-is-responsible?level=9", "/lessons/who-is-responsible", "/lessons/who-is-responsible/print?level=3"]) {
      expect((await proxy(request(path))).headers.get("x-middleware-rewrite"), path).toBeNull();
    }
  });

  it("without `?level=`, the level remembered in the reading-level cookie is served at /level/p<n>; an explicit level or a bad cookie wins over it", async () => {
    const rewrite = async (path: string, cookie: string) => {
      const target = (await proxy(request(path, { headers: { cookie } }))).headers.get("x-middleware-rewrite");
      return target ? new URL(target).pathname : null;
    };
    expect(await rewrite("/lessons/who-is-responsible", "reading-level=3")).toBe("/lessons/who-is-responsible/level/p3");
    expect(await rewrite("/lessons/who-is-responsible?level=1", "reading-level=3")).toBe("/lessons/who-is-responsible/level/1");
    expect(await rewrite("/lessons/who-is-responsible?level=9", "reading-level=3")).toBeNull();
    expect(await rewrite("/lessons/who-is-responsible", "reading-level=7")).toBeNull();
    expect(await rewrite("/lessons/who-is-responsible/print", "reading-level=3")).toBeNull();
  });

  it("`/` is rewritten to the shared catalog, and a teacher's `/` and quiz pages to their per-request routes (the query kept)", async () => {
    const rewriteOf = async (path: string, claims?: Record<string, unknown>) => {
      const response = await proxy(request(path, claims ? { headers: { cookie: `authjs.session-token=${await session(claims)}` } } : {}));
      const target = response.headers.get("x-middleware-rewrite");
      return target ? `${new URL(target).pathname}${new URL(target).search}` : null;
    };
    // Without any session cookie next.config.mjs rewrites `/` (cheaper than a rewrite here), query kept.
    expect(await rewriteOf("/")).toBeNull();
    expect(await rewriteOf("/?reason=account-deleted")).toBeNull();
    // @ts-expect-error -- the Next config is plain JavaScript without a declaration file.
    const { default: nextConfig } = (await import("@/next.config.mjs")) as { default: { rewrites(): Promise<{ beforeFiles: unknown[] }> } };
    expect((await nextConfig.rewrites()).beforeFiles).toEqual([
      { source: "/", missing: [{ type: "cookie", key: "authjs.session-token" }, { type: "cookie", key: "__Secure-authjs.session-token" }], destination: "/home/everyone" },
    ]);
    // A session cookie that opens picks the member variant (no sign-up calls); one that doesn't, the guest's.
    expect(await rewriteOf("/", {})).toBe("/home/member");
    expect(await rewriteOf("/", { role: "learner" })).toBe("/home/member");
    expect(await rewriteOf("/?reason=account-deleted", {})).toBe("/home/member?reason=account-deleted");
    expect(await rewriteOf("/", { role: "teacher" })).toBe("/today");
    // A forged cookie (made with a secret the server doesn't know), an expired one, or garbage: the guest variant.
    const forged = await session({}, "a-forged-secret-a-forged-secret-0123456789");
    const expired = await encode({ token: { uid: "u1", tv: 0, role: "student", username: "grace.h" }, secret: SECRET, salt: "authjs.session-token", maxAge: -60 });
    for (const cookie of [forged, expired, "not-a-token"]) {
      const response = await proxy(request("/", { headers: { cookie: `authjs.session-token=${cookie}` } }));
      expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname).toBe("/home/everyone");
    }
    expect(await rewriteOf("/quizzes/sanctions-quiz?assignment=a1", {})).toBeNull();
    expect(await rewriteOf("/quizzes/sanctions-quiz?assignment=a1", { role: "teacher" })).toBe("/quizzes/sanctions-quiz/own?assignment=a1");
    expect(await rewriteOf("/quizzes/sanctions-quiz/attempts/x", { role: "teacher" })).toBeNull();
  });

  it("in production a shared page gets no nonce policy from the proxy (its cached entry carries a hash policy); every other page still does", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const student = { cookie: `authjs.session-token=${await session({})}` };
      const teacher = { cookie: `authjs.session-token=${await session({ role: "teacher" })}` };
      for (const [path, headers] of [["/lessons/who-is-responsible", {}], ["/lessons/who-is-responsible?level=1", {}], ["/about", {}], ["/privacy", {}], ["/", {}], ["/", student], ["/quizzes/sanctions-quiz", {}], ["/quizzes/sanctions-quiz?assignment=a1", student]] as const) {
        expect((await proxy(request(path, { headers }))).headers.get("content-security-policy"), path).toBeNull();
      }
      for (const [path, headers] of [["/quizzes", {}], ["/quizzes/sanctions-quiz/own", {}], ["/lessons/who-is-responsible/print", {}], ["/lessons/who-is-responsible/own/2", {}], ["/sign-in", {}], ["/", teacher], ["/quizzes/sanctions-quiz", teacher]] as const) {
        expect((await proxy(request(path, { headers }))).headers.get("content-security-policy"), path).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
      }
    } finally {
      vi.unstubAllEnvs();
      stubPreviousSecret();
    }
  });
});
