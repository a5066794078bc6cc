// GET /api/html?keys=<k1>,<k2>,... - lesson HTML by content key, for client-side navigations between
// lessons and levels (lib/reading/shared-html.ts). A key is the SHA-256 of the HTML, so only someone who
// already has the text can name it; the answer never changes for a key, so it may be cached for good.
import { SHARED_HTML_KEY } from "@/lib/reading/shared-html-key";
import { lookupHtml } from "@/lib/reading/shared-html";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const keys = (new URL(request.url).searchParams.get("keys") ?? "").split(",").filter((key) => SHARED_HTML_KEY.test(key)).slice(0, 500);
  const found: Record<string, string> = {};
  for (const key of keys) {
    const html = lookupHtml(key);
    if (html !== null) found[key] = html;
  }
  return Response.json(found, { headers: { "Cache-Control": "private, no-cache" } });
}
