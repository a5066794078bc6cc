// GET /classes/:classId/export/gradebook|responses - CSV downloads for the class's teacher
import { buildGradebookCsv, buildResponsesCsv } from "@/lib/data/exports";
import { errorResponse } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; kind: string }> }) {
  const { classId, kind } = await params;
  try {
    const build = kind === "gradebook" ? buildGradebookCsv : kind === "responses" ? buildResponsesCsv : null;
    if (!build) return Response.json({ error: { code: "not_found", message: "Unknown export." } }, { status: 404 });
    const { filename, csv } = await build(classId);
    // A byte-order mark makes Excel read the file as UTF-8 (names with accents).
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
