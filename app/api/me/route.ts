// GET /api/me[?lesson=<id>|?catalog=1|?quiz=<id>[&assignment=<id>]] - the per-reader parts of shared
// (cached) pages: who is signed in, the header's due-review count, and for a lesson the reader's own
// progress and saved level, for the catalog their progress, next steps and private lessons, for a
// quiz's start page their assignment and attempts.
// Shared pages are the same bytes for everyone (docs/SECURITY.md "Cached pages"); this is the
// one small request that personalizes them. Never cached anywhere: it answers for the cookie sent.
import { getSessionUser } from "@/lib/data/session";
import { slugSchema } from "@/lib/content/schema";
import { getMyCatalog } from "@/lib/data/my-catalog";
import { getMyQuizStart } from "@/lib/data/my-quiz-start";
import { countDueReviews } from "@/lib/data/review";
import { getOwnLessonState } from "@/lib/data/reading-progress";
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
  const lessonParam = params.get("lesson");
  const lessonId = lessonParam !== null && slugSchema.safeParse(lessonParam).success ? lessonParam : null;
  const quizId = idParam(params, "quiz");
  const learner = user.role === "learner" || user.role === "student";
  // A one-time-password holder may only change it: nothing else of theirs is read (lib/data/session.ts).
  const full = !user.mustChangePassword;
  const [dueReviews, lessonState, catalog, quiz] = await Promise.all([
    learner && full ? countDueReviews() : 0,
    lessonId && full ? getOwnLessonState(lessonId) : null,
    params.get("catalog") === "1" && full && user.role !== "teacher" ? getMyCatalog() : null,
    quizId && full ? getMyQuizStart(quizId, idParam(params, "assignment") ?? undefined, { lenient: true }) : null,
  ]);
  const body: Viewer = {
    user: { name: user.name, username: user.username, role: user.role, dueReviews, mustChangePassword: user.mustChangePassword === true },
    lesson: lessonId ? (lessonState ?? { readingLevel: null, progress: null }) : null,
    catalog,
    quiz,
  };
  return Response.json(body, { headers: PRIVATE });
}
