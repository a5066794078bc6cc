/**
 * Import sources beyond pasted text and HTML/Markdown files: a link the server
 * fetches, a PDF and a Word (.docx) file. Each turns its input into text,
 * HTML or Markdown with headings and lists, and hands it to the same pipeline
 * (`draftFromArticle`) through createImportDraft.
 */
import "server-only";
import { getEnv } from "../../env";
import { MAX_INPUT_BYTES } from "../types";
import { docxToHtml } from "./docx";
import { SourceError } from "./errors";
import { pdfToMarkdown } from "./pdf";
import { DEFAULT_FETCH_POLICY, fetchArticlePage, type FetchPolicy } from "./url";

export function urlImportEnabled(): boolean {
  return getEnv().URL_IMPORT;
}

export function urlFetchPolicy(): FetchPolicy {
  const env = getEnv();
  return { ...DEFAULT_FETCH_POLICY, timeoutMs: env.URL_IMPORT_TIMEOUT_SECONDS * 1000, allowAddresses: env.URL_IMPORT_ALLOW_ADDRESSES };
}

/** The page behind a teacher's link, ready for the pipeline. */
export async function contentFromUrl(url: string): Promise<{ content: string; url: string }> {
  if (!urlImportEnabled()) throw new SourceError("disabled", "Importing from a link is turned off on this server. Save the page and upload it, or paste the article's text.");
  const page = await fetchArticlePage(url, urlFetchPolicy());
  return { content: page.content, url: page.url };
}

export type DocumentKind = "pdf" | "docx";

/** PDF by its %PDF- header, .docx by the zip header and name; anything else is refused. */
export function documentKind(fileName: string, bytes: Uint8Array): DocumentKind | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 8));
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("PK\u0003\u0004") && /\.docx$/i.test(fileName)) return "docx";
  if (/\.pdf$/i.test(fileName)) return "pdf";
  if (/\.docx$/i.test(fileName)) return "docx";
  return null;
}

/** A PDF or Word file's text as Markdown or HTML for the pipeline. The size is checked before any parsing. */
export async function contentFromDocument(fileName: string, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > MAX_INPUT_BYTES) throw new SourceError("too_large", `That file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB. Save just the article's pages as a smaller PDF, or paste the text.`);
  if (bytes.byteLength === 0) throw new SourceError("empty_document", "That file is empty. Choose the file again, or paste the article's text.");
  const kind = documentKind(fileName, bytes);
  if (kind === "pdf") return pdfToMarkdown(bytes);
  if (kind === "docx") return docxToHtml(bytes);
  if (/\.doc$/i.test(fileName)) throw new SourceError("unsupported_file", "Old Word files (.doc) can't be read. In Word, use File → Save As → Word Document (.docx), then upload that.");
  throw new SourceError("unsupported_file", "That file type isn't supported. Upload a PDF, a Word file (.docx), a saved web page (.html), or a .txt or .md file.");
}
