// POST /api/guest-merge - add this browser's guest quiz history and reading progress to the signed-in account, once per merge key
import { mergeGuestHistory } from "@/lib/data/guest-merge";
import { assertSameOrigin, jsonRoute, readJsonBody } from "@/lib/http";
import { guestMergeSchema, MAX_MERGE_BODY_BYTES } from "@/lib/validations/review";

export async function POST(request: Request) {
  return jsonRoute(async () => {
    assertSameOrigin(request);
    const body = await readJsonBody(request, guestMergeSchema, MAX_MERGE_BODY_BYTES);
    return mergeGuestHistory(body);
  });
}
