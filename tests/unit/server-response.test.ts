// A cached page's HTML is written as bytes (lib/server-response.ts): the same bytes a string body gives, kept for the next hit.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_CHARS, bytesCacheSize, bytesOf, installBufferedEnd } from "@/lib/server-response";

// Two-byte characters and an emoji, so the UTF-8 length differs from the string's.
const page = `<!DOCTYPE html><p>Facts as of 2024 · 6 min read – “quoted” 🗳️</p>${"x".repeat(MIN_CHARS)}`;
const small = "{\"ok\":true,\"note\":\"café\"}";
let server: http.Server;
let base: string;

beforeAll(async () => {
  installBufferedEnd();
  server = http.createServer((request, response) => {
    const body = request.url === "/small" ? small : request.url === "/other" ? `${page}!` : page;
    if (request.url === "/cached") response.setHeader("x-nextjs-cache", "HIT");
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Content-Length", Buffer.byteLength(body));
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("installBufferedEnd", () => {
  it("a large string body arrives byte for byte, its length matching Content-Length, and only a cached page's bytes are kept", async () => {
    const before = bytesCacheSize();
    const plain = await fetch(`${base}/plain`);
    expect(await plain.text()).toBe(page);
    expect(Number(plain.headers.get("content-length"))).toBe(Buffer.byteLength(page));
    expect(bytesCacheSize()).toBe(before);
    for (let i = 0; i < 3; i += 1) expect(await (await fetch(`${base}/cached`)).text()).toBe(page);
    expect(bytesCacheSize()).toBe(before + 1);
    expect(await (await fetch(`${base}/other`)).text()).toBe(`${page}!`);
    expect(await (await fetch(`${base}/small`)).text()).toBe(small);
  });

  it("bytesOf gives the string's own encoding, the same Buffer for the same text, and never another text's bytes", () => {
    const first = bytesOf(page);
    expect(first.equals(Buffer.from(page, "utf8"))).toBe(true);
    expect(bytesOf(page)).toBe(first);
    expect(bytesOf(`${page.slice(0, -1)}y`).equals(Buffer.from(`${page.slice(0, -1)}y`))).toBe(true);
    expect(bytesOf(page, "latin1").equals(Buffer.from(page, "latin1"))).toBe(true);
  });
});
