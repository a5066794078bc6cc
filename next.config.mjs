import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */

// Static security headers for every response. The Content-Security-Policy is
// not here: proxy.ts sends a nonce-based one per request (lib/security/csp.ts).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig = {
  // Separate build folders let several checkouts' test runs share one machine (see scripts/start.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Benchmark-only routes are named *.bench.tsx / *.bench.ts and exist only in builds made with BENCH_ROUTES=1
  // (`npm run bench`, in its own build folder); the shipped build has no such routes at all.
  pageExtensions: process.env.BENCH_ROUTES === "1" ? ["tsx", "ts", "bench.tsx", "bench.ts"] : ["tsx", "ts"],
  poweredByHeader: false,
  // Shared pages (lessons, about, privacy) are cached in this process's memory only, each with a
  // script-hash CSP made from its own HTML: see lib/cache/page-cache-handler.cjs and docs/SECURITY.md.
  cacheHandler: fileURLToPath(new URL("./lib/cache/page-cache-handler.cjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  reactStrictMode: true,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "wink-nlp", "wink-eng-lite-web-model", "pdfjs-dist", "mammoth", "request-filtering-agent"],
  experimental: {
    // Article imports accept up to 2 MB of text; leave room for form encoding.
    serverActions: { bodySizeLimit: "3mb" },
  },
  // A guest's `/` (no session cookie at all) goes to the shared catalog here rather than in proxy.ts:
  // a rewrite made by the proxy cost about 1 ms more per request, which made `/` cost 40 % more
  // than the same page asked for directly (docs/BENCHMARKS.md). Requests with a session cookie are
  // rewritten by proxy.ts, which opens the cookie (member catalog, a teacher's /today, or this
  // same page when the cookie doesn't open).
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/",
          missing: [
            { type: "cookie", key: "authjs.session-token" },
            { type: "cookie", key: "__Secure-authjs.session-token" },
          ],
          destination: "/home/everyone",
        },
      ],
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON API routes skip proxy.ts (no per-request nonce needed): they never serve a document to run anything in.
      { source: "/api/:path((?!auth/).*)", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }] },
    ];
  },
};

export default nextConfig;
