/**
 * "Sent once" HTML for the lesson article (docs/ARCHITECTURE.md "Cached pages"). A paragraph's
 * escaped HTML (lib/reading/paragraph-html.ts) is registered here under the SHA-256 of its text,
 * and the page passes only that key to the SentOnceHtml island: the server render of the island
 * reads the HTML from here, so it appears once in the HTML document, and the RSC payload (which
 * used to carry every paragraph a second time for hydration) carries the 43-character key.
 * Hydration reads the paragraph back from the document; a client-side navigation asks
 * GET /api/html for the keys it hasn't got.
 *
 * Content-addressed, so a key can only be asked for by someone who already has the text.
 * In-process memory, bounded; a key that has gone is rendered again by the next page render.
 */
import "server-only";
import { createHash } from "node:crypto";
import { SHARED_HTML_REGISTRY, type SharedHtmlRegistry } from "./shared-html-key";

const MAX_ENTRIES = 20_000;

function registry(): SharedHtmlRegistry {
  const holder = globalThis as unknown as Record<symbol, SharedHtmlRegistry | undefined>;
  return (holder[SHARED_HTML_REGISTRY] ??= new Map<string, string>());
}

/** Remembers the HTML and returns its key. */
export function registerHtml(html: string): string {
  const key = createHash("sha256").update(html, "utf8").digest("base64url");
  const map = registry();
  if (map.has(key)) map.delete(key);
  map.set(key, html);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
  return key;
}

export function lookupHtml(key: string): string | null {
  return registry().get(key) ?? null;
}
