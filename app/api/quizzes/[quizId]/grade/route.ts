// POST /api/quizzes/:quizId/grade - grade a guest's answers on the server; nothing is stored (but the request counts against the caller's address)
import { clientIp } from "@/lib/security/client-ip";
import { gradeGuestSubmission } from "@/lib/data/guest-grading";
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { limitGuestGrading } from "@/lib/data/request-limits";
import { guestSubmissionSchema, MAX_BODY_BYTES } from "@/lib/validations/attempts";

export async function POST(request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    // Counted before the body is read, so malformed floods count too; cross-site requests never reach it.
    await limitGuestGrading(clientIp(request.headers));
    const { quizId } = await params;
    const submission = await readJsonBody(request, guestSubmissionSchema, MAX_BODY_BYTES);
    return gradeGuestSubmission(quizId, submission);
  });
}
