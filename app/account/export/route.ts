// GET /account/export - everything Civics Lab stores about the signed-in user, as a JSON download
import { exportMyData } from "@/lib/data/privacy";
import { downloadRoute, jsonFile } from "@/lib/http";

export async function GET() {
  return downloadRoute(async () => {
    const { filename, data } = await exportMyData();
    return jsonFile(filename, data);
  });
}
