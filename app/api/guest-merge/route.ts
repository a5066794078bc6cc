// POST /api/guest-merge - add this browser's guest quiz history and reading progress to the signed-in account, once per merge key
import { requireUser } from "@/lib/data/session";
import { mergeGuestHistory } from "@/lib/data/guest-merge";
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { limitGuestMerge } from "@/lib/data/request-limits";
import { guestMergeSchema, MAX_MERGE_BODY_BYTES } from "@/lib/validations/review";

export async function POST(request: Request) {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    // Limited per account before the (up to 1 MB) body is read and re-graded.
    await limitGuestMerge((await requireUser()).id);
    const body = await readJsonBody(request, guestMergeSchema, MAX_MERGE_BODY_BYTES);
    return mergeGuestHistory(body);
  });
}
