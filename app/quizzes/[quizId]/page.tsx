import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { slugSchema } from "@/lib/content/schema";
import { getPublicQuiz } from "@/lib/data/quizzes";
import { isAppError } from "@/lib/errors";
import { QuizHeader } from "./quiz-header";
import { SharedQuizStart } from "./quiz-start-panel";

/**
 * A quiz's start page, the same for every reader: rendered on first request and cached until
 * content changes (docs/ARCHITECTURE.md "Cached pages"). It reads no cookie, header or query:
 * the reader's assignment (`?assignment=` is read in the browser), attempts and start buttons
 * come from GET /api/me?quiz=<id> through a client island; a guest takes the quiz here with
 * the public side of the questions (never a key: the server grades).
 * Teachers (their export and share tools) are rewritten by proxy.ts to /quizzes/<id>/own, and a
 * quiz only some readers may see (an imported one) redirects there: rendered per request with
 * the reader's own visibility, a 404 for anyone else.
 */
type Props = { params: Promise<{ quizId: string }> };

export const revalidate = false;
// Built on first request, never at build time: the build may run against another database.
export async function generateStaticParams() {
  return [];
}

async function loadQuiz({ params }: Props) {
  const { quizId } = await params;
  if (!slugSchema.safeParse(quizId).success) notFound();
  try {
    return await getPublicQuiz(quizId, "everyone");
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") redirect(`/quizzes/${quizId}/own`);
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { quiz } = await loadQuiz(props);
  return { title: quiz.title };
}

export default async function SharedQuizPage(props: Props) {
  const { quiz, questions } = await loadQuiz(props);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <QuizHeader quiz={quiz} />
      <SharedQuizStart quizId={quiz.id} quizTitle={quiz.title} questions={questions} />
    </div>
  );
}
