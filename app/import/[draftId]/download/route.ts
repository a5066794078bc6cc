// GET /import/:draftId/download: the draft as content/ files in one .zip (owner only).
import { exportImportDraft } from "@/lib/data/imports";
import { errorResponse } from "@/lib/errors";
import { createZip } from "@/lib/import/zip";
import { draftIdSchema } from "@/lib/validations/import";

export async function GET(_request: Request, { params }: { params: Promise<{ draftId: string }> }) {
  try {
    const parsed = draftIdSchema.safeParse(await params);
    if (!parsed.success) return Response.json({ error: { code: "not_found", message: "We couldn't find that." } }, { status: 404 });
    const { slug, files } = await exportImportDraft(parsed.data.draftId);
    const zip = createZip(files);
    return new Response(zip.buffer as ArrayBuffer, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${slug}.zip"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
