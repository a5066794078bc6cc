/**
 * Front-door jobs for every request but static files:
 * 1. a per-request CSP nonce (lib/security/csp.ts), passed to Next on the
 *    request headers so it stamps its scripts, and sent as the response's policy;
 * 2. refuse oversized POST bodies with a clear 413 before they are parsed
 *    (pages, server actions and next-auth; the other API routes limit their own);
 * 3. redirect signed-out visitors away from account-only pages.
 * None of this is an authorization boundary: every page and action still
 * authorizes in the data-access layer (lib/data).
 */
import { NextResponse, type NextRequest } from "next/server";
import { MAX_REQUEST_BYTES } from "./lib/limits";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, createNonce } from "./lib/security/csp";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PROTECTED = /^\/(account|classes|progress|review|import|assignments)(\/|$)/;

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

export function proxy(request: NextRequest) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (request.method === "POST" && length > MAX_REQUEST_BYTES) {
    return new NextResponse(`Request too large: the limit is ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`, { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { pathname, search } = request.nextUrl;
  if (PROTECTED.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything except build assets, and JSON API routes other than next-auth's. Those API routes
  // return no HTML (next.config.mjs gives them a static deny-all CSP) and read their bodies through
  // lib/http.ts readJsonBody with a size limit, and skipping the proxy spares every quiz
  // submission the cost of running it and buffering the body (docs/BENCHMARKS.md).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fonts/|api/(?!auth/)).*)"],
};
