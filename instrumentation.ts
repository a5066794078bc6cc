/** Runs once when a Next.js server process starts (https://nextjs.org/docs/app/guides/instrumentation). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installClientAddress } = await import("./lib/security/client-address");
    installClientAddress();
    // Cached pages made stale on another app server are dropped here too (lib/cache/page-cache-handler.cjs).
    const { installInvalidationReader } = await import("./lib/data/cache-invalidation-reader");
    installInvalidationReader();
    // GET /api/me for a lesson view, answered by proxy.ts before Next's routing (lib/data/viewer-answer.ts).
    const { installViewerAnswer } = await import("./lib/data/viewer-answer");
    installViewerAnswer();
    // POST /api/attempts/<id>/submit from a signed-in student, answered by proxy.ts with the route's own function.
    const { installSubmitAnswer } = await import("./app/api/attempts/[attemptId]/submit/answer");
    installSubmitAnswer();
    // A cached page's HTML is written to the socket as bytes, not as a string (lib/server-response.ts).
    const { installBufferedEnd } = await import("./lib/server-response");
    installBufferedEnd();
  }
}
