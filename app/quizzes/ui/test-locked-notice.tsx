import Link from "next/link";

/** Shown instead of an attempt's checks or results while a test of the same quiz is open for the student. */
export function TestLockedNotice({ quizId, message }: { quizId: string; message: string }) {
  return (
    <div className="mx-auto max-w-3xl">
      <div role="status" className="card space-y-3">
        <h1 className="text-lg font-semibold">Locked until you submit the test</h1>
        <p>{message}</p>
        <Link href={`/quizzes/${encodeURIComponent(quizId)}`} className="btn-primary inline-block">
          Go to the test
        </Link>
      </div>
    </div>
  );
}
