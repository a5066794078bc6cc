import type { Metadata } from "next";
import { PaperQuestion } from "@/app/ui/print/quiz-paper";
import { PrintToolbar } from "@/app/ui/print/print-toolbar";
import { getPublicQuiz } from "@/lib/data/quizzes";
import { pageRule, parsePaper } from "@/lib/interop/paper";
import { orNotFound } from "@/lib/pages";

type Props = { params: Promise<{ quizId: string }>; searchParams: Promise<{ paper?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { quiz } = await orNotFound(getPublicQuiz((await params).quizId));
  return { title: `${quiz.title} (print)` };
}

/** The student copy: anyone who may take the quiz may print it; it holds no answers. */
export default async function QuizPrintPage({ params, searchParams }: Props) {
  const { quizId } = await params;
  const paper = parsePaper((await searchParams).paper);
  const { quiz, questions } = await orNotFound(getPublicQuiz(quizId));
  const base = `/quizzes/${encodeURIComponent(quiz.id)}`;
  return (
    <div>
      <style>{pageRule(paper)}</style>
      <PrintToolbar basePath={`${base}/print`} paper={paper} backHref={base} backLabel="Back to the quiz" />
      <article className="paper-sheet" data-paper-sheet>
        <h1>{quiz.title}</h1>
        <p className="mt-1 text-sm">Based on the lesson &ldquo;{quiz.lessonTitle}&rdquo; · {questions.length} questions</p>
        <p className="paper-name-line">
          <span>
            Name <span className="paper-fill" />
          </span>
          <span>
            Date <span className="paper-fill" />
          </span>
        </p>
        <ol className="paper-questions">
          {questions.map((question, index) => (
            <PaperQuestion key={question.questionId} question={question} number={index + 1} />
          ))}
        </ol>
      </article>
    </div>
  );
}
