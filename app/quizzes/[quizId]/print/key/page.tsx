import type { Metadata } from "next";
import { PrintToolbar } from "@/app/ui/print/print-toolbar";
import { requirePageUser } from "@/lib/data/session";
import { getPrintableAnswerKey } from "@/lib/data/quiz-export";
import { pageRule, parsePaper } from "@/lib/interop/paper";
import { orNotFound } from "@/lib/pages";

type Props = { params: Promise<{ quizId: string }>; searchParams: Promise<{ paper?: string | string[] }> };

export const metadata: Metadata = { title: "Answer key (print)" };

/** The answer key with evidence: teachers only, for quizzes they may assign (the DAL checks). */
export default async function AnswerKeyPrintPage({ params, searchParams }: Props) {
  const { quizId } = await params;
  await requirePageUser(`/quizzes/${encodeURIComponent(quizId)}/print/key`, ["teacher"]);
  const paper = parsePaper((await searchParams).paper);
  const { quiz, items } = await orNotFound(getPrintableAnswerKey(quizId));
  const base = `/quizzes/${encodeURIComponent(quiz.id)}`;
  return (
    <div>
      <style>{pageRule(paper)}</style>
      <PrintToolbar basePath={`${base}/print/key`} paper={paper} backHref={base} backLabel="Back to the quiz" />
      <article className="paper-sheet" data-paper-sheet>
        <p className="text-sm font-semibold uppercase tracking-wide">Answer key · teacher copy</p>
        <h1>{quiz.title}</h1>
        <p className="mt-1 text-sm">Evidence is quoted from the lesson &ldquo;{quiz.lessonTitle}&rdquo; (paragraph numbers as in the reader).</p>
        <ol className="paper-questions">
          {items.map((item) => (
            <li key={item.id} className="paper-key-item">
              <p>
                <span className="font-bold">{item.number}.</span> {item.prompt}
              </p>
              <p className="mt-1">
                <span className="font-semibold">Answer: </span>
                {item.answer.length > 1 ? (
                  <span className="block pl-4">
                    {item.answer.map((line) => (
                      <span key={line} className="block">
                        {line}
                      </span>
                    ))}
                  </span>
                ) : (
                  item.answer[0]
                )}
              </p>
              {item.explanation ? <p className="mt-1 text-sm">{item.explanation}</p> : null}
              {item.evidence.sentence ? (
                <blockquote className="paper-evidence">
                  {item.evidence.paragraph ? <span className="not-italic font-semibold">¶{item.evidence.paragraph}: </span> : null}
                  {item.evidence.sentence}
                </blockquote>
              ) : null}
            </li>
          ))}
        </ol>
      </article>
    </div>
  );
}
