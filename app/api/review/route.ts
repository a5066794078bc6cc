// POST /api/review - grade one review card answer on the server and reschedule the card
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { submitReview } from "@/lib/data/review";
import { reviewSubmissionSchema } from "@/lib/validations/review";
import { MAX_BODY_BYTES } from "@/lib/validations/attempts";

export async function POST(request: Request) {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    const body = await readJsonBody(request, reviewSubmissionSchema, MAX_BODY_BYTES);
    return submitReview(body);
  });
}
