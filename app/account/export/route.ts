// GET /account/export - everything Civics Lab stores about the signed-in user, as a JSON download
import { exportMyData } from "@/lib/data/privacy";
import { errorResponse } from "@/lib/errors";

export async function GET() {
  try {
    const { filename, data } = await exportMyData();
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
