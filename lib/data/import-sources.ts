/**
 * Drafts from a link or from a PDF/Word file: teachers only, checked before
 * anything is fetched or parsed; the source becomes text, HTML or Markdown
 * and goes through createImportDraft, the same pipeline as a paste.
 */
import "server-only";
import { requireUser } from "./session";
import { AppError } from "../errors";
import { contentFromDocument, contentFromUrl } from "../import/sources";
import { isSourceError } from "../import/sources/errors";
import type { ArticleMetadata } from "../import/types";
import { limitArticleImport } from "./request-limits";
import { createImportDraft } from "./imports";

async function asAppError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isSourceError(error)) throw new AppError(error.code === "too_large" ? "too_large" : error.code === "disabled" ? "forbidden" : "bad_request", error.message);
    throw error;
  }
}

/** Fetches the teacher's link (see lib/import/sources/url.ts for what is refused) and drafts a lesson from it. */
export async function createImportDraftFromUrl(url: string, metadata: Omit<ArticleMetadata, "url"> = {}): Promise<{ id: string }> {
  const user = await requireUser(["teacher"]);
  await limitArticleImport(user.id);
  const page = await asAppError(contentFromUrl(url));
  return createImportDraft({ ...metadata, content: page.content, url: page.url });
}

/** Reads an uploaded PDF or .docx (size checked first) and drafts a lesson from it. */
export async function createImportDraftFromDocument(fileName: string, bytes: Uint8Array, metadata: ArticleMetadata = {}): Promise<{ id: string }> {
  const user = await requireUser(["teacher"]);
  await limitArticleImport(user.id);
  const content = await asAppError(contentFromDocument(fileName, bytes));
  return createImportDraft({ ...metadata, content });
}
