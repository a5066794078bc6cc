/**
 * Front-door jobs for every request but static files:
 * 1. refuse malformed requests with a clear 4xx before Next parses them: a path
 *    that isn't valid percent-encoding (400), an oversized POST body (413), a
 *    page POST (server action) without a length (411), from another site or
 *    with an Origin that isn't a URL (403/400), or whose action payload isn't
 *    well-formed (400; lib/security/action-body.ts);
 * 2. a per-request CSP nonce (lib/security/csp.ts), passed to Next on the
 *    request headers so it stamps its scripts, and sent as the response's policy;
 *    except on shared pages (SHARED below), which are cached for every reader and
 *    carry a policy with their inline scripts' hashes (lib/cache/page-cache-handler.cjs),
 *    and `/lessons/<slug>?level=<n>` is rewritten to `/lessons/<slug>/level/<n>` so
 *    the level is part of the cached path rather than a dynamic query (without `?level=`, the
 *    reader's remembered level from its cookie, at `/level/p<n>`), `/` to the shared
 *    catalog's route, and a teacher's `/` and `/quizzes/<id>` to their per-request pages;
 * 3. redirect signed-out visitors away from account-only pages, and someone
 *    signed in with a one-time password to /account/password until they change it;
 * 4. move a session cookie made with a previous AUTH_SECRET to the current one
 *    (lib/auth/session-cookie.ts);
 * 5. answer `GET /api/me[?lesson=<id>|?catalog=1|?quiz=<id>[&assignment=<id>]]`, the per-reader
 *    request of a shared page, with the app's own answer (lib/data/viewer-answer.ts: token version
 *    checked, then the DAL's own functions as that user) from the session cookie decrypted here
 *    anyway, before Next's routing, and send it with a signed-in document load of the page;
 *    likewise a signed-in quiz submission (`POST /api/attempts/<id>/submit`) with the route's own function.
 * None of this is an authorization boundary: every page and action still
 * authorizes in the data-access layer (lib/data).
 */
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES, readSessionCookie, type SessionCookie } from "./lib/auth/session-cookie";
import { getAuthSecrets } from "./lib/env";
import { MAX_REQUEST_BYTES } from "./lib/limits";
import { checkActionBody } from "./lib/security/action-body";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, createNonce } from "./lib/security/csp";
import { checkSameOrigin } from "./lib/security/origin";
import { SUBMIT_ANSWER_KEY, SUBMIT_PATH, type SubmitAnswer } from "./lib/proxy-answers";
import { parseLevelParam } from "./lib/reading/levels";
import { LEVEL_COOKIE, PREFERRED_LEVEL_PREFIX } from "./lib/reading/level-cookie";
import { VIEWER_ANSWER_KEY, VIEWER_COOKIE, VIEWER_COOKIE_MAX_AGE_SECONDS, VIEWER_COOKIE_MAX_BYTES, type ViewerAnswer, viewerQueryOf, viewerUrl } from "./lib/viewer";

/**
 * Pages that are the same for every reader and cached (docs/ARCHITECTURE.md "Cached pages").
 * Their policy comes with the cached entry; a nonce here would be one the page never saw.
 */
const SHARED = /^\/(?:about|privacy|home\/(?:everyone|member)|lessons\/[a-z0-9-]+(?:\/level\/[^/]+)?|quizzes\/[a-z0-9-]+)\/?$/;
const LESSON = /^\/lessons\/([a-z0-9-]+)\/?$/;
const QUIZ = /^\/quizzes\/([a-z0-9-]+)\/?$/;
/** The shared catalog's route: `/` is rewritten there (a dynamic segment, so nothing is rendered at build time). */
const CATALOG = "/home/everyone";
/**
 * The same catalog without the guest sign-up calls, for a request whose session cookie opens with
 * AUTH_SECRET: shared by every signed-in student and self-learner, never per user. The cookie only
 * picks the variant (a revoked session still opens; the page then shows the guest parts once
 * /api/me says so); it grants nothing, since the page holds nothing a guest can't read.
 */
const MEMBER_CATALOG = "/home/member";

const PROTECTED = /^\/(account|classes|progress|review|import|assignments)(\/|$)/;
/** Where someone with a one-time password may go: the page to change it, and next-auth's own routes (sign-out). */
const CHANGE_PASSWORD_PATH = "/account/password";
const OPEN_DURING_PASSWORD_CHANGE = /^\/(account\/password|api\/auth)(\/|$)/;

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

function refuse(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function validPercentEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The checks every state-changing request to a page (a server action, or a form posted without JavaScript) must pass. */
async function refusePagePost(request: NextRequest): Promise<NextResponse | null> {
  const origin = checkSameOrigin(request.headers);
  if (origin === "malformed") return refuse(400, "The request's Origin header is not a URL.");
  if (origin !== "same-origin") return refuse(403, "This request must come from the Civics Lab page itself.");
  if (request.headers.get("content-length") === null) return refuse(411, "The request must say how long its body is (Content-Length).");
  const problem = await checkActionBody(request.clone());
  return problem ? refuse(400, `The request was not understood: ${problem}. Nothing was saved.`) : null;
}

/** next-auth's own routes carry its CSRF token; a browser that says the request came from elsewhere is still refused. */
function refuseCrossSiteAuthPost(request: NextRequest): NextResponse | null {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return refuse(403, "This request must come from the Civics Lab page itself.");
  if (!request.headers.get("origin")) return null;
  const origin = checkSameOrigin(request.headers);
  if (origin === "malformed") return refuse(400, "The request's Origin header is not a URL.");
  return origin === "same-origin" ? null : refuse(403, "This request must come from the Civics Lab page itself.");
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!validPercentEncoding(pathname)) return refuse(400, "That address isn't valid: it has a stray or broken %-escape.");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (request.method === "POST" && length > MAX_REQUEST_BYTES) {
    return refuse(413, `Request too large: the limit is ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`);
  }
  const isAuthRoute = pathname.startsWith("/api/auth/");
  const isRead = request.method === "GET" || request.method === "HEAD";
  const isMe = pathname === ME && isRead;
  const submission = request.method === "POST" ? SUBMIT_PATH.exec(pathname) : null;
  if (submission) return answerSubmission(request, submission[1]!);
  // Other API routes come here only for the %-check above; they check their own origin and bodies (lib/http.ts).
  if (pathname.startsWith("/api/") && !isAuthRoute && !isMe) return NextResponse.next();
  if (request.method !== "GET" && request.method !== "HEAD") {
    const refused = isAuthRoute ? refuseCrossSiteAuthPost(request) : await refusePagePost(request);
    if (refused) return refused;
  }

  const hasSessionCookie = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (PROTECTED.test(pathname) && !hasSessionCookie) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  let session: SessionCookie | null = null;
  if (hasSessionCookie) {
    try {
      session = await readSessionCookie((name) => request.cookies.get(name)?.value, getAuthSecrets());
    } catch {
      session = null;
    }
  }
  if (isMe) return answerMe(request, session);

  // Pages only: a server action refused for the same reason redirects there itself (lib/actions.ts).
  if (session?.token.mcp && (request.method === "GET" || request.method === "HEAD") && !OPEN_DURING_PASSWORD_CHANGE.test(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = CHANGE_PASSWORD_PATH;
    url.search = "";
    return withReissuedCookie(NextResponse.redirect(url), session);
  }

  if (isAuthRoute) return withReissuedCookie(NextResponse.next(), session);

  const lesson = LESSON.exec(pathname);
  const level = lesson ? parseLevelParam(request.nextUrl.searchParams.get("level") ?? undefined) : undefined;
  // No `?level=`: the level the reader chose before, from its cookie (lib/reading/level-cookie.ts), is served at once.
  const preferred = lesson && level === undefined && !request.nextUrl.searchParams.has("level") ? parseLevelParam(request.cookies.get(LEVEL_COOKIE)?.value) : undefined;
  // Page loads only: a server action posted from that page runs the same wherever it lands, and Next refuses
  // (403) an action whose request was rewritten to another path.
  const levelPath = !isRead || !lesson ? null : level !== undefined ? `/lessons/${lesson[1]}/level/${level}` : preferred !== undefined ? `/lessons/${lesson[1]}/level/${PREFERRED_LEVEL_PREFIX}${preferred}` : null;
  // A teacher's home and quiz pages carry their own dashboard and export tools: rendered per request
  // (the token's role only picks the route; those pages check the user themselves). Everyone else
  // reads the shared catalog and quiz pages.
  const teacher = session?.token.role === "teacher";
  const quiz = isRead ? QUIZ.exec(pathname) : null;
  // A guest's `/` (no session cookie) is rewritten to the shared catalog by next.config.mjs, which costs less than a rewrite here.
  const guestHome = isRead && pathname === "/" && !hasSessionCookie;
  const home = isRead && pathname === "/" && !guestHome ? (teacher ? "/today" : session ? MEMBER_CATALOG : CATALOG) : null;
  const target = levelPath ?? home ?? (quiz && teacher ? `/quizzes/${quiz[1]}/own` : null);
  const rewriteTo = target ? withPath(request, target, target !== levelPath) : null;
  // `next dev` renders every page per request, so there the nonce policy covers shared pages too.
  if (process.env.NODE_ENV === "production" && isRead && (guestHome || SHARED.test(target ?? pathname))) {
    // A request Next makes itself to render a server action's redirect target carries the action's
    // nonce headers; dropped, so a shared page first rendered that way isn't stored with that nonce.
    const inherited = request.headers.has("x-nonce") || request.headers.has("content-security-policy");
    const headers = inherited ? withoutNonce(request.headers) : undefined;
    const response = rewriteTo ? NextResponse.rewrite(rewriteTo, headers && { request: { headers } }) : NextResponse.next(headers && { request: { headers } });
    if (isHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    // Which variant (and answer) a signed-in reader got depends on their cookie: no shared HTTP cache may keep it.
    if (session) response.headers.set("Cache-Control", "private, no-store");
    if (session && request.method === "GET") await sendAnswerWithPage(request, response, session);
    return withReissuedCookie(dropLeftoverAnswer(request, response), session);
  }

  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const reissued = session?.reissued;
  if (session && reissued) {
    // This request's own pages read the new cookie too.
    const name = session.name;
    const cookies = request.cookies.getAll().map((c) => `${c.name}=${c.name === name ? reissued.value : c.value}`);
    requestHeaders.set("cookie", cookies.join("; "));
  }
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, { request: { headers: requestHeaders } }) : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return withReissuedCookie(dropLeftoverAnswer(request, response), session);
}

const ME = "/api/me";
/** What next.config.mjs gives every JSON API route (a response proxy.ts makes doesn't get those). */
const API_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};
const ME_HEADERS = { "Cache-Control": "private, no-store", Vary: "Cookie", ...API_HEADERS };

/**
 * `POST /api/attempts/<id>/submit` from a signed-in student: answered here by the route's own function
 * (app/api/attempts/[attemptId]/submit/answer.ts, installed by instrumentation.ts), which checks the
 * token's version against the database, then the origin, the body and the attempt exactly as the route
 * does. Without a session cookie that opens, without the function (`next dev`), or when the token no
 * longer holds, the route answers (the body is read only once this answers).
 */
async function answerSubmission(request: NextRequest, attemptId: string): Promise<NextResponse> {
  const answer = (globalThis as Record<symbol, unknown>)[Symbol.for(SUBMIT_ANSWER_KEY)] as SubmitAnswer | undefined;
  if (!answer) return NextResponse.next();
  let session: SessionCookie | null = null;
  try {
    session = await readSessionCookie((name) => request.cookies.get(name)?.value, getAuthSecrets());
  } catch {
    session = null;
  }
  if (!session) return NextResponse.next();
  let response: Response | null;
  try {
    response = await answer(session.token, request, attemptId);
  } catch (error) {
    // Only the token check can throw (the answer maps its own errors to JSON), before anything was read or written.
    console.error("[proxy] answering a submission failed; the route answers instead", error);
    return NextResponse.next();
  }
  if (!response) return NextResponse.next();
  const answered = new NextResponse(response.body, { status: response.status, headers: response.headers });
  for (const [name, value] of Object.entries(API_HEADERS)) answered.headers.set(name, value);
  return withReissuedCookie(answered, session);
}

/**
 * `GET /api/me` with the route's query (lesson, catalog, quiz, assignment): answered here by the
 * app's own function when the server installed it (instrumentation.ts), which checks the token's
 * version against the database before reading anything; any other query, `next dev` without it, or
 * a failure go on to app/api/me/route.ts, which gives the same answer the slower way.
 */
async function answerMe(request: NextRequest, session: SessionCookie | null): Promise<NextResponse> {
  const answer = (globalThis as Record<symbol, unknown>)[Symbol.for(VIEWER_ANSWER_KEY)] as ViewerAnswer | undefined;
  const params = request.nextUrl.searchParams;
  const query = viewerQueryOf(params);
  if (!answer || !query) return NextResponse.next();
  try {
    const body = await answer(session?.token ?? null, query);
    return withReissuedCookie(NextResponse.json(body, { headers: ME_HEADERS }), session);
  } catch (error) {
    console.error("[proxy] answering /api/me failed; the route answers instead", error);
    return NextResponse.next();
  }
}

/** The `/api/me` URL a shared page's islands ask (lib/viewer.ts `viewerUrl`), for the pages whose answer is sent with them. */
function viewerUrlOf(pathname: string, search: string): string | null {
  if (LESSON.test(pathname) || QUIZ.test(pathname) || pathname === "/") return viewerUrl(pathname, search);
  return pathname === "/about" || pathname === "/privacy" ? ME : null;
}

/**
 * A signed-in reader's document load of a shared page (a lesson, the catalog, a quiz's start page,
 * /about, /privacy): the `/api/me` answer
 * goes with the page in a cookie (lib/viewer.ts VIEWER_COOKIE) instead of a second request. Only on
 * this one response, never in the cached body (the caller marks a signed-in response private, so no
 * shared HTTP cache keeps it with the cookie). Not for prefetches or client-side navigations (RSC requests), whose
 * islands ask /api/me, and on any failure the page's islands ask /api/me as before.
 */
async function sendAnswerWithPage(request: NextRequest, response: NextResponse, session: SessionCookie): Promise<void> {
  const answer = (globalThis as Record<symbol, unknown>)[Symbol.for(VIEWER_ANSWER_KEY)] as ViewerAnswer | undefined;
  const url = viewerUrlOf(request.nextUrl.pathname, request.nextUrl.search);
  const destination = request.headers.get("sec-fetch-dest");
  if (!answer || !url || request.headers.has("rsc") || request.headers.has("next-router-prefetch") || (destination !== null && destination !== "document")) return;
  try {
    const viewer = await answer(session.token, viewerQueryOf(new URL(url, request.nextUrl).searchParams)!);
    const value = JSON.stringify({ for: url, viewer });
    // Browsers keep a cookie of up to about 4 kB: a larger answer (a catalog with many private lessons) is left to the islands' /api/me.
    if (encodeURIComponent(value).length > VIEWER_COOKIE_MAX_BYTES) return;
    // The cookie store URI-encodes the value (app/ui/use-viewer.ts decodes it).
    response.cookies.set(VIEWER_COOKIE, value, { path: "/", sameSite: "strict", secure: isHttps(request), maxAge: VIEWER_COOKIE_MAX_AGE_SECONDS });
  } catch (error) {
    console.error("[proxy] the page's /api/me answer failed; its islands will ask", error);
  }
}

/**
 * An answer cookie still in the browser (its page never ran its script to take it) is deleted by
 * the next document load that doesn't bring a new one, so it can't show on a later page, e.g. after
 * signing out on a shared computer. Only a document load: the page that was just sent its answer
 * starts prefetching links (RSC requests) while it hydrates, and one of those answering first would
 * delete the cookie before the page's own script takes it (it did, now and then, in e2e runs).
 */
function dropLeftoverAnswer(request: NextRequest, response: NextResponse): NextResponse {
  const documentLoad = request.headers.get("sec-fetch-dest") === "document" && !request.headers.has("rsc") && !request.headers.has("next-router-prefetch");
  if (documentLoad && request.cookies.has(VIEWER_COOKIE) && !response.cookies.get(VIEWER_COOKIE)) privateCookie(response).cookies.set(VIEWER_COOKIE, "", { path: "/", maxAge: 0 });
  return response;
}

/**
 * A response that sets a cookie is never for a shared cache. Next serves a cached page
 * (`s-maxage`) for paths SHARED doesn't name too (a %-escaped `/lessons/…`, `/abou%74`), and it keeps
 * the proxy's Cache-Control over its own, so without this a re-issued session cookie went out on a
 * response any shared cache could keep and hand to the next visitor.
 */
function privateCookie(response: NextResponse): NextResponse {
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

function withoutNonce(source: Headers): Headers {
  const headers = new Headers(source);
  headers.delete("x-nonce");
  headers.delete("content-security-policy");
  return headers;
}

/** The same request at another path; the query is kept (the shared pages don't read it, their islands do). */
function withPath(request: NextRequest, pathname: string, keepSearch = true): URL {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  if (!keepSearch) url.search = "";
  return url;
}

function withReissuedCookie(response: NextResponse, session: SessionCookie | null): NextResponse {
  if (session?.reissued) {
    privateCookie(response).cookies.set(session.name, session.reissued.value, { httpOnly: true, sameSite: "lax", path: "/", secure: session.reissued.secure, maxAge: session.reissued.maxAgeSeconds });
  }
  return response;
}

export const config = {
  // Everything except build assets, and JSON API routes other than next-auth's. Those API routes
  // return no HTML (next.config.mjs gives them a static deny-all CSP) and read their bodies through
  // lib/http.ts readJsonBody with a size limit, and skipping the proxy spares every quiz
  // submission the cost of running it and buffering the body (docs/BENCHMARKS.md).
  // The second entry brings back any API path with a %-escape in it, so a broken one gets a 400 here.
  // The third is GET /api/me, answered here (answerMe above), the fourth a quiz submission (answerSubmission).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fonts/|api/(?!auth/)).*)", "/api/:rest((?:.*)%(?:.*))", "/api/me", "/api/attempts/:attemptId/submit"],
};
