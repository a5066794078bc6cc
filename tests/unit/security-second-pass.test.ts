/**
 * Issue #20 (security second pass) and #19's joining findings, at the level of
 * the pure functions that decide: redirect targets, class codes, names, the
 * server-action body check, the origin check behind a proxy, links in imported
 * articles, and AUTH_SECRET rotation.
 */
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { parseLessonMarkdown } from "@/lib/content/markdown";
import { DEMO_JOIN_CODE } from "@/lib/demo/join-code";
import { paragraphHtml } from "@/lib/reading/paragraph-html";
import { MAX_JSON_DEPTH, checkActionBody, jsonDepth } from "@/lib/security/action-body";
import { safeRedirectTarget } from "@/lib/security/redirect";
import { joinCodeSchema, normalizeJoinCode } from "@/lib/validations/classes";
import { displayNameSchema } from "@/lib/validations/auth";
import { graphemeLength, normalizeName } from "@/lib/validations/names";
import fs from "node:fs";

describe("redirect targets (row 1, row 8): parsed as URLs against our origin, no string rules", () => {
  it.each([
    ["/classes/abc?tab=1#top", "/classes/abc?tab=1#top"],
    ["/join?code=PERD22", "/join?code=PERD22"],
    ["/", "/"],
    // Relative references resolve under our own origin: harmless.
    ["evil.example", "/evil.example"],
    ["https:evil.example", "/evil.example"],
  ])("keeps same-site %s", (target, expected) => {
    expect(safeRedirectTarget(target)).toBe(expected);
  });

  it.each([
    "/\\evil.example",
    "\\/evil.example",
    "/\\\\evil.example",
    "//evil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "/%0a/evil.example",
    "/%0d%0a/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " //evil.example",
    "http:/\\evil.example",
    "/%E0%A4%A",
    "",
  ])("refuses %j", (target) => {
    const result = safeRedirectTarget(target);
    expect(result).toBe("/");
    // Whatever comes back resolves to our own origin in a browser.
    expect(new URL(result, "https://school.example").origin).toBe("https://school.example");
  });

  it("refuses non-strings and absurdly long targets", () => {
    expect(safeRedirectTarget(undefined)).toBe("/");
    expect(safeRedirectTarget(["/a", "/b"])).toBe("/");
    expect(safeRedirectTarget(`/${"a".repeat(5000)}`)).toBe("/");
    expect(safeRedirectTarget("//evil.example", "/account")).toBe("/account");
  });

  it("the sign-in page looks reasons up as own entries, so __proto__ and friends find nothing", () => {
    const page = fs.readFileSync("app/(auth)/sign-in/page.tsx", "utf8");
    expect(page).toMatch(/REASONS\.get\(/);
    const reasons = new Map([["password-changed", "x"]]);
    for (const name of ["__proto__", "toString", "constructor", "valueOf", "hasOwnProperty"]) expect(reasons.get(name)).toBeUndefined();
  });
});

describe("class codes (#19 finding 9)", () => {
  it("the demo's code is one the join form accepts, and README names it", () => {
    expect(joinCodeSchema.parse(DEMO_JOIN_CODE)).toBe(DEMO_JOIN_CODE);
    expect(fs.readFileSync("README.md", "utf8")).toContain(`code \`${DEMO_JOIN_CODE}\``);
  });

  it.each(["perd22", " PERD 22 ", "perd-22", "P-E-R-D-2-2", "ＰＥＲＤ２２", "perd_22", "PER.D22", "perd–22"])("accepts %j as PERD22", (typed) => {
    expect(joinCodeSchema.parse(typed)).toBe("PERD22");
  });

  it("says that O, 0, I, 1 and L are never in a code instead of only 'invalid'", () => {
    const result = joinCodeSchema.safeParse("DEMO22");
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/never use the letters O, I or L or the numbers 0 or 1/);
    expect(joinCodeSchema.safeParse("K7M2Q").error!.issues[0]!.message).toMatch(/That one has 5/);
    expect(normalizeJoinCode("k7 m2-qx")).toBe("K7M2QX");
  });
});

describe("display names (row 9)", () => {
  it("strips bidi controls and zero-width characters, normalises to NFC, collapses spaces", () => {
    expect(displayNameSchema.parse("Ada \u202eLovelace\u202c\u200b")).toBe("Ada Lovelace");
    expect(displayNameSchema.parse("  Jose\u0301   Marti\u0301\u2066 ")).toBe("José Martí");
    expect(normalizeName("\ufeffA\u2060d\u200da\u200e")).toBe("Ada");
    expect(displayNameSchema.safeParse("\u200b\u202e").success).toBe(false);
  });

  it("counts length in graphemes: 60 emoji with skin tones fit, 61 don't", () => {
    const teacher = "👩🏽‍🏫";
    expect(graphemeLength(teacher)).toBe(1);
    expect(graphemeLength("José")).toBe(4);
    // The zero-width joiner inside an emoji sequence is removed too (no invisible characters at all), leaving two visible ones.
    expect(displayNameSchema.safeParse("é".repeat(60)).success).toBe(true);
    expect(displayNameSchema.safeParse("e\u0301".repeat(60)).success).toBe(true);
    expect(displayNameSchema.safeParse("é".repeat(61)).success).toBe(false);
  });

  it("still refuses markup and control characters", () => {
    expect(displayNameSchema.safeParse("<b>x</b>").success).toBe(false);
    expect(displayNameSchema.safeParse("a\u0007b").success).toBe(false);
  });
});

describe("server-action bodies (row 8)", () => {
  const post = (body: BodyInit, type: string, action = true) => new Request("http://localhost/classes", { method: "POST", body, headers: { ...(type ? { "content-type": type } : {}), ...(action ? { "next-action": "abc" } : {}) } });

  it("measures JSON depth in one pass, ignoring brackets in strings", () => {
    expect(jsonDepth('["[[[[", {"a": [1]}]')).toBe(3);
    expect(jsonDepth("[".repeat(20_000) + "]".repeat(20_000))).toBe(20_000);
  });

  it("refuses a non-JSON root field, a 20,000-deep root, broken multipart and a non-JSON text body; passes normal ones", async () => {
    const form = new FormData();
    form.set("0", "not json at all");
    expect(await checkActionBody(post(form, "", true))).toMatch(/field 0 is not valid JSON/);
    const deep = new FormData();
    deep.set("0", "[".repeat(20_000) + "]".repeat(20_000));
    expect(await checkActionBody(post(deep, ""))).toMatch(new RegExp(`nested more than ${MAX_JSON_DEPTH}`));
    expect(await checkActionBody(post("--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[", "multipart/form-data; boundary=x"))).toMatch(/malformed/);
    expect(await checkActionBody(post("{{{", "text/plain;charset=UTF-8"))).toMatch(/not valid JSON/);
    const fine = new FormData();
    fine.set("0", '["$K1"]');
    fine.set("1_name", "Period 2");
    expect(await checkActionBody(post(fine, ""))).toBeNull();
    expect(await checkActionBody(post('["$@1",["x",null]]', "text/plain;charset=UTF-8"))).toBeNull();
  });
});

describe("the origin check behind a proxy (row 10)", () => {
  async function originModule(trustProxy: "true" | "false") {
    vi.resetModules();
    vi.stubEnv("TRUST_PROXY", trustProxy);
    const mod = await import("@/lib/security/origin");
    (await import("@/lib/env")).getEnv();
    vi.unstubAllEnvs();
    return mod;
  }
  const spoofed = new Headers({ host: "school.example", origin: "https://evil.example", "x-forwarded-host": "evil.example", "sec-fetch-site": "same-origin" });

  it("ignores X-Forwarded-Host unless TRUST_PROXY, so a spoofed one with a matching forged Origin fails", async () => {
    const direct = await originModule("false");
    expect(direct.checkSameOrigin(spoofed)).toBe("cross-site");
    expect(direct.checkSameOrigin(new Headers({ host: "school.example", origin: "https://school.example" }))).toBe("same-origin");
    // Behind the documented proxy, which overwrites X-Forwarded-Host with the host it served: the spoof never arrives.
    const proxied = await originModule("true");
    const afterProxy = new Headers(spoofed);
    afterProxy.set("x-forwarded-host", "school.example");
    expect(proxied.checkSameOrigin(afterProxy)).toBe("cross-site");
    expect(proxied.checkSameOrigin(new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "school.example", origin: "https://school.example" }))).toBe("same-origin");
  });

  it("refuses cross-site and same-site Sec-Fetch-Site even when Origin is missing or equals Host (row 7), and calls a garbage Origin malformed", async () => {
    const { checkSameOrigin } = await originModule("false");
    expect(checkSameOrigin(new Headers({ host: "school.example", "sec-fetch-site": "cross-site" }))).toBe("cross-site");
    expect(checkSameOrigin(new Headers({ host: "school.example", origin: "http://school.example", "sec-fetch-site": "cross-site" }))).toBe("cross-site");
    expect(checkSameOrigin(new Headers({ host: "school.example", origin: "http://school.example", "sec-fetch-site": "same-site" }))).toBe("cross-site");
    expect(checkSameOrigin(new Headers({ host: "school.example", origin: "not a url" }))).toBe("malformed");
    expect(checkSameOrigin(new Headers({ host: "school.example" }))).toBe("missing");
  });
});

describe("links in imported articles (row 6)", () => {
  const { body } = parseLessonMarkdown("## The article {#s-article}\n\n{#p1} Read [the city plan](https://evil.example/phish) today.\n");
  const inline = body.sections[0]!.paragraphs[0]!.inline;

  it("render as the text they were written with when links are off (imported lessons)", () => {
    const html = paragraphHtml(1, inline, {}, { links: false });
    expect(html).not.toMatch(/<a\b/);
    expect(html).toContain("Read [the city plan](https://evil.example/phish) today.");
  });

  it("stay links in the curriculum", () => {
    expect(paragraphHtml(1, inline, {})).toContain('<a href="https://evil.example/phish"');
  });

  it("the lesson page turns links off for anything but curriculum lessons", () => {
    expect(fs.readFileSync("app/lessons/[slug]/page.tsx", "utf8")).toContain('{ links: lesson.origin === "curriculum" }');
  });
});

describe("AUTH_SECRET rotation", () => {
  const OLD = "old-secret-old-secret-old-secret-0123456789";
  const NEW = "new-secret-new-secret-new-secret-9876543210";
  const NAME = "authjs.session-token";

  it("a cookie made with the old secret still reads after rotation, and a copy made with the new secret is issued (same session, same expiry)", async () => {
    const now = Date.now();
    const old = await encode({ token: { uid: "u1", tv: 3, role: "student", username: "ada" }, secret: OLD, salt: NAME, maxAge: 3600 });
    const cookie = (value: string) => (name: string) => (name === NAME ? value : undefined);

    // Before rotation: read with the old secret as current, nothing to re-issue.
    const before = await readSessionCookie(cookie(old), [OLD], now);
    expect(before?.token).toMatchObject({ uid: "u1", tv: 3 });
    expect(before?.reissued).toBeUndefined();

    // After rotation (AUTH_SECRET=new, AUTH_SECRET_PREVIOUS=old): still signed in, and moved to the new secret.
    const after = await readSessionCookie(cookie(old), [NEW, OLD], now);
    expect(after?.token).toMatchObject({ uid: "u1", tv: 3, username: "ada" });
    expect(after?.reissued).toBeDefined();
    const moved = await decode({ token: after!.reissued!.value, secret: NEW, salt: NAME });
    expect(moved).toMatchObject({ uid: "u1", tv: 3 });
    expect(Math.abs((moved!.exp ?? 0) - (before!.token.exp ?? 0))).toBeLessThanOrEqual(2);
    await expect(decode({ token: after!.reissued!.value, secret: OLD, salt: NAME })).rejects.toThrow();

    // The moved cookie reads with the new secret alone; the old one no longer does once the old secret is dropped.
    expect((await readSessionCookie(cookie(after!.reissued!.value), [NEW], now))?.reissued).toBeUndefined();
    expect(await readSessionCookie(cookie(old), [NEW], now)).toBeNull();
  });

  it("next-auth reads a list of secrets, current first (so auth() accepts both during a rotation)", async () => {
    const old = await encode({ token: { uid: "u2" }, secret: OLD, salt: NAME });
    await expect(decode({ token: old, secret: [NEW, OLD], salt: NAME })).resolves.toMatchObject({ uid: "u2" });
    vi.resetModules();
    vi.stubEnv("AUTH_SECRET", NEW);
    vi.stubEnv("AUTH_SECRET_PREVIOUS", `${OLD}, ${NEW}`);
    const { getAuthSecrets } = await import("@/lib/env");
    expect(getAuthSecrets()).toEqual([NEW, OLD]);
    vi.unstubAllEnvs();
  });
});
