// POST /import/document - a teacher's PDF or Word file (multipart, field "document"), drafted like a paste; answers { draftId }
import { requireUser } from "@/lib/data/session";
import { createImportDraftFromDocument } from "@/lib/data/import-sources";
import { AppError, errorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http";
import { importMetadataSchema, MAX_DOCUMENT_REQUEST_BYTES } from "@/lib/validations/import-sources";

const TOO_LARGE = "That file is larger than 2 MB. Save just the article's pages as a smaller PDF, or paste the text.";

export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    await requireUser(["teacher"]);
    // A 50 MB upload is refused here, from its declared size, before a byte of it is read or parsed.
    const declared = Number(request.headers.get("content-length") ?? "NaN");
    if (!Number.isFinite(declared)) throw new AppError("bad_request", "The upload didn't say how large it is. Try again from the import page.");
    if (declared > MAX_DOCUMENT_REQUEST_BYTES) throw new AppError("too_large", TOO_LARGE);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError("bad_request", "The upload could not be read. Choose the file again.");
    }
    const file = form.get("document");
    if (!(file instanceof File)) throw new AppError("bad_request", "Choose a PDF or Word file to upload.");
    const metadata = importMetadataSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
    if (!metadata.success) throw new AppError("bad_request", metadata.error.issues[0]?.message ?? "The article details were not valid.");
    const details = Object.fromEntries(Object.entries(metadata.data).filter(([, v]) => v !== undefined));
    const { id } = await createImportDraftFromDocument(file.name, new Uint8Array(await file.arrayBuffer()), details);
    return Response.json({ draftId: id }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
