/** Sends a PDF or Word file to POST /import/document with the form's article details; returns the new draft's id or the server's message. */
export const DOCUMENT_PATTERN = /\.(pdf|docx)$/i;

export async function uploadDocument(file: File, form: HTMLFormElement | null): Promise<{ draftId: string } | { error: string }> {
  const data = new FormData();
  data.append("document", file);
  for (const name of ["title", "outlet", "author", "date"]) {
    const value = form?.elements.namedItem(name);
    if (value instanceof HTMLInputElement && value.value.trim()) data.append(name, value.value);
  }
  try {
    const response = await fetch("/import/document", { method: "POST", body: data });
    const body = (await response.json().catch(() => null)) as { draftId?: string; error?: { message?: string } } | null;
    if (response.ok && body?.draftId) return { draftId: body.draftId };
    return { error: body?.error?.message ?? "The file could not be imported. Try again, or paste the article's text." };
  } catch {
    return { error: "The upload didn't reach the server. Check your connection and try again." };
  }
}
