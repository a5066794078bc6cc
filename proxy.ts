/**
 * Two cheap front-door jobs, neither of them a security boundary:
 * 1. refuse oversized POST bodies with a clear 413 before they are parsed;
 * 2. redirect signed-out visitors away from account-only pages.
 * Every page and action still authorizes in the data-access layer (lib/data).
 */
import { NextResponse, type NextRequest } from "next/server";
import { MAX_REQUEST_BYTES } from "./lib/limits";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PROTECTED = /^\/(account|classes|progress|review|import|assignments)(\/|$)/;

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
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/account/:path*",
    "/classes/:path*",
    "/progress/:path*",
    "/review/:path*",
    "/import/:path*",
    "/assignments/:path*",
    // Any server action or API POST, so oversized bodies are refused early.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    "/api/:path*",
  ],
};
