/**
 * `npx tsx bench/bench-js.ts [baseUrl] [page ...]`: first-load
 * JavaScript of pages of a running production server, gzip-compressed.
 *
 * For each page it fetches the HTML, collects every JavaScript chunk the
 * browser will load for it (the <script src> tags plus chunks the inline RSC
 * payload names, which the runtime loads before hydrating), skips the
 * `noModule` polyfill bundle that modern browsers never load, and sums each
 * file's gzip size (level 6, what typical servers and proxies use). The first
 * page is the baseline; the others are reported as a difference from it.
 * @see docs/BENCHMARKS.md
 */
import { gzipSync } from "node:zlib";


const [argBaseUrl = "http://127.0.0.1:3000", ...paths] = process.argv.slice(2);
const pages = paths.length > 0 ? paths : ["/about", "/lessons/who-is-responsible"];

const CHUNK = /\/_next\/static\/chunks\/[A-Za-z0-9._\-/]+?\.js/g;
const NO_MODULE = /<script[^>]*src="([^"]+)"[^>]*noModule[^>]*>/gi;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

const sizeCache = new Map<string, Promise<{ raw: number; gzip: number }>>();
function chunkSize(baseUrl: string, path: string) {
  let size = sizeCache.get(path);
  if (!size) {
    size = fetchText(new URL(path, baseUrl).toString()).then((source) => ({ raw: Buffer.byteLength(source), gzip: gzipSync(source, { level: 6 }).length }));
    sizeCache.set(path, size);
  }
  return size;
}

/** First-load JavaScript of one page (also used by `npm run bench`). */
export async function measureFirstLoadJs(baseUrl: string, path: string) {
  const html = await fetchText(new URL(path, baseUrl).toString());
  const legacy = new Set([...html.matchAll(NO_MODULE)].map((match) => match[1]));
  const chunks = [...new Set(html.match(CHUNK) ?? [])].filter((chunk) => !legacy.has(chunk));
  const sizes = await Promise.all(chunks.map((chunk) => chunkSize(baseUrl, chunk)));
  return {
    path,
    chunks,
    htmlGzip: gzipSync(html, { level: 6 }).length,
    raw: sizes.reduce((sum, s) => sum + s.raw, 0),
    gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main() {
  const results = [];
  for (const path of pages) results.push(await measureFirstLoadJs(argBaseUrl, path));
  const baseline = results[0]!;
  console.log("| Page | Chunks | JS (raw) | JS (gzip) | JS gzip above baseline | HTML (gzip) |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const result of results) {
    const delta = result === baseline ? "baseline" : kB(result.gzip - baseline.gzip);
    console.log(`| \`${result.path}\` | ${result.chunks.length} | ${kB(result.raw)} | ${kB(result.gzip)} | ${delta} | ${kB(result.htmlGzip)} |`);
  }
  for (const result of results.slice(1)) {
    const own = result.chunks.filter((chunk) => !baseline.chunks.includes(chunk));
    const ownSizes = await Promise.all(own.map((chunk) => chunkSize(argBaseUrl, chunk)));
    console.log(`\nChunks on ${result.path} that ${baseline.path} doesn't load: ${own.length}, ${kB(ownSizes.reduce((sum, s) => sum + s.gzip, 0))} gzip`);
  }
}

const isMain = process.argv[1]?.endsWith("bench-js.ts");
if (isMain) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
