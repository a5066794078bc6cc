/**
 * Documents made in the test itself: a two-column article PDF with a running
 * header, page numbers and hyphenated line breaks; a scanned (image-only) PDF;
 * a PDF with no pages; and a Word handout with headings, a list and a table.
 * The article text is our own writing.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

export const ARTICLE_TITLE = "Riverside council votes to open budget hearings to students";
export const ARTICLE_SUBHEADING = "What the new rules change";
export const ARTICLE_PARAGRAPHS = [
  "The Riverside city council voted six to one on Tuesday to let high school students speak at its annual budget hearings, a change that supporters said would give young residents a direct voice in how public money is spent.",
  "Under the new rules, any student who lives in the city may sign up to address the council for up to three minutes. The council will also publish a plain-language summary of the proposed budget two weeks before each hearing.",
  "Councilmember Dana Okafor, who sponsored the measure, said the idea came from a civics class that studied the city's spending last spring. The students found that most residents never read the full budget because it runs to more than four hundred pages.",
  "The lone vote against came from Councilmember Peter Lindqvist, who said he supported student participation but worried that longer hearings would delay final approval of the budget beyond the legal deadline in June.",
  "City Clerk Mariana Estevez said her office would keep a separate sign-up list for students and would schedule their comments early in the evening so that they could attend without missing school the next day.",
];
export const ARTICLE_LIST = ["Students may speak for up to three minutes each.", "A plain-language budget summary appears two weeks ahead.", "Student comments are heard first, before nine in the evening."];
export const ARTICLE_CLOSING = [
  "Teachers at Riverside High said they planned to prepare students by holding mock hearings in class, where students would practise presenting evidence about one line of the budget.",
  "The first hearing under the new rules is scheduled for the second Monday of May. The council said it would review how the change worked after one year and report the results to residents.",
];

const PAGE = { width: 612, height: 792 };
const MARGIN = 50;
const GUTTER = 32;
const COLUMN = (PAGE.width - 2 * MARGIN - GUTTER) / 2;
const BODY = 10.5;
const LEADING = 13;

/** Greedy line breaking; a long word that doesn't fit is hyphenated when at least four letters fit. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    const letters = /^[a-z]+$/i.test(word) ? word : "";
    let split = 0;
    for (let i = letters.length - 3; i >= 4; i -= 1) {
      if (fits(`${line} ${letters.slice(0, i)}-`)) {
        split = i;
        break;
      }
    }
    if (split) {
      lines.push(`${line} ${letters.slice(0, split)}-`);
      line = letters.slice(split);
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Cursor {
  page: PDFPage;
  column: 0 | 1;
  y: number;
}

export async function twoColumnArticlePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const pages: PDFPage[] = [];
  const newPage = (): PDFPage => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    return page;
  };
  const first = newPage();
  // A headline across both columns.
  let y = PAGE.height - 90;
  for (const line of wrap(ARTICLE_TITLE, bold, 20, PAGE.width - 2 * MARGIN)) {
    first.drawText(line, { x: MARGIN, y, size: 20, font: bold });
    y -= 26;
  }
  // A photo across both columns, as on a newspaper's front page, so the article runs on to a second page.
  first.drawRectangle({ x: MARGIN, y: y - 300, width: PAGE.width - 2 * MARGIN, height: 290, borderWidth: 1 });
  y -= 310;
  let columnTop = y - 10;
  const cursor: Cursor = { page: first, column: 0, y: columnTop };
  const bottom = 70;
  const x = () => MARGIN + cursor.column * (COLUMN + GUTTER);
  const advance = (height: number) => {
    if (cursor.y - height < bottom) {
      if (cursor.column === 0) cursor.column = 1;
      else {
        cursor.page = newPage();
        cursor.column = 0;
        columnTop = PAGE.height - 80;
      }
      cursor.y = columnTop;
    }
  };
  const paragraph = (text: string, options: { font?: PDFFont; size?: number; indent?: string } = {}) => {
    const size = options.size ?? BODY;
    const font = options.font ?? regular;
    const lines = wrap(`${options.indent ?? ""}${text}`, font, size, COLUMN);
    for (const line of lines) {
      advance(LEADING);
      cursor.page.drawText(line, { x: x(), y: cursor.y, size, font });
      cursor.y -= size > BODY ? size * 1.4 : LEADING;
    }
    cursor.y -= 8;
  };
  for (const text of ARTICLE_PARAGRAPHS) paragraph(text);
  paragraph(ARTICLE_SUBHEADING, { font: bold, size: 13.5 });
  for (const item of ARTICLE_LIST) paragraph(item, { indent: "• " });
  for (const text of ARTICLE_CLOSING) paragraph(text);
  pages.forEach((page, index) => {
    page.drawText("Riverside Civic Ledger · Spring edition", { x: MARGIN, y: PAGE.height - 40, size: 8, font: regular });
    page.drawText(`Page ${index + 1} of ${pages.length}`, { x: PAGE.width - MARGIN - 60, y: 30, size: 8, font: regular });
  });
  return doc.save({ useObjectStreams: false });
}

/** A one-pixel-per-cell grey PNG stands in for a scanned page: an image and no text. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==", "base64");
  const image = await doc.embedPng(png);
  for (let i = 0; i < 2; i += 1) doc.addPage([PAGE.width, PAGE.height]).drawImage(image, { x: 0, y: 0, width: PAGE.width, height: PAGE.height });
  return doc.save();
}

export async function zeroPagePdf(): Promise<Uint8Array> {
  return (await PDFDocument.create()).save();
}

export const HANDOUT_TITLE = "How a city budget becomes law";
export const HANDOUT_SECTIONS = ["Who writes the budget", "How residents can take part"];

export async function handoutDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    numbering: { config: [{ reference: "steps", levels: [{ level: 0, format: "decimal", text: "%1.", alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: HANDOUT_TITLE, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("Every spring the city manager proposes a budget, and the council spends about two months changing and approving it. This handout explains the main steps and how residents, including students, can take part.")] }),
          new Paragraph({ text: HANDOUT_SECTIONS[0], heading: HeadingLevel.HEADING_2 }),
          new Paragraph("The city manager's office collects requests from every department, estimates how much tax money the city will receive, and writes a proposed budget that balances the two. The council then holds public hearings before it votes."),
          new Paragraph({ text: "The finance committee reviews each department's request.", numbering: { reference: "steps", level: 0 } }),
          new Paragraph({ text: "The full council holds at least two public hearings.", numbering: { reference: "steps", level: 0 } }),
          new Paragraph({ text: "The council votes on the final budget before the end of June.", numbering: { reference: "steps", level: 0 } }),
          new Paragraph({ text: HANDOUT_SECTIONS[1], heading: HeadingLevel.HEADING_2 }),
          new Paragraph("Residents can speak at the hearings, write to their councilmember, or read the plain-language summary that the clerk publishes two weeks before each hearing. Students may now sign up to speak as well."),
          new Table({
            rows: [
              new TableRow({ children: [cell("Step"), cell("When")] }),
              new TableRow({ children: [cell("Proposed budget published"), cell("Early April")] }),
              new TableRow({ children: [cell("Public hearings"), cell("May")] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
