// GET /import/:draftId/download: the draft as content/ files in one .zip (owner only).
import { exportImportDraft } from "@/lib/data/imports";
import { AppError } from "@/lib/errors";
import { downloadRoute } from "@/lib/http";
import { createZip } from "@/lib/import/zip";
import { draftIdSchema } from "@/lib/validations/import";

export async function GET(_request: Request, { params }: { params: Promise<{ draftId: string }> }) {
  return downloadRoute(async () => {
    const parsed = draftIdSchema.safeParse(await params);
    if (!parsed.success) throw new AppError("not_found");
    const { slug, files } = await exportImportDraft(parsed.data.draftId);
    return { filename: `${slug}.zip`, contentType: "application/zip", body: createZip(files) };
  });
}
