// POST /api/attempts/:attemptId/check - practice mode: grade one committed answer and explain it
import { checkQuestion } from "@/lib/data/attempts";
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { checkQuestionSchema, MAX_BODY_BYTES } from "@/lib/validations/attempts";

export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    const { attemptId } = await params;
    const { questionId, answer } = await readJsonBody(request, checkQuestionSchema, MAX_BODY_BYTES);
    return checkQuestion(attemptId, questionId, answer);
  });
}
