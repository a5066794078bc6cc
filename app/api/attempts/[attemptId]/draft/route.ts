// PUT /api/attempts/:attemptId/draft - autosave answers of the caller's open attempt
import { saveDraft } from "@/lib/data/attempts";
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { MAX_BODY_BYTES, autosaveAnswersSchema } from "@/lib/validations/attempts";

export async function PUT(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    const { attemptId } = await params;
    const { answers } = await readJsonBody(request, autosaveAnswersSchema, MAX_BODY_BYTES);
    return saveDraft(attemptId, answers);
  });
}
