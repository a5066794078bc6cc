/**
 * Reading order for PDF text (pure, unit-tested). pdf.js gives positioned
 * text runs; this module joins them into line fragments, finds a column
 * gutter, drops running headers, footers and page numbers, and rebuilds
 * paragraphs, headings and list items as Markdown for the import pipeline.
 */

export interface TextRun {
  text: string;
  /** Left edge, baseline and width in PDF points (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

export interface PageText {
  width: number;
  height: number;
  runs: TextRun[];
}

export interface Fragment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

/** Groups runs into baselines (top to bottom), each sorted left to right. */
function baselines(runs: readonly TextRun[]): TextRun[][] {
  const sorted = runs.filter((r) => r.text.trim() !== "").sort((a, b) => b.y - a.y);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) <= Math.max(1.5, run.size * 0.3)) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

/** Joins runs on one baseline into fragments; a gap wider than ~1.5 em starts a new one (a column gutter). */
export function fragmentsOf(runs: readonly TextRun[]): Fragment[] {
  const fragments: Fragment[] = [];
  for (const line of baselines(runs)) {
    let current: Fragment | null = null;
    for (const run of line) {
      const gap = current ? run.x - current.x1 : 0;
      if (current && gap > -run.size * 0.5 && gap < Math.max(run.size, current.size) * 1.5) {
        const space = gap > run.size * 0.15 && !current.text.endsWith(" ") && !run.text.startsWith(" ") ? " " : "";
        current.text += space + run.text;
        current.x1 = Math.max(current.x1, run.x + run.width);
        current.size = Math.max(current.size, run.size);
      } else {
        if (current) fragments.push(current);
        current = { x0: run.x, x1: run.x + run.width, y: run.y, size: run.size, text: run.text };
      }
    }
    if (current) fragments.push(current);
  }
  return fragments.map((f) => ({ ...f, text: f.text.replace(/\s+/g, " ").trim() }));
}

/** A vertical gutter between two columns: an x that many fragments end before and many start after, and few cross. */
export function findGutter(fragments: readonly Fragment[], pageWidth: number): number | null {
  let best: { x: number; score: number } | null = null;
  for (let x = pageWidth * 0.3; x <= pageWidth * 0.7; x += 2) {
    let left = 0;
    let right = 0;
    let crossing = 0;
    for (const f of fragments) {
      if (f.x1 <= x) left += 1;
      else if (f.x0 >= x) right += 1;
      else crossing += 1;
    }
    if (left < 3 || right < 3 || crossing > (left + right) * 0.25) continue;
    const score = Math.min(left, right) - crossing * 2;
    if (!best || score > best.score) best = { x, score };
  }
  return best?.x ?? null;
}

/** Fragments in reading order: full-width ones (headlines) split the page into bands; each band reads its left column, then its right. */
export function readingOrder(fragments: readonly Fragment[], pageWidth: number): Fragment[][] {
  const gutter = findGutter(fragments, pageWidth);
  const top = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  if (gutter === null) return [top];
  const columns: Fragment[][] = [];
  let left: Fragment[] = [];
  let right: Fragment[] = [];
  const flush = () => {
    if (left.length) columns.push(left);
    if (right.length) columns.push(right);
    left = [];
    right = [];
  };
  for (const f of top) {
    if (f.x1 <= gutter) left.push(f);
    else if (f.x0 >= gutter) right.push(f);
    else {
      flush();
      columns.push([f]);
    }
  }
  flush();
  return columns;
}

const PAGE_NUMBER = /^(page\s*)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/** Normalised text of a margin fragment, for spotting lines that repeat on every page. */
function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

/**
 * Removes page numbers and running headers/footers: lines in the top or bottom
 * tenth of the page that repeat on at least half the pages, or that are set
 * smaller than the body text (a one-page file has nothing to repeat).
 */
export function dropFurniture(pages: readonly { page: PageText; fragments: Fragment[] }[]): Fragment[][] {
  const inMargin = (f: Fragment, page: PageText) => f.y > page.height * 0.9 || f.y < page.height * 0.1;
  const bodySize = median(pages.flatMap((p) => p.fragments.map((f) => f.size)));
  const counts = new Map<string, number>();
  for (const { page, fragments } of pages) {
    const keys = new Set(fragments.filter((f) => inMargin(f, page)).map((f) => furnitureKey(f.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => pages.length >= 2 && (counts.get(key) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map(({ page, fragments }) => fragments.filter((f) => !(inMargin(f, page) && (PAGE_NUMBER.test(f.text) || repeated(furnitureKey(f.text)) || f.size < bodySize * 0.9))));
}

const BULLET = /^([•◦▪‣∙·*-]|\d{1,2}[.)])\s+/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 10;
}

/** Joins a line to the text so far, mending words hyphenated across the line break ("legis-" + "lature"). */
export function joinLine(text: string, line: string): string {
  if (!text) return line;
  if (/[\p{L}][-\u00AD]$/u.test(text) && /^\p{Ll}/u.test(line)) return text.slice(0, -1) + line;
  return `${text} ${line}`;
}

/** Markdown for the pipeline: `#` title, `##` headings, `-` list items and paragraphs, in reading order. */
export function layoutToMarkdown(pages: readonly PageText[]): string {
  const fragmentsByPage = pages.map((page) => ({ page, fragments: fragmentsOf(page.runs) }));
  const kept = dropFurniture(fragmentsByPage);
  const bodySize = median(kept.flat().map((f) => f.size));
  const blocks: string[] = [];
  let paragraph = "";
  let listItem = "";
  let titled = false;
  let lastHeading: Fragment | null = null;
  const flush = () => {
    if (paragraph) blocks.push(paragraph);
    if (listItem) blocks.push(`- ${listItem}`);
    paragraph = "";
    listItem = "";
  };
  kept.forEach((fragments, pageIndex) => {
    for (const column of readingOrder(fragments, pages[pageIndex]!.width)) {
      let previous: Fragment | null = null;
      const lineGap = median(column.slice(1).map((f, i) => column[i]!.y - f.y).filter((g) => g > 0));
      for (const f of column) {
        if (f.size >= bodySize * 1.25) {
          flush();
          const heading = f.text.replace(/^#+\s*/, "");
          // Headings that run over two lines arrive as two fragments of the same size.
          const last = blocks[blocks.length - 1];
          if (lastHeading && lastHeading.size === f.size && last && /^#{1,2} /.test(last) && lastHeading.y - f.y < f.size * 1.6 && lastHeading.y > f.y) blocks[blocks.length - 1] = `${last} ${heading}`;
          else blocks.push(`${titled ? "##" : "#"} ${heading}`);
          titled = true;
          lastHeading = f;
          previous = f;
          continue;
        }
        lastHeading = null;
        const gap = previous ? previous.y - f.y : 0;
        // A paragraph still open at a column's top runs on from the previous column (it didn't end a sentence).
        const newBlock = previous === null ? paragraph === "" : previous.size >= bodySize * 1.25 || gap > lineGap * 1.5 || gap < 0 || f.x0 - (previous?.x0 ?? f.x0) > f.size * 0.8;
        const bullet = BULLET.exec(f.text);
        if (bullet) {
          flush();
          listItem = f.text.slice(bullet[0].length);
        } else if (listItem && !newBlock) listItem = joinLine(listItem, f.text);
        else {
          if (newBlock) flush();
          paragraph = joinLine(paragraph, f.text);
        }
        previous = f;
      }
      // Columns end paragraphs only if the last line closed a sentence; otherwise the text runs on into the next column.
      if (paragraph && /[.!?"”’)]$/.test(paragraph)) flush();
      if (listItem) flush();
    }
  });
  flush();
  return `${blocks.join("\n\n")}\n`;
}
