import type { Metadata } from "next";
import Link from "next/link";
import { listVisibleQuizzes } from "@/lib/data/quizzes";

export const metadata: Metadata = { title: "Quizzes" };

export default async function QuizzesPage() {
  const quizzes = await listVisibleQuizzes();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="page-title">Quizzes</h1>
        <p className="muted mt-2 max-w-2xl">One quiz per lesson. Practice with instant feedback, or take it as a test and see everything at the end. Every answer links to the sentence in the text that proves it.</p>
      </div>
      {quizzes.length === 0 ? (
        <p className="muted">No quizzes yet.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {quizzes.map((quiz) => (
            <li key={quiz.id} className="card flex flex-col">
              <h2 className="text-lg font-semibold leading-snug">
                <Link href={`/quizzes/${quiz.id}`} className="text-stone-900 dark:text-stone-50">
                  {quiz.title}
                </Link>
              </h2>
              <p className="mt-2 flex-1 text-sm muted">{quiz.description}</p>
              <p className="mt-4 text-xs muted">
                {quiz.questionCount} questions · lesson: {quiz.lessonTitle}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
