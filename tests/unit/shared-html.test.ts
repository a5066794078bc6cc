/** lib/reading/shared-html.ts and GET /api/html: lesson HTML sent once, fetched by content key after client-side navigation. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/html/route";
import { lookupHtml, registerHtml } from "@/lib/reading/shared-html";
import { SHARED_HTML_KEY } from "@/lib/reading/shared-html-key";

describe("shared HTML by content key", () => {
  it("the key is the SHA-256 of the HTML (so only someone holding the text can name it) and finds it again", () => {
    const html = `<span class="paragraph-number">1</span>A paragraph &amp; a <button type="button">term</button> ${Math.random()}`;
    const key = registerHtml(html);
    expect(key).toBe(createHash("sha256").update(html).digest("base64url"));
    expect(key).toMatch(SHARED_HTML_KEY);
    expect(lookupHtml(key)).toBe(html);
    expect(lookupHtml(createHash("sha256").update("never rendered").digest("base64url"))).toBeNull();
  });

  it("GET /api/html answers only registered keys and ignores malformed ones", async () => {
    const a = registerHtml(`first ${Math.random()}`);
    const b = registerHtml(`second ${Math.random()}`);
    const unknown = createHash("sha256").update("unknown").digest("base64url");
    const response = await GET(new Request(`http://school.example/api/html?keys=${a},${b},${unknown},../../etc,<script>`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ [a]: lookupHtml(a), [b]: lookupHtml(b) });
  });
});
