// GET /quizzes/:quizId/export/imscc|moodle|gift - the quiz with its answer key, for a teacher who may assign it
import { buildQuizExport } from "@/lib/data/quiz-export";
import { downloadRoute } from "@/lib/http";

export async function GET(_request: Request, { params }: { params: Promise<{ quizId: string; format: string }> }) {
  return downloadRoute(async () => {
    const { quizId, format } = await params;
    const written = await buildQuizExport(quizId, format);
    const skipped = written.skipped.length ? { "X-Civics-Lab-Skipped": written.skipped.map((s) => s.id).join(",") } : undefined;
    return { filename: written.filename, contentType: written.contentType, body: written.body, headers: skipped };
  });
}
