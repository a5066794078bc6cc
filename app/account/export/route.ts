// GET /account/export - everything Civics Lab stores about the signed-in user, as a JSON download
import { exportMyData } from "@/lib/data/privacy";
import { errorResponse } from "@/lib/errors";
import { jsonDownload } from "@/lib/http";

export async function GET() {
  try {
    const { filename, data } = await exportMyData();
    return jsonDownload(filename, data);
  } catch (error) {
    return errorResponse(error);
  }
}
