// GET /classes/:classId/students/:studentId/export - a student's data as JSON, for their teacher
import { exportStudentData } from "@/lib/data/privacy";
import { errorResponse } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; studentId: string }> }) {
  const { studentId } = await params;
  try {
    const { filename, data } = await exportStudentData(studentId);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
