// POST /api/attempts/:attemptId/submit - grade and close the attempt, exactly once (repeats return the stored result)
import { submitAttempt } from "@/lib/data/attempts";
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { MAX_BODY_BYTES, submitAttemptSchema } from "@/lib/validations/attempts";

export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    const { attemptId } = await params;
    const { answers } = await readJsonBody(request, submitAttemptSchema, MAX_BODY_BYTES);
    return submitAttempt(attemptId, answers);
  });
}
