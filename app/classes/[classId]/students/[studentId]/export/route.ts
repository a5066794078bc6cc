// GET /classes/:classId/students/:studentId/export - a student's data as JSON, for their teacher
import { exportStudentData } from "@/lib/data/privacy";
import { errorResponse } from "@/lib/errors";
import { jsonDownload } from "@/lib/http";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; studentId: string }> }) {
  const { studentId } = await params;
  try {
    const { filename, data } = await exportStudentData(studentId);
    return jsonDownload(filename, data);
  } catch (error) {
    return errorResponse(error);
  }
}
