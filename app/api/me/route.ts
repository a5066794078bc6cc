// GET /api/me[?lesson=<id>|?catalog=1|?quiz=<id>[&assignment=<id>]] - the per-reader parts of shared
// (cached) pages: who is signed in, the header's due-review count, and for a lesson the reader's own
// progress and saved level, for the catalog their progress, next steps and private lessons, for a
// quiz's start page their assignment and attempts.
// Shared pages are the same bytes for everyone (docs/SECURITY.md "Cached pages"); this is the
// one small request that personalizes them. Never cached anywhere: it answers for the cookie sent.
// proxy.ts usually answers first with the same function (lib/data/viewer-answer.ts); this route
// answers when it doesn't (`next dev`, a query it doesn't know, a failure there).
import { getSessionUser } from "@/lib/data/session";
import { viewerFor } from "@/lib/data/viewer-answer";
import type { Viewer } from "@/lib/viewer";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", Vary: "Cookie" };
const ID = /^[A-Za-z0-9_-]{1,100}$/;

function idParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value !== null && ID.test(value) ? value : null;
}

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.json({ user: null, lesson: null } satisfies Viewer, { headers: PRIVATE });
  const params = new URL(request.url).searchParams;
  const answer = await viewerFor(user, { lesson: params.get("lesson"), catalog: params.get("catalog") === "1", quiz: idParam(params, "quiz"), assignment: idParam(params, "assignment") });
  return Response.json({ catalog: null, quiz: null, ...answer } satisfies Viewer, { headers: PRIVATE });
}
