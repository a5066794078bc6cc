import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { draftFromArticle } from "@/lib/import";
import { contentFromDocument, documentKind } from "@/lib/import/sources";
import { docxToHtml } from "@/lib/import/sources/docx";
import { pdfToMarkdown } from "@/lib/import/sources/pdf";
import { joinLine } from "@/lib/import/sources/pdf-layout";
import { ARTICLE_CLOSING, ARTICLE_LIST, ARTICLE_PARAGRAPHS, ARTICLE_SUBHEADING, ARTICLE_TITLE, HANDOUT_SECTIONS, HANDOUT_TITLE, handoutDocx, scannedPdf, twoColumnArticlePdf, zeroPagePdf } from "../../helpers/documents";

const glossary = loadContent().content.glossary;
const blocks = (markdown: string) => markdown.trim().split(/\n{2,}/);

describe("PDF import", () => {
  it("reads a two-column article in order: headline, paragraphs across columns and pages, subheading, list", async () => {
    const markdown = await pdfToMarkdown(await twoColumnArticlePdf());
    expect(blocks(markdown)).toEqual([`# ${ARTICLE_TITLE}`, ...ARTICLE_PARAGRAPHS, `## ${ARTICLE_SUBHEADING}`, ...ARTICLE_LIST.map((item) => `- ${item}`), ...ARTICLE_CLOSING]);
  });

  it("drops the running header and the page numbers, and mends hyphenated line breaks", async () => {
    const markdown = await pdfToMarkdown(await twoColumnArticlePdf());
    expect(markdown).not.toMatch(/Riverside Civic Ledger|Page \d of \d/);
    // The fixture hyphenates long words at line ends; none of the halves survive.
    expect(markdown).not.toMatch(/\p{L}- \p{Ll}|\p{L}-\n/u);
    expect(joinLine("the legis-", "lature met")).toBe("the legislature met");
    expect(joinLine("a well-", "Known fact")).toBe("a well- Known fact");
  });

  it("feeds the same pipeline: the draft has the headline as title and the article's paragraphs", async () => {
    const markdown = await contentFromDocument("article.pdf", await twoColumnArticlePdf());
    const draft = draftFromArticle({ content: markdown, date: "2026-03-10" }, { glossary });
    expect(draft.title).toBe(ARTICLE_TITLE);
    expect(draft.paragraphs).toContain(ARTICLE_PARAGRAPHS[3]);
    expect(draft.questions.length).toBeGreaterThan(3);
  });

  it("refuses a scanned (image-only) PDF, saying to use OCR or paste the text", async () => {
    await expect(pdfToMarkdown(await scannedPdf())).rejects.toMatchObject({ code: "scanned_pdf", message: expect.stringMatching(/scan.*OCR/s) });
  });

  it("refuses a password-protected PDF", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.resolve("tests/fixtures/documents/encrypted.pdf")));
    await expect(contentFromDocument("locked.pdf", bytes)).rejects.toMatchObject({ code: "encrypted", message: expect.stringMatching(/password/) });
  });

  it("refuses corrupt and zero-page PDFs", async () => {
    const good = await twoColumnArticlePdf();
    await expect(pdfToMarkdown(good.slice(0, 400))).rejects.toMatchObject({ code: expect.stringMatching(/corrupt|empty_document/) });
    await expect(pdfToMarkdown(new TextEncoder().encode("%PDF-1.7\nthis is not really a pdf\n%%EOF"))).rejects.toMatchObject({ code: expect.stringMatching(/corrupt|empty_document/) });
    await expect(pdfToMarkdown(await zeroPagePdf())).rejects.toMatchObject({ code: expect.stringMatching(/corrupt|empty_document/) });
  });

  it("refuses a 50 MB file by its size before any parsing", async () => {
    const huge = new Uint8Array(50 * 1024 * 1024);
    huge.set(new TextEncoder().encode("%PDF-1.7\n"));
    const started = performance.now();
    await expect(contentFromDocument("huge.pdf", huge)).rejects.toMatchObject({ code: "too_large", message: expect.stringMatching(/larger than 2 MB/) });
    // Parsing 50 MB would take far longer than a size check (and fail as corrupt, not too_large).
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("Word (.docx) import", () => {
  it("keeps headings, the numbered list and the table as HTML", async () => {
    const html = await docxToHtml(await handoutDocx());
    expect(html).toContain(`<h1>${HANDOUT_TITLE}</h1>`);
    for (const heading of HANDOUT_SECTIONS) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toMatch(/<ol><li>The finance committee reviews each department(&#39;|')s request\.<\/li>/);
    expect(html).toMatch(/<table>.*Public hearings.*<\/table>/s);
  });

  it("feeds the same pipeline with the handout's title, paragraphs and list items", async () => {
    const content = await contentFromDocument("handout.docx", await handoutDocx());
    const draft = draftFromArticle({ content }, { glossary });
    expect(draft.title).toBe(HANDOUT_TITLE);
    expect(draft.paragraphs.some((p) => p.startsWith("The city manager's office collects requests"))).toBe(true);
    expect(draft.paragraphs).toContain("The full council holds at least two public hearings.");
  });

  it("refuses corrupt, password-protected and empty Word files, and other file types", async () => {
    const good = await handoutDocx();
    await expect(contentFromDocument("broken.docx", good.slice(0, 300))).rejects.toMatchObject({ code: "corrupt" });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0)]);
    await expect(contentFromDocument("locked.docx", ole)).rejects.toMatchObject({ code: "encrypted" });
    await expect(contentFromDocument("old.doc", ole)).rejects.toMatchObject({ code: "unsupported_file", message: expect.stringMatching(/\.docx/) });
    await expect(contentFromDocument("empty.docx", new Uint8Array())).rejects.toMatchObject({ code: "empty_document" });
    await expect(contentFromDocument("slides.pptx", good)).rejects.toMatchObject({ code: "unsupported_file" });
    expect(documentKind("x.bin", new TextEncoder().encode("%PDF-1.4"))).toBe("pdf");
  });
});
