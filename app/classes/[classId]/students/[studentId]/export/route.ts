// GET /classes/:classId/students/:studentId/export - a student's data as JSON, for their teacher
import { exportStudentData } from "@/lib/data/privacy";
import { downloadRoute, jsonFile } from "@/lib/http";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string; studentId: string }> }) {
  return downloadRoute(async () => {
    const { studentId } = await params;
    const { filename, data } = await exportStudentData(studentId);
    return jsonFile(filename, data);
  });
}
