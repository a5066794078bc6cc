/**
 * Large string bodies are written to the socket as bytes (docs/BENCHMARKS.md "Guest lesson").
 *
 * Next ends the response of a page served from its cache with the stored HTML as a string
 * (`res.end(html)`). Node 20 writes a large string body far more slowly than the same bytes as a
 * Buffer: measured on this machine with a plain `http` server and the 99 kB lesson page, about
 * 1.2 ms of user and 0.6 ms of system CPU per response for the string against 0.15–0.35 and
 * 0.05–0.1 ms for a Buffer (the string is encoded and written in pieces). So the cached lesson
 * cost several times a small page in writing alone.
 *
 * `installBufferedEnd` (instrumentation.ts, once per server process) makes `ServerResponse#end`
 * turn a string body of at least MIN_CHARS into its UTF-8 bytes before writing them. A cached
 * page's HTML is the same string object on every hit, so its bytes are kept (BYTES_CACHE_LIMIT
 * in total, least recently used first out; only for responses marked `x-nextjs-cache`) in a Map keyed by that string: a string is its own
 * content, so a hit can never be another page's bytes. The bytes sent are exactly those Node
 * would have sent for the string (`Buffer.from(text, encoding)`), so headers such as
 * Content-Length, computed by the caller from the string, still match.
 */
import { ServerResponse } from "node:http";

/** Smaller bodies (JSON answers, small pages) are written as they come. */
export const MIN_CHARS = 16 * 1024;
/** Bytes kept for the HTML of cached pages, in total. */
const BYTES_CACHE_LIMIT = 16 * 1024 * 1024;

const encoded = new Map<string, Buffer>();
let encodedBytes = 0;

/** The UTF-8 (or `encoding`) bytes of a large body; with `keep`, remembered for the next response that ends with the same string. */
export function bytesOf(text: string, encoding: BufferEncoding = "utf8", keep = true): Buffer {
  if (!keep || (encoding !== "utf8" && encoding !== "utf-8")) return Buffer.from(text, encoding);
  const known = encoded.get(text);
  if (known) {
    // Most recently used last, so the coldest page goes first.
    encoded.delete(text);
    encoded.set(text, known);
    return known;
  }
  const bytes = Buffer.from(text, "utf8");
  encoded.set(text, bytes);
  encodedBytes += bytes.length;
  for (const [oldText, old] of encoded) {
    if (encodedBytes <= BYTES_CACHE_LIMIT) break;
    encoded.delete(oldText);
    encodedBytes -= old.length;
  }
  return bytes;
}

let installed = false;

export function installBufferedEnd(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with each response as `this` (apply below)
  const end = ServerResponse.prototype.end;
  ServerResponse.prototype.end = function bufferedEnd(this: ServerResponse, ...args: unknown[]) {
    const [chunk, encoding] = args;
    // Only a page served from Next's cache (it says so in x-nextjs-cache) has its bytes kept: the same string comes back on every hit.
    if (typeof chunk === "string" && chunk.length >= MIN_CHARS) args[0] = bytesOf(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8", this.hasHeader("x-nextjs-cache"));
    return (end as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as typeof end;
}

/** For tests: how many bodies' bytes are kept. */
export function bytesCacheSize(): number {
  return encoded.size;
}
