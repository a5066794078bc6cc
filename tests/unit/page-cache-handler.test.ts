/**
 * lib/cache/page-cache-handler.cjs: the in-memory cache for shared pages and the
 * script-hash policy each cached page carries (docs/SECURITY.md "Cached pages").
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { beforeEach, describe, expect, it } from "vitest";
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
