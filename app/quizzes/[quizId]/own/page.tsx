import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getSessionUser } from "@/lib/data/session";
import { getMyQuizStart } from "@/lib/data/my-quiz-start";
import { orNotFound } from "@/lib/pages";
import { getPublicQuiz, getQuizSummary } from "@/lib/data/quizzes";
import { getQuizTeacherTools } from "@/lib/data/quiz-export";
import { originFromHeaders } from "@/lib/interop/share";
import { isAppError } from "@/lib/errors";
import { GuestTaker } from "../../ui/guest-taker";
import { QuizHeader } from "../quiz-header";
import { QuizStartPanel } from "../quiz-start-panel";
import { QuizTeacherToolsPanel } from "../teacher-tools";

/**
 * A quiz's start page rendered per request with the reader's own visibility: for a quiz only
 * some readers may see (an imported one: its teacher and the classes it is assigned to; 404 for
 * anyone else), and for teachers, whose page carries their export and share tools (proxy.ts
 * rewrites a teacher's /quizzes/<id> here). Everyone else reads the shared page, ../page.tsx.
 */
type Props = { params: Promise<{ quizId: string }>; searchParams: Promise<{ assignment?: string | string[] }> };

export const dynamic = "force-dynamic";

async function summaryOrNotFound(quizId: string) {
  try {
    return await getQuizSummary(quizId);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { quizId } = await params;
  const quiz = await summaryOrNotFound(quizId);
  return { title: quiz.title };
}

export default async function OwnQuizPage({ params, searchParams }: Props) {
  const { quizId } = await params;
  const quiz = await summaryOrNotFound(quizId);
  const user = await getSessionUser();
  const assignmentParam = (await searchParams).assignment;
  const assignmentId = typeof assignmentParam === "string" ? assignmentParam : undefined;

  if (!user) {
    const { questions } = await getPublicQuiz(quizId);
    return (
      <div className="mx-auto max-w-3xl space-y-8">
        <QuizHeader quiz={quiz} />
        <GuestTaker quizId={quiz.id} quizTitle={quiz.title} questions={questions} />
      </div>
    );
  }

  // A student whose class has this quiz assigned takes it as the assignment, wherever they came from.
  const start = await orNotFound(getMyQuizStart(quizId, assignmentId));
  const teacherTools = user.role === "teacher" ? await getQuizTeacherTools(quizId) : null;
  const origin = teacherTools ? originFromHeaders(await headers()) : "";
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <QuizHeader quiz={quiz} />
      <QuizStartPanel quizId={quiz.id} start={start} />
      {teacherTools ? <QuizTeacherToolsPanel quizId={quiz.id} quizTitle={quiz.title} origin={origin} tools={teacherTools} /> : null}
    </div>
  );
}
