// @ts-check
/**
 * Next's cache for prerendered pages (next.config.mjs `cacheHandler`), kept in this
 * process's memory only (and dropped where the database says another server
 * changed what they show, below), and the place where a cached page gets its
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

/**
 * Several app servers on one database (docs/ARCHITECTURE.md "Cached pages"): a change that makes
 * pages stale is recorded in the database's cache_invalidations table (lib/data/cache-invalidations.ts)
 * in the same transaction, and each server's cache reads the rows written since it last looked before
 * it serves a page, at most once every CHECK_EVERY_MS. So a cached page costs no query per request, and
 * a page made stale on another server is served for at most CHECK_EVERY_MS after that change committed
 * (plus one query's time). The app registers the reader on globalThis when the server starts
 * (instrumentation.ts); without one (tests, builds) this cache is local as before.
 */
const INVALIDATIONS = Symbol.for("civics-lab.page-cache.invalidations");
const CHECK_EVERY_MS = 1000;
/**
 * Each look re-reads this much before the previous one: a row becomes visible at its commit, which on
 * PostgreSQL can come after a later row's, and the writers' clocks may differ a little from ours.
 * Rows already applied are remembered (by id) so a page rendered after its invalidation isn't dropped again.
 */
const OVERLAP_MS = 60_000;
/** Rows are pruned after a day (lib/data/cache-invalidations.ts); a cache that hasn't looked for an hour starts over instead of trusting them. */
const FORGET_AFTER_MS = 60 * 60 * 1000;

/** @type {{ lookedAt: number, nextLookAt: number, looking: Promise<void> | null, applied: Map<number, number> }} */
const sync = { lookedAt: 0, nextLookAt: 0, looking: null, applied: new Map() };

/** @returns {((since: number) => Promise<{ id: number, tag: string, at: number }[]>) | undefined} */
function invalidationSource() {
  return /** @type {any} */ (globalThis)[INVALIDATIONS];
}

/**
 * Whether an entry carrying `tags` is dropped by the wanted tags. Next stores a page with its own path's tag
 * (`_N_T_/lessons/x/level/2`) and its route's layouts (`_N_T_/lessons/[slug]/layout`), not the layouts of its
 * concrete path, so `revalidatePath("/lessons/x", "layout")`'s tag `_N_T_/lessons/x/layout` is matched here as
 * what it means: every page at or below /lessons/x (`_N_T_/layout`: every page).
 * @param {Set<string>} tags @param {Set<string>} wanted @param {string[]} below
 */
function isWanted(tags, wanted, below) {
  for (const tag of tags) {
    if (wanted.has(tag)) return true;
    for (const base of below) if (tag === base || tag.startsWith(`${base}/`)) return true;
  }
  return false;
}

/** @param {Set<string>} wanted */
function dropTagged(wanted) {
  const below = [...wanted].filter((tag) => tag.endsWith("/layout")).map((tag) => tag.slice(0, -"/layout".length));
  for (const [key, item] of store) {
    if (!isWanted(item.tags, wanted, below)) continue;
    store.delete(key);
    storedBytes -= item.size;
  }
}

function dropAll() {
  store.clear();
  storedBytes = 0;
}

/** Applies the invalidations other servers (or this one) recorded since the last look; at most one look per CHECK_EVERY_MS. */
async function catchUp() {
  const source = invalidationSource();
  if (!source) return;
  const now = Date.now();
  if (sync.looking) return sync.looking;
  if (now < sync.nextLookAt) return;
  sync.nextLookAt = now + CHECK_EVERY_MS;
  sync.looking = (async () => {
    try {
      if (sync.lookedAt && now - sync.lookedAt > FORGET_AFTER_MS) dropAll();
      const rows = await source((sync.lookedAt || now) - OVERLAP_MS);
      const wanted = new Set();
      for (const row of rows) {
        if (sync.applied.has(row.id)) continue;
        sync.applied.set(row.id, row.at);
        wanted.add(row.tag);
      }
      if (wanted.size > 0) dropTagged(wanted);
      sync.lookedAt = now;
      for (const [id, at] of sync.applied) if (at < now - 2 * OVERLAP_MS) sync.applied.delete(id);
    } catch (error) {
      // The database didn't answer: keep serving, and look again after CHECK_EVERY_MS.
      console.error(`[civics-lab] page cache: could not read cache invalidations: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      sync.looking = null;
    }
  })();
  return sync.looking;
}

class PageCacheHandler {
  /** @param {string} key */
  async get(key) {
    await catchUp();
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
    dropTagged(new Set(Array.isArray(tags) ? tags : [tags]));
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
  dropAll();
  sync.lookedAt = 0;
  sync.nextLookAt = 0;
  sync.looking = null;
  sync.applied.clear();
};
module.exports.INVALIDATIONS = INVALIDATIONS;
module.exports.CHECK_EVERY_MS = CHECK_EVERY_MS;
module.exports.FORGET_AFTER_MS = FORGET_AFTER_MS;
