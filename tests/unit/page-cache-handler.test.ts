/**
 * lib/cache/page-cache-handler.cjs: the in-memory cache for shared pages and the
 * script-hash policy each cached page carries (docs/SECURITY.md "Cached pages").
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/csp";

interface Handler {
  get(key: string): Promise<{ value: { html: string; headers: Record<string, string> } } | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
}
const require = createRequire(import.meta.url);
const mod = require("../../lib/cache/page-cache-handler.cjs") as {
  Handler: new (ctx: unknown) => Handler;
  inlineScripts(html: string): string[];
  hashPolicy(hashes: string[]): string;
  policyForHtml(html: string): string;
  clearPageCache(): void;
  INVALIDATIONS: symbol;
  CHECK_EVERY_MS: number;
  FORGET_AFTER_MS: number;
};

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const page = (html: string, tags = "") => ({ kind: "APP_PAGE", html, rscData: Buffer.from("rsc"), headers: (tags ? { "x-next-cache-tags": tags } : {}) as Record<string, string>, status: 200 });

beforeEach(() => mod.clearPageCache());

describe("the policy of a cached page", () => {
  it("allows exactly the page's inline scripts by hash, not its external ones and not anything injected later", () => {
    const html = `<html><head><script src="/_next/static/chunks/a.js" async=""></script><script>self.__next_f=[]</script></head><body><p>x</p><script>self.__next_f.push([1,"a<\\/script>"])</script><script id="x" type="text/javascript">go()</script></body></html>`;
    expect(mod.inlineScripts(html)).toEqual(["self.__next_f=[]", 'self.__next_f.push([1,"a<\\/script>"])', "go()"]);
    const policy = mod.policyForHtml(html);
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toBe(`script-src 'self' ${hash("self.__next_f=[]")} ${hash('self.__next_f.push([1,"a<\\/script>"])')} ${hash("go()")}`);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(policy).not.toContain(hash("window.__xss = 1"));
  });

  it("matches the per-request policy of lib/security/csp.ts in every directive but script-src", () => {
    const perRequest = contentSecurityPolicy("abc").split("; ").filter((d) => !d.startsWith("script-src"));
    const cached = mod.hashPolicy([hash("a")]).split("; ").filter((d) => !d.startsWith("script-src"));
    expect(cached).toEqual(perRequest);
  });
});

describe("the cache", () => {
  it("stores a page with its policy in the headers Next sends, and keeps the other headers", async () => {
    const handler = new mod.Handler({});
    const data = page("<script>a()</script>", "_N_T_/lessons/x");
    await handler.set("/lessons/x", data);
    // The very object Next goes on to send from carries the policy (the first response too, not only later hits).
    expect(data.headers["content-security-policy"]).toContain(hash("a()"));
    const hit = await handler.get("/lessons/x");
    expect(hit?.value.headers["content-security-policy"]).toContain(hash("a()"));
    expect(hit?.value.headers["x-next-cache-tags"]).toBe("_N_T_/lessons/x");
  });

  it("revalidatePath's tags drop the pages carrying them and leave the others; a null entry is a delete", async () => {
    const handler = new mod.Handler({});
    await handler.set("/lessons/a", page("<p>a</p>", "_N_T_/lessons/a,_N_T_/lessons/a/layout"));
    await handler.set("/lessons/a/level/3", page("<p>a3</p>", "_N_T_/lessons/a/level/3,_N_T_/lessons/a/layout"));
    await handler.set("/lessons/b", page("<p>b</p>", "_N_T_/lessons/b,_N_T_/lessons/b/layout"));
    await handler.revalidateTag(["_N_T_/lessons/a/layout"]);
    expect(await handler.get("/lessons/a")).toBeNull();
    expect(await handler.get("/lessons/a/level/3")).toBeNull();
    expect((await handler.get("/lessons/b"))?.value.html).toBe("<p>b</p>");
    await handler.set("/lessons/b", null);
    expect(await handler.get("/lessons/b")).toBeNull();
  });
});

describe("revalidatePath(path, \"layout\") on the tags Next really stores", () => {
  // What next start stored for /lessons/who-is-responsible (logged from a real server): the route's layouts, not the path's.
  const lessonTags = (slug: string, rest = "") => ["_N_T_/layout", "_N_T_/lessons/layout", "_N_T_/lessons/[slug]/layout", "_N_T_/lessons/[slug]/page", `_N_T_/lessons/${slug}${rest}`].join(",");
  it("drops every page at or below the path, and no other", async () => {
    const handler = new mod.Handler({});
    await handler.set("/lessons/x", page("<p>x</p>", lessonTags("x")));
    await handler.set("/lessons/x/level/3", page("<p>x3</p>", lessonTags("x", "/level/3")));
    await handler.set("/lessons/xy", page("<p>xy</p>", lessonTags("xy")));
    await handler.set("/about", page("<p>about</p>", "_N_T_/layout,_N_T_/about"));
    await handler.revalidateTag("_N_T_/lessons/x/layout");
    expect(await handler.get("/lessons/x")).toBeNull();
    expect(await handler.get("/lessons/x/level/3")).toBeNull();
    expect(await handler.get("/lessons/xy")).not.toBeNull();
    expect(await handler.get("/about")).not.toBeNull();
    await handler.revalidateTag("_N_T_/layout");
    expect(await handler.get("/lessons/xy")).toBeNull();
    expect(await handler.get("/about")).toBeNull();
  });
});

describe("invalidations recorded by other servers (the cache_invalidations table)", () => {
  type Row = { id: number; tag: string; at: number };
  let rows: Row[];
  let reads: number[];
  const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
  beforeEach(() => {
    rows = [];
    reads = [];
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    (globalThis as Record<symbol, unknown>)[mod.INVALIDATIONS] = async (since: number) => {
      reads.push(since);
      return rows.filter((row) => row.at > since);
    };
  });
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[mod.INVALIDATIONS];
    vi.useRealTimers();
  });

  it("the registered reader is the one lib/data installs", async () => {
    const { INVALIDATION_READER } = await import("@/lib/data/cache-invalidation-reader");
    expect(INVALIDATION_READER).toBe(mod.INVALIDATIONS);
  });

  it("drops the pages whose tags another server invalidated, within CHECK_EVERY_MS, with one read per second however many hits", async () => {
    const handler = new mod.Handler({});
    await handler.set("/lessons/a", page("<p>a</p>", "_N_T_/lessons/a,_N_T_/lessons/a/layout"));
    await handler.set("/lessons/b", page("<p>b</p>", "_N_T_/lessons/b,_N_T_/lessons/b/layout"));
    for (let i = 0; i < 100; i += 1) expect(await handler.get("/lessons/a")).not.toBeNull();
    expect(reads).toHaveLength(1);

    rows.push({ id: 1, tag: "_N_T_/lessons/a/layout", at: T0 + 10 });
    vi.setSystemTime(T0 + mod.CHECK_EVERY_MS - 1);
    // Not looked yet: still served (the staleness bound).
    expect(await handler.get("/lessons/a")).not.toBeNull();
    vi.setSystemTime(T0 + mod.CHECK_EVERY_MS);
    expect(await handler.get("/lessons/a")).toBeNull();
    expect((await handler.get("/lessons/b"))?.value.html).toBe("<p>b</p>");
    expect(reads).toHaveLength(2);
  });

  it("a row seen once is not applied again: the page rendered after it stays cached", async () => {
    const handler = new mod.Handler({});
    rows.push({ id: 7, tag: "_N_T_/lessons/a/layout", at: T0 - 5 });
    expect(await handler.get("/lessons/a")).toBeNull();
    await handler.set("/lessons/a", page("<p>new a</p>", "_N_T_/lessons/a/layout"));
    for (let second = 1; second <= 5; second += 1) {
      vi.setSystemTime(T0 + second * mod.CHECK_EVERY_MS);
      expect((await handler.get("/lessons/a"))?.value.html).toBe("<p>new a</p>");
    }
    expect(reads.length).toBeGreaterThanOrEqual(5);
  });

  it("a row that commits late (an earlier id, visible after a later one) is still applied", async () => {
    const handler = new mod.Handler({});
    await handler.set("/lessons/a", page("<p>a</p>", "_N_T_/lessons/a/layout"));
    await handler.set("/lessons/b", page("<p>b</p>", "_N_T_/lessons/b/layout"));
    rows.push({ id: 11, tag: "_N_T_/lessons/b/layout", at: T0 + 20 });
    vi.setSystemTime(T0 + 2000);
    expect(await handler.get("/lessons/b")).toBeNull();
    expect(await handler.get("/lessons/a")).not.toBeNull();
    rows.push({ id: 10, tag: "_N_T_/lessons/a/layout", at: T0 + 10 });
    vi.setSystemTime(T0 + 4000);
    expect(await handler.get("/lessons/a")).toBeNull();
  });

  it("a cache that hasn't looked for FORGET_AFTER_MS starts over; a failing read keeps serving and is retried a second later", async () => {
    const handler = new mod.Handler({});
    await handler.get("/warm-up");
    await handler.set("/about", page("<p>about</p>", "_N_T_/about"));
    vi.setSystemTime(T0 + mod.FORGET_AFTER_MS + 1);
    expect(await handler.get("/about")).toBeNull();

    await handler.set("/about", page("<p>about</p>", "_N_T_/about"));
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    (globalThis as Record<symbol, unknown>)[mod.INVALIDATIONS] = async () => {
      throw new Error("connection refused");
    };
    vi.setSystemTime(T0 + mod.FORGET_AFTER_MS + 1 + mod.CHECK_EVERY_MS);
    expect(await handler.get("/about")).not.toBeNull();
    expect(error).toHaveBeenCalledWith(expect.stringContaining("connection refused"));
    error.mockRestore();
  });
});
