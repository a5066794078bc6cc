// GET /classes/:classId/export/gradebook|responses - CSV downloads for the class's teacher
import { buildGradebookCsv, buildResponsesCsv } from "@/lib/data/exports";
import { AppError } from "@/lib/errors";
import { downloadRoute } from "@/lib/http";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; kind: string }> }) {
  return downloadRoute(async () => {
    const { classId, kind } = await params;
    const build = kind === "gradebook" ? buildGradebookCsv : kind === "responses" ? buildResponsesCsv : null;
    if (!build) throw new AppError("not_found", "Unknown export.");
    const { filename, csv } = await build(classId);
    // A byte-order mark makes Excel read the file as UTF-8 (names with accents).
    return { filename, contentType: "text/csv; charset=utf-8", body: `\uFEFF${csv}` };
  });
}
