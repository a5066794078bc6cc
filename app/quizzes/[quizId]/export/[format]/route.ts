// GET /quizzes/:quizId/export/imscc|moodle|gift - the quiz with its answer key, for a teacher who may assign it
import { buildQuizExport } from "@/lib/data/quiz-export";
import { errorResponse } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ quizId: string; format: string }> }) {
  const { quizId, format } = await params;
  try {
    const written = await buildQuizExport(quizId, format);
    return new Response(typeof written.body === "string" ? written.body : new Uint8Array(written.body), {
      headers: {
        "Content-Type": written.contentType,
        "Content-Disposition": `attachment; filename="${written.filename}"`,
        // Answer keys: never kept by a browser or proxy cache.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        ...(written.skipped.length ? { "X-Civics-Lab-Skipped": written.skipped.map((s) => s.id).join(",") } : {}),
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
