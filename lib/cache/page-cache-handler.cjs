// @ts-check
/**
 * Next's cache for prerendered pages (next.config.mjs `cacheHandler`), kept in this
 * process's memory only, and the place where a cached page gets its
 * Content-Security-Policy.
 *
 * Why memory only: the lesson pages are rendered from the database, and a build
 * folder can be started against another database (tests, benchmarks) or after
 * `content/` changed; a cache on disk would outlive the data it was made from.
 * Every start begins empty (content is synced before `next start`), so a restart
 * can never serve a page from before it.
 *
 * Why the policy is made here: a page that is cached can't carry a per-request
 * nonce, so its inline scripts (Next's bootstrap and the RSC payload pushes) are
 * allowed by their SHA-256 hashes instead. The hashes are computed from the very
 * HTML being stored and saved in the entry's headers, which Next sends with every
 * response served from this entry (the first render included: the response is
 * made from the same entry after `set`). An injected script can't match a hash
 * of markup we rendered. docs/SECURITY.md explains the choice.
 *
 * Plain CommonJS because Next loads it at run time without compiling it.
 * tests/unit/page-cache-handler.test.ts keeps the policy in step with lib/security/csp.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose (see above)
const { createHash } = require("node:crypto");

/** Enough for every lesson at every level many times over; oldest entries go first past it. */
const MAX_BYTES = Number(process.env.PAGE_CACHE_MAX_BYTES) || 64 * 1024 * 1024;

/**
 * The inline scripts of an HTML document: every <script> without a src. Matches how
 * browsers take a script's text (everything up to the first "</script"), which is
 * what the hash must cover; Next escapes "</script" inside its payloads.
 * @param {string} html
 * @returns {string[]}
 */
function inlineScripts(html) {
  const scripts = [];
  const pattern = /<script\b([^>]*)>([\s\S]*?)<\/script/gi;
  let match;
  while ((match = pattern.exec(html)) !== null) {
    const attributes = match[1] ?? "";
    if (/\bsrc\s*=/i.test(attributes)) continue;
    scripts.push(match[2] ?? "");
  }
  return scripts;
}

/** @param {string} text */
function sha256Source(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * The policy for a cached page: the same as the per-request one (lib/security/csp.ts)
 * except that scripts are allowed by 'self' (our own /_next/static chunks, which also
 * load further chunks by URL) and by the hashes of this page's inline scripts.
 * No 'strict-dynamic': it would ignore 'self', and the chunk <script src> tags in the
 * HTML would need hashes of their own.
 * @param {string[]} hashes e.g. "'sha256-…'"
 */
function hashPolicy(hashes) {
  const unique = [...new Set(hashes)];
  return [
    "default-src 'self'",
    `script-src 'self'${unique.length ? " " + unique.join(" ") : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** @param {string} html */
function policyForHtml(html) {
  return hashPolicy(inlineScripts(html).map(sha256Source));
}

/** @param {any} value */
function htmlOf(value) {
  if (!value || (value.kind !== "APP_PAGE" && value.kind !== "PAGES")) return null;
  return typeof value.html === "string" ? value.html : null;
}

/** @param {any} value */
function sizeOf(value) {
  const html = htmlOf(value);
  const rsc = value && value.rscData && typeof value.rscData.length === "number" ? value.rscData.length : 0;
  return (html ? html.length : 0) + rsc + 1024;
}

/** @param {any} value @param {{ tags?: string[] } | undefined} ctx */
function tagsOf(value, ctx) {
  const tags = new Set(ctx && Array.isArray(ctx.tags) ? ctx.tags : []);
  const header = value && value.headers ? value.headers["x-next-cache-tags"] : undefined;
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  return tags;
}

/** @type {Map<string, { entry: { value: any, lastModified: number }, tags: Set<string>, size: number }>} */
const store = new Map();
let storedBytes = 0;

class PageCacheHandler {
  /** @param {string} key */
  async get(key) {
    const hit = store.get(key);
    if (!hit) return null;
    // Most recently used last, so eviction takes the coldest page.
    store.delete(key);
    store.set(key, hit);
    return hit.entry;
  }

  /** @param {string} key @param {any} data @param {{ tags?: string[] }} [ctx] */
  async set(key, data, ctx) {
    const previous = store.get(key);
    if (previous) {
      storedBytes -= previous.size;
      store.delete(key);
    }
    if (data == null) return;
    const html = htmlOf(data);
    if (html !== null) data.headers = { ...(data.headers ?? {}), "content-security-policy": policyForHtml(html) };
    const size = sizeOf(data);
    store.set(key, { entry: { value: data, lastModified: Date.now() }, tags: tagsOf(data, ctx), size });
    storedBytes += size;
    for (const [oldKey, old] of store) {
      if (storedBytes <= MAX_BYTES) break;
      store.delete(oldKey);
      storedBytes -= old.size;
    }
  }

  /** revalidatePath/revalidateTag: drop every entry carrying one of the tags; the next request renders afresh. @param {string | string[]} tags */
  async revalidateTag(tags) {
    const wanted = new Set(Array.isArray(tags) ? tags : [tags]);
    for (const [key, item] of store) {
      for (const tag of item.tags) {
        if (wanted.has(tag)) {
          store.delete(key);
          storedBytes -= item.size;
          break;
        }
      }
    }
  }

  resetRequestCache() {}
}

module.exports = PageCacheHandler;
module.exports.default = PageCacheHandler;
module.exports.Handler = PageCacheHandler;
module.exports.inlineScripts = inlineScripts;
module.exports.hashPolicy = hashPolicy;
module.exports.policyForHtml = policyForHtml;
module.exports.sha256Source = sha256Source;
/** For tests: forget everything. */
module.exports.clearPageCache = () => {
  store.clear();
  storedBytes = 0;
};
