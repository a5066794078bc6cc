// GET /import/progress/:token: the stage of the caller's own running import (teachers only), polled by the import form.
import { getImportProgress } from "@/lib/data/imports";
import { errorResponse } from "@/lib/errors";
import { progressTokenSchema } from "@/lib/validations/import";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const parsed = progressTokenSchema.safeParse(await params);
    if (!parsed.success) return Response.json({ error: { code: "not_found", message: "We couldn't find that." } }, { status: 404 });
    const progress = await getImportProgress(parsed.data.token);
    return Response.json(progress, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
