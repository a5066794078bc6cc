import Link from "next/link";
import type { QuizSummary } from "@/lib/data/quizzes";

export function QuizHeader({ quiz }: { quiz: QuizSummary }) {
  return (
    <div>
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">Quiz</p>
      <h1 className="page-title mt-1">{quiz.title}</h1>
      <p className="muted mt-2 max-w-3xl">{quiz.description}</p>
      <p className="mt-2 text-sm muted">
        {quiz.questionCount} questions · based on the lesson <Link href={`/lessons/${encodeURIComponent(quiz.lessonId)}`}>{quiz.lessonTitle}</Link>
      </p>
    </div>
  );
}
