/**
 * Word (.docx) → HTML through mammoth, which maps Word's heading styles to
 * h1–h6 and its lists to ul/ol, and keeps tables. The HTML then goes through
 * the same sanitising and extraction as an uploaded web page.
 */
import "server-only";
import mammoth from "mammoth";
import { SourceError } from "./errors";

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const head = Array.from(bytes.subarray(0, 4));
  // D0 CF 11 E0: an OLE container, which is how Word stores password-protected .docx files (and old .doc files).
  if (head.join(",") === "208,207,17,224") throw new SourceError("encrypted", "This Word file is password-protected (or is an old .doc file). In Word, remove the password or use Save As → Word Document (.docx), then upload it again.");
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch {
    throw new SourceError("corrupt", "This Word file couldn't be read: it may be damaged. Open it in Word and save it again, or copy the text and paste it.");
  }
  if (!html.replace(/<[^>]*>/g, "").trim()) throw new SourceError("empty_document", "This Word file has no text in it. Check that it's the handout you meant, or paste the text.");
  // An article element helps Readability find the body; mammoth's output holds no scripts or styles.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><article>${html}</article></body></html>`;
}
