/**
 * Plants the XSS corpus into realistic articles for the import surface of
 * tests/e2e/security.spec.ts. The host articles (tests/fixtures/xss-articles)
 * are ordinary civics news stories written for this project, so the importer
 * still finds an article and the payloads ride along into the review page,
 * the lesson and the quiz.
 *
 * Every payload goes in twice:
 * - as pasted text (plantAsText), a few per paragraph between sentences; they
 *   must stay literal text all the way to the page. Pasted text with two or
 *   more tags like <p> or <script> in its first 5,000 characters is, by
 *   design, read as HTML (and with Markdown links, as Markdown), so the
 *   payloads without such tags go first and the tag-heavy ones later;
 * - in saved web pages (plantAsHtml), one at the end of a paragraph, where
 *   they meet sanitize-html and Readability as live markup.
 */
import fs from "node:fs";
import path from "node:path";

const ARTICLES_DIR = path.resolve("tests/fixtures/xss-articles");
export const HOST_ARTICLES = ["transit-budget.txt", "district-map.txt", "records-law.txt"];

/** The importer's own sniffing rules (lib/import/extract.ts detectFormat), used only to order payloads. */
const SNIFFED_TAG = /<\/?(p|div|article|body|section|span|br|h[1-6]|a|script|style|iframe|main|li)\b[^>]*>/i;
const MARKDOWN_HINT = /^(#{1,6} \S|\s*[-*+] \S|> \S)/m;
const MARKDOWN_INLINE = /\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*/;
/** detectFormat looks at this many characters. */
const SNIFFED_HEAD = 5000;
const looksLikeMarkup = (payload: string) => SNIFFED_TAG.test(payload) || MARKDOWN_HINT.test(payload) || MARKDOWN_INLINE.test(payload);

export interface Entry {
  /** Line number in the corpus file, from 0. */
  index: number;
  payload: string;
}

export interface Planted extends Entry {
  /** Which document (import) and which paragraph of it (from 0, after the headline) it sits in. */
  document: number;
  paragraph: number;
  /** The article sentence right before it. */
  before: string;
}

export interface HostDocument {
  /** The host article's file name. */
  host: string;
  headline: string;
  /** What is pasted into the import form. */
  content: string;
}

function readHost(name: string): { headline: string; paragraphs: string[] } {
  const blocks = fs.readFileSync(path.join(ARTICLES_DIR, name), "utf8").trim().split(/\n\s*\n/);
  return { headline: blocks[0]!.trim(), paragraphs: blocks.slice(1).map((b) => b.trim()) };
}

/** Sentence boundaries of our own prose: a period, ? or ! (optionally closing a quote) followed by a space and a capital or an opening quote. */
function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/);
}

/**
 * The text version: the host articles as pasted text, the corpus split evenly
 * between them. Markup-free payloads fill the paragraphs of each article's
 * first 5,000 characters (plus a margin), the rest go into the later
 * paragraphs; each paragraph carries its share between its sentences.
 */
export function plantAsText(corpus: Entry[]): { documents: HostDocument[]; planted: Planted[] } {
  const hosts = HOST_ARTICLES.map(readHost);
  const plain = corpus.filter((c) => !looksLikeMarkup(c.payload));
  const markup = corpus.filter((c) => looksLikeMarkup(c.payload));
  const planted: Planted[] = [];
  const documents = hosts.map((host, a) => {
    const mine = { plain: plain.filter((_, i) => i % hosts.length === a), markup: markup.filter((_, i) => i % hosts.length === a) };
    // The first paragraph index whose text starts beyond the sniffed head, counting the markup-free payloads that precede it.
    let length = host.headline.length + mine.plain.reduce((sum, c) => sum + c.payload.length + 1, 0);
    let split = 0;
    while (split < host.paragraphs.length && length < SNIFFED_HEAD + 400) length += host.paragraphs[split++]!.length + 2;
    if (split >= host.paragraphs.length - 2) throw new Error(`${HOST_ARTICLES[a]} is too short to carry its payloads as text`);
    const shares = [...spread(mine.plain, split), ...spread(mine.markup, host.paragraphs.length - split)];
    const paragraphs = host.paragraphs.map((paragraph, p) => {
      const parts = sentences(paragraph);
      const gaps = Math.max(1, parts.length - 1);
      const inGap: Entry[][] = Array.from({ length: gaps }, () => []);
      shares[p]!.forEach((entry, i) => inGap[i % gaps]!.push(entry));
      return parts
        .flatMap((sentence, s) =>
          [sentence, ...(inGap[s] ?? []).map((entry) => {
            planted.push({ ...entry, document: a, paragraph: p, before: sentence });
            return entry.payload;
          })],
        )
        .join(" ");
    });
    return { host: HOST_ARTICLES[a]!, headline: host.headline, content: [host.headline, ...paragraphs].join("\n\n") };
  });
  return { documents, planted };
}

/**
 * Payloads that, parsed as HTML, open an element whose content the importer
 * drops (textarea, style, noscript, form) or a second <body>, and never close
 * it: everything after them in the page is gone. Each goes last in its own
 * HTML article, so the payloads before it are still parsed as live markup.
 */
export const ENDS_THE_ARTICLE = [
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<body onload=alert(1)>`,
  `<body onload="window.__xss=1">`,
  `<textarea autofocus onfocus=alert(1)>`,
  `<textarea autofocus onfocus="window.__xss=1">`,
  `<style onload=alert(1)>`,
  `<style onload="window.__xss=1">`,
  `<form onsubmit=alert(1)>`,
  `<form onsubmit="window.__xss=1">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<body onpageshow=alert(1)>`,
  `<body onhashchange=alert(1)>`,
  `<form action=javascript:alert(1)><input type=submit>`,
];

/**
 * The HTML version: pages saved from a news site, one payload at the end of a
 * paragraph (many payloads leave an element open that swallows the rest of
 * its paragraph, never the next one), and one of ENDS_THE_ARTICLE at the end
 * of each page. So there are as many pages as those payloads, cycling
 * through the host articles.
 */
export function plantAsHtml(corpus: Entry[]): { documents: HostDocument[]; planted: Planted[] } {
  const hosts = HOST_ARTICLES.map(readHost);
  const enders = corpus.filter((c) => ENDS_THE_ARTICLE.includes(c.payload));
  const others = corpus.filter((c) => !ENDS_THE_ARTICLE.includes(c.payload));
  const pages = Math.max(enders.length, hosts.length);
  const shares = spread(others, pages);
  const planted: Planted[] = [];
  const documents = shares.map((share, d) => {
    const a = d % hosts.length;
    const host = hosts[a]!;
    const ender = enders[d];
    if (share.length > host.paragraphs.length - 1) throw new Error(`${HOST_ARTICLES[a]} has too few paragraphs for ${share.length} payloads`);
    // Spread over the paragraphs between the lede and the last one. A payload that leaves a <table> open wraps
    // everything after it, and Readability may then take that table for the article; such payloads go latest.
    const last = host.paragraphs.length - 1;
    const ordered = [...share].sort((x, y) => Number(opensTable(x.payload)) - Number(opensTable(y.payload)));
    const slot = new Map(ordered.map((entry, i) => [1 + Math.floor((i * (last - 1)) / ordered.length), entry]));
    const paragraphs = host.paragraphs.map((paragraph, p) => {
      const entry = p === last ? ender : slot.get(p);
      const text = escapeHtml(paragraph);
      if (!entry) return `<p>${text}</p>`;
      planted.push({ ...entry, document: d, paragraph: p, before: sentences(paragraph).at(-1)! });
      return `<p>${text} ${entry.payload}</p>`;
    });
    const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(host.headline)} | Civics Wire</title>
<meta property="og:site_name" content="Civics Wire">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/world">World</a></nav></header>
<main>
<article>
<h1>${escapeHtml(host.headline)}</h1>
<p class="byline">By Civics Wire staff</p>
${paragraphs.join("\n")}
</article>
</main>
<footer><p>Civics Wire is a fictional news service written for Civics Lab's tests.</p></footer>
</body>
</html>
`;
    return { host: HOST_ARTICLES[a]!, headline: host.headline, content: html };
  });
  return { documents, planted };
}

function opensTable(payload: string): boolean {
  return /<table\b/i.test(payload) && !/<\/table>/i.test(payload);
}

/** Splits `list` into `parts` runs of near-equal length, in order. */
function spread<T>(list: T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, i) => list.slice(Math.round((i * list.length) / parts), Math.round(((i + 1) * list.length) / parts)));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** How the importer normalizes text (control characters dropped, whitespace runs collapsed): a payload as it must appear in a text import. */
export function asImportedText(payload: string): string {
  return payload
    .replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/[\s\u00A0\u200B]+/g, " ")
    .trim();
}
