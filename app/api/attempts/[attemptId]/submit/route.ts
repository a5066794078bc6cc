// POST /api/attempts/:attemptId/submit - grade and close the attempt, exactly once (repeats return the stored result).
// proxy.ts usually answers a signed-in submission first with the same function (./answer.ts); this route answers
// when it doesn't (`next dev`, no session or one that no longer holds).
import { submitResponse } from "./answer";

export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  return submitResponse(request, attemptId);
}
