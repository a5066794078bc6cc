/**
 * Import from a link against saved pages served on 127.0.0.2, the one
 * address these tests allow (URL_IMPORT_ALLOW_ADDRESSES); every other
 * loopback, private and link-local address stays refused. Refused addresses
 * are checked before any connection, so no traffic leaves this machine.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { importDrafts } from "@/db/tables";
import { createImportDraftFromUrl } from "@/lib/data/import-sources";
import { getImportDraft } from "@/lib/data/imports";
import { resetEnvCacheForTests } from "@/lib/env";
import { blockedAddressReason, fetchArticlePage, type FetchPolicy } from "@/lib/import/sources/url";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const TEST_HOST = "127.0.0.2";
const page = fs.readFileSync(path.resolve("tests/fixtures/articles/news-page.html"), "utf8");
const wire = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");
let server: http.Server;
let base: string;
let port: number;
const open = new Set<http.ServerResponse>();

function policy(overrides: Partial<FetchPolicy> = {}): FetchPolicy {
  return { maxBytes: 2 * 1024 * 1024, timeoutMs: 3000, maxRedirects: 5, allowAddresses: [TEST_HOST], ...overrides };
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const redirect = (to: string) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    switch (url.pathname) {
      case "/article":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(page);
      case "/wire.txt":
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        return res.end(wire);
      case "/latin1":
        res.writeHead(200, { "content-type": "text/plain; charset=iso-8859-1" });
        return res.end(Buffer.from("Caf\xe9 owners testified at the hearing.", "latin1"));
      case "/moved":
        return redirect("/article");
      case "/to-private":
        return redirect("http://10.20.30.40/article");
      case "/to-loopback":
        return redirect(`http://127.0.0.1:${port}/article`);
      case "/to-metadata":
        return redirect("http://169.254.169.254/latest/meta-data/");
      case "/to-ftp":
        return redirect("ftp://example.org/article.txt");
      case "/hop": {
        const n = Number(url.searchParams.get("n") ?? "0");
        return redirect(`/hop?n=${n + 1}`);
      }
      case "/big-declared":
        res.writeHead(200, { "content-type": "text/html", "content-length": String(3 * 1024 * 1024) });
        return res.end();
      case "/big-streamed": {
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(256 * 1024, "a");
        for (let i = 0; i < 12; i += 1) res.write(chunk);
        return res.end();
      }
      case "/slow":
        open.add(res);
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<html><body><p>Starting");
        return; // never finishes
      case "/report.pdf":
        res.writeHead(200, { "content-type": "application/pdf" });
        return res.end("%PDF-1.7");
      case "/image":
        res.writeHead(200, { "content-type": "image/png" });
        return res.end("png");
      case "/paywall":
        res.writeHead(403, { "content-type": "text/html" });
        return res.end("Subscribe");
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, TEST_HOST, resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://${TEST_HOST}:${port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe("fetching a teacher's link", () => {
  it("fetches a saved HTML page and a plain-text page, following a redirect", async () => {
    const html = await fetchArticlePage(`${base}/moved`, policy());
    expect(html).toMatchObject({ url: `${base}/article`, format: "html" });
    expect(html.content).toBe(page);
    const text = await fetchArticlePage(`${base}/wire.txt`, policy());
    expect(text).toMatchObject({ format: "text", content: wire });
    expect((await fetchArticlePage(`${base}/latin1`, policy())).content).toBe("Café owners testified at the hearing.");
  });

  it.each([
    ["ftp://example.org/a.txt", "bad_scheme"],
    ["file:///etc/passwd", "bad_scheme"],
    ["javascript:alert(1)", "bad_scheme"],
    ["not a link", "bad_url"],
    ["http://user:secret@example.org/", "bad_url"],
  ])("refuses %s (%s)", async (url, code) => {
    await expect(fetchArticlePage(url, policy())).rejects.toMatchObject({ code, message: expect.stringMatching(/\S/) });
  });

  it.each([
    ["http://10.1.2.3/", /private network/],
    ["http://192.168.0.10/", /private network/],
    ["http://172.16.5.4/", /private network/],
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    ["http://127.0.0.1/", /loopback/],
    ["http://[::1]/", /loopback/],
    ["http://[::ffff:127.0.0.1]/", /loopback/],
    ["http://0.0.0.0/", /unspecified/],
    ["http://[fd00::1]/", /private network/],
  ])("refuses the private or special address in %s before connecting", async (url, words) => {
    await expect(fetchArticlePage(url, policy())).rejects.toMatchObject({ code: "blocked_address", message: words });
  });

  it("refuses a DNS name that resolves to loopback (localhost), even on the test server's port", async () => {
    await expect(fetchArticlePage(`http://localhost:${port}/article`, policy())).rejects.toMatchObject({ code: "blocked_address", message: expect.stringMatching(/“localhost” points there/) });
  });

  it("refuses the test server itself without the explicit allowance", async () => {
    await expect(fetchArticlePage(`${base}/article`, policy({ allowAddresses: [] }))).rejects.toMatchObject({ code: "blocked_address" });
  });

  it.each([
    ["/to-private", "blocked_address"],
    ["/to-loopback", "blocked_address"],
    ["/to-metadata", "blocked_address"],
    ["/to-ftp", "bad_scheme"],
  ])("checks every redirect: %s is refused (%s)", async (route, code) => {
    await expect(fetchArticlePage(`${base}${route}`, policy())).rejects.toMatchObject({ code });
  });

  it("follows at most 5 redirects", async () => {
    await expect(fetchArticlePage(`${base}/hop?n=0`, policy())).rejects.toMatchObject({ code: "too_many_redirects", message: expect.stringMatching(/more than 5 times/) });
  });

  it("refuses pages over the size cap, declared or streamed", async () => {
    await expect(fetchArticlePage(`${base}/big-declared`, policy())).rejects.toMatchObject({ code: "too_large", message: expect.stringMatching(/larger than 2 MB/) });
    await expect(fetchArticlePage(`${base}/big-streamed`, policy())).rejects.toMatchObject({ code: "too_large" });
  });

  it("gives up on a page that is too slow", async () => {
    const started = Date.now();
    await expect(fetchArticlePage(`${base}/slow`, policy({ timeoutMs: 400 }))).rejects.toMatchObject({ code: "timeout", message: expect.stringMatching(/longer than/) });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("accepts only HTML and plain text, pointing PDFs to the upload", async () => {
    await expect(fetchArticlePage(`${base}/report.pdf`, policy())).rejects.toMatchObject({ code: "bad_type", message: expect.stringMatching(/upload the file/) });
    await expect(fetchArticlePage(`${base}/image`, policy())).rejects.toMatchObject({ code: "bad_type" });
    await expect(fetchArticlePage(`${base}/paywall`, policy())).rejects.toMatchObject({ code: "http_status", message: expect.stringMatching(/paywall/) });
  });

  it("names what a blocked address is, and honours CIDR allowances", () => {
    expect(blockedAddressReason("8.8.8.8")).toBeNull();
    expect(blockedAddressReason("10.0.0.1", ["10.0.0.0/8"])).toBeNull();
    expect(blockedAddressReason("10.0.0.1", ["192.168.0.0/16"])).toMatch(/private/);
  });
});

describe("drafting from a link (teachers only, same pipeline, env switch)", () => {
  beforeAll(async () => {
    await createTestDb({ withContent: true });
    vi.stubEnv("URL_IMPORT_ALLOW_ADDRESSES", TEST_HOST);
    resetEnvCacheForTests();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    resetEnvCacheForTests();
  });

  it("creates a draft from the fetched page and keeps its final address as the source link", async () => {
    const teacher = await seedUser({ role: "teacher" });
    signInAs(teacher);
    const { id } = await createImportDraftFromUrl(`${base}/moved`, { date: "2024-05-02" });
    const { draft } = await getImportDraft(id);
    expect(draft.source.url).toBe(`${base}/article`);
    expect(draft.questions.length).toBeGreaterThan(3);
  });

  it("refuses students and learners before fetching anything, and stores nothing on a refusal", async () => {
    for (const role of ["student", "learner"] as const) {
      signInAs(await seedUser({ role }));
      await expect(createImportDraftFromUrl(`${base}/article`)).rejects.toMatchObject({ code: "forbidden" });
    }
    signInAs(await seedUser({ role: "teacher" }));
    const before = await getDb().$count(importDrafts);
    await expect(createImportDraftFromUrl("http://10.0.0.1/")).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/school network's safety/) });
    expect(await getDb().$count(importDrafts)).toBe(before);
  });

  it("is refused with a clear message when URL_IMPORT=off", async () => {
    vi.stubEnv("URL_IMPORT", "off");
    resetEnvCacheForTests();
    try {
      signInAs(await seedUser({ role: "teacher" }));
      await expect(createImportDraftFromUrl(`${base}/article`)).rejects.toMatchObject({ message: expect.stringMatching(/turned off on this server/) });
    } finally {
      vi.stubEnv("URL_IMPORT", "on");
      resetEnvCacheForTests();
    }
  });
});
