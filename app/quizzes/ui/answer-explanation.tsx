import Link from "next/link";
import type { EvidenceLink } from "@/lib/data/quizzes";

/**
 * What a graded answer teaches: feedback on the choice made, why the right
 * answer is right, and every paragraph of the lesson the answer rests on.
 * Shared by the practice "Check answer" box, the review card and the results
 * list. Renders siblings; the caller's container sets the spacing and text size.
 */
export function AnswerExplanation({
  feedback,
  explanation,
  evidence,
  questionNumber,
}: {
  feedback: string[];
  explanation: string;
  /** Empty when the lesson can no longer be opened: no links then. */
  evidence: readonly EvidenceLink[];
  /** Names the question in the links for screen readers when a page lists several. */
  questionNumber?: number;
}) {
  const forQuestion = questionNumber === undefined ? null : <span className="sr-only"> for question {questionNumber}</span>;
  return (
    <>
      {feedback.length ? (
        <div className="rounded-md bg-stone-100 px-3 py-2 dark:bg-stone-800">
          <p className="font-semibold">About your choice</p>
          {feedback.map((text, index) => (
            <p key={index} className="mt-1">
              {text}
            </p>
          ))}
        </div>
      ) : null}
      <p>
        <span className="font-semibold">Why: </span>
        {explanation}
      </p>
      {evidence.length === 1 ? (
        <p>
          <Link href={evidence[0]!.href} className="font-medium" data-evidence-anchor={evidence[0]!.anchor}>
            See it in the text ({evidence[0]!.label}){forQuestion} →
          </Link>
        </p>
      ) : evidence.length > 1 ? (
        <div>
          <p className="font-semibold">
            See it in the text{forQuestion}: the answer rests on {evidence.length} paragraphs
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1" aria-label={`Evidence paragraphs${questionNumber === undefined ? "" : ` for question ${questionNumber}`}`}>
            {evidence.map((link) => (
              <li key={link.anchor}>
                <Link href={link.href} className="font-medium" data-evidence-anchor={link.anchor}>
                  {link.label[0]!.toUpperCase() + link.label.slice(1)} →
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
