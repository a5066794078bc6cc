// GET /api/me[?lesson=<id>] - the per-reader parts of shared (cached) pages: who is signed in, the
// header's due-review count, and for a lesson the reader's own progress and saved level.
// Shared pages are the same bytes for everyone (docs/SECURITY.md "Cached pages"); this is the
// one small request that personalizes them. Never cached anywhere: it answers for the cookie sent.
import { getSessionUser } from "@/lib/data/session";
import { slugSchema } from "@/lib/content/schema";
import { countDueReviews } from "@/lib/data/review";
import { getOwnReadingLevel, getOwnReadingProgress } from "@/lib/data/reading-progress";
import type { Viewer } from "@/lib/viewer";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", Vary: "Cookie" };

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.json({ user: null, lesson: null } satisfies Viewer, { headers: PRIVATE });
  const lessonParam = new URL(request.url).searchParams.get("lesson");
  const lessonId = lessonParam !== null && slugSchema.safeParse(lessonParam).success ? lessonParam : null;
  const learner = user.role === "learner" || user.role === "student";
  const [dueReviews, progress, readingLevel] = await Promise.all([
    learner ? countDueReviews() : 0,
    lessonId ? getOwnReadingProgress(lessonId) : null,
    lessonId ? getOwnReadingLevel() : null,
  ]);
  const body: Viewer = {
    user: { name: user.name, username: user.username, role: user.role, dueReviews, mustChangePassword: user.mustChangePassword === true },
    lesson: lessonId ? { readingLevel, progress: progress ? { sectionsRead: progress.sectionsRead, lastAnchor: progress.lastAnchor, completed: progress.completedAt !== null } : null } : null,
  };
  return Response.json(body, { headers: PRIVATE });
}
