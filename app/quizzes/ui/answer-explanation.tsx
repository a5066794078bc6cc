import Link from "next/link";

/**
 * What a graded answer teaches: feedback on the choice made, why the right
 * answer is right, and where the lesson says so. Shared by the practice
 * "Check answer" box, the review card and the results list. Renders siblings;
 * the caller's container sets the spacing and text size.
 */
export function AnswerExplanation({
  feedback,
  explanation,
  evidenceHref,
  questionNumber,
}: {
  feedback: string[];
  explanation: string;
  /** Null when the lesson can no longer be opened: no link then. */
  evidenceHref: string | null;
  /** Names the question in the link for screen readers when a page lists several. */
  questionNumber?: number;
}) {
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
      {evidenceHref ? (
        <p>
          <Link href={evidenceHref} className="font-medium">
            See it in the text{questionNumber === undefined ? null : <span className="sr-only"> for question {questionNumber}</span>} →
          </Link>
        </p>
      ) : null}
    </>
  );
}
