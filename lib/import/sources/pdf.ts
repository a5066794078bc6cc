/**
 * PDF → Markdown through Mozilla's pdf.js (pdfjs-dist 5, legacy build for
 * Node). Text runs and their positions go to ./pdf-layout.ts for reading
 * order; encrypted, corrupt, empty and scanned (image-only) files are refused
 * with a message that says what to do instead.
 */
import "server-only";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { SourceError } from "./errors";
import { layoutToMarkdown, type PageText } from "./pdf-layout";

const MAX_PAGES = 60;

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

export async function pdfToMarkdown(bytes: Uint8Array): Promise<string> {
  const { getDocument, OPS } = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name ?? "";
    if (name === "PasswordException") throw new SourceError("encrypted", "This PDF is password-protected. Open it, print or save it as a PDF without a password, and upload that, or copy the text and paste it.");
    throw new SourceError("corrupt", "This PDF couldn't be read: it may be damaged or not really a PDF. Download it again, or copy the article's text and paste it.");
  }
  try {
    if (doc.numPages === 0) throw new SourceError("empty_document", "This PDF has no pages. Download it again, or paste the article's text.");
    const pages: PageText[] = [];
    let images = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n += 1) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs = content.items.flatMap((item) => {
        if (!("str" in item) || item.str === "") return [];
        const [a, b, , , x, y] = item.transform as number[];
        return [{ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height }];
      });
      if (runs.length === 0) {
        const ops = await page.getOperatorList();
        if (ops.fnArray.some((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject)) images += 1;
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    const characters = pages.reduce((sum, p) => sum + p.runs.reduce((s, r) => s + r.text.trim().length, 0), 0);
    if (characters < 40 * pages.length * 0.1 + 40) {
      if (images > 0) throw new SourceError("scanned_pdf", "This PDF is a scan: its pages are pictures, with no text to read. Use the PDF the publisher offers (with selectable text), run it through OCR first, or paste the article's text.");
      throw new SourceError("empty_document", "This PDF has no text to read. Check that it's the article, or paste the article's text.");
    }
    return layoutToMarkdown(pages);
  } finally {
    await doc.destroy();
  }
}
