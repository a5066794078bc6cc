// POST /api/quizzes/:quizId/grade - grade a guest's answers on the server; nothing is stored
import { gradeGuestSubmission } from "@/lib/data/guest-grading";
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { guestSubmissionSchema, MAX_BODY_BYTES } from "@/lib/validations/attempts";

export async function POST(request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    const { quizId } = await params;
    const submission = await readJsonBody(request, guestSubmissionSchema, MAX_BODY_BYTES);
    return gradeGuestSubmission(quizId, submission);
  });
}
