/**
 * Input → clean paragraphs and metadata. Bytes are checked before anything is
 * parsed (size, binary content); HTML goes through sanitize-html (scripts,
 * styles, iframes and their contents dropped) and then Mozilla Readability on
 * a linkedom DOM, and only the text of the resulting blocks is kept. Nothing
 * from the input is ever rendered as HTML.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import { ImportError, MAX_INPUT_BYTES, type ArticleInput, type ExtractedArticle, type InputFormat } from "./types";

const MIN_WORDS = 80;

/** Elements whose contents are dropped entirely, not just unwrapped. */
const DROPPED_WITH_CONTENT = ["script", "style", "noscript", "iframe", "object", "embed", "svg", "math", "template", "canvas", "video", "audio", "form", "button", "select", "textarea", "nav", "aside", "footer"];

const KEPT_TAGS = ["html", "head", "body", "title", "article", "main", "section", "div", "header", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "a", "em", "strong", "b", "i", "u", "span", "br", "figure", "figcaption", "time", "table", "tbody", "thead", "tr", "td", "th", "small", "sup", "sub", "q", "cite", "abbr"];

export function decodeInput(content: string | Uint8Array): string {
  if (typeof content !== "string") {
    if (content.byteLength > MAX_INPUT_BYTES) throw tooLarge();
    if (content.includes(0)) throw binary();
    const text = new TextDecoder("utf-8").decode(content);
    const replacements = text.match(/\uFFFD/g)?.length ?? 0;
    if (replacements > 0 && replacements / Math.max(1, text.length) > 0.01) throw binary();
    return stripControl(text);
  }
  if (new TextEncoder().encode(content).byteLength > MAX_INPUT_BYTES) throw tooLarge();
  if (content.includes("\0")) throw binary();
  const controls = content.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (controls > 0 && controls / Math.max(1, content.length) > 0.01) throw binary();
  return stripControl(content);
}

function stripControl(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

function tooLarge() {
  return new ImportError("too_large", "That file is larger than 2 MB. Save just the article page, or paste the article's text instead.");
}

function binary() {
  return new ImportError("binary", "That doesn't look like text. Upload a web page saved as .html, or a .txt or .md file, or paste the article's text.");
}

export function detectFormat(text: string): InputFormat {
  const head = text.slice(0, 5000);
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head)) return "html";
  const tags = head.match(/<\/?(p|div|article|body|section|span|br|h[1-6]|a|script|style|iframe|main|li)\b[^>]*>/gi)?.length ?? 0;
  if (tags >= 2) return "html";
  if (/^(#{1,6} \S|\s*[-*+] \S|> \S)/m.test(head) || /\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*/.test(head)) return "markdown";
  return "text";
}

export function extractArticle(input: ArticleInput): ExtractedArticle {
  const raw = decodeInput(input.content);
  if (raw.trim() === "") throw new ImportError("empty", "There is nothing to import. Paste an article or choose a file.");
  const format = input.format && input.format !== "auto" ? input.format : detectFormat(raw);
  const extracted = format === "html" ? extractHtml(raw) : format === "markdown" ? extractMarkdown(raw) : extractText(raw);
  const paragraphs = extracted.paragraphs.map(normalizeSpace).filter(isContentParagraph);
  // Wire datelines ("WASHINGTON (AP) — ") are not part of the story a student reads.
  if (paragraphs[0]) paragraphs[0] = paragraphs[0].replace(DATELINE, "");
  const words = paragraphs.join(" ").match(/\p{L}[\p{L}'’-]*/gu)?.length ?? 0;
  // Scripts without spaces (Chinese, Japanese) have few "words"; say it's not English rather than too short.
  if ((paragraphs.join("").match(/\p{L}/gu)?.length ?? 0) >= 200) assertEnglish(paragraphs.join(" "));
  if (words < MIN_WORDS) {
    if (format === "html") throw new ImportError("no_article", "We couldn't find an article in that page. Open the article itself (not a home or section page), or copy the article text and paste it.");
    throw new ImportError("too_short", `That text is too short for a lesson (${words} words). Paste a whole article of at least ${MIN_WORDS} words.`);
  }
  assertEnglish(paragraphs.join(" "));
  const title = cleanTitle(input.title) ?? extracted.title ?? "Untitled article";
  return {
    format,
    title,
    paragraphs,
    paragraphKinds: paragraphs.map(() => "paragraph" as const),
    quoteSpeakers: paragraphs.map(() => undefined),
    sections: [],
    genre: "news",
    ...defined({
      outlet: clean(input.outlet) ?? extracted.outlet,
      author: clean(input.author) ?? extracted.author,
      date: validDate(input.date, true) ?? extracted.date,
      url: validUrl(input.url, true) ?? extracted.url,
    }),
  };
}

type Partial = { paragraphs: string[]; title?: string; outlet?: string; author?: string; date?: string; url?: string };

function extractHtml(raw: string): Partial {
  const meta = readHtmlMetadata(raw);
  const sanitized = sanitizeHtml(raw, {
    allowedTags: KEPT_TAGS,
    allowedAttributes: { "*": ["class", "id"], time: ["datetime"] },
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: "discard",
    allowedSchemes: [],
  });
  // Readability needs a whole document; sanitize-html keeps <title> text but drops the head structure.
  const { document } = parseHTML(`<!doctype html><html><head><title>${escapeText(meta.docTitle ?? "")}</title></head><body>${sanitized.replace(/^[\s\S]*?<body>|<\/body>[\s\S]*$/gi, "")}</body></html>`);
  let article: ReturnType<Readability<string>["parse"]> = null;
  try {
    article = new Readability(document, { charThreshold: 400 }).parse();
  } catch {
    article = null;
  }
  if (!article?.content) return { paragraphs: [] };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks = [...content.querySelectorAll("p, li, blockquote, pre, td")] as Element[];
  const paragraphs = blocks
    // A blockquote or list item that wraps paragraphs would repeat their text.
    .filter((el) => !el.querySelector("p, li, blockquote, pre, td"))
    .filter((el) => el.tagName.toLowerCase() !== "li" || wordCount(el.textContent ?? "") >= 8)
    .map((el) => el.textContent ?? "");
  if (paragraphs.length === 0) paragraphs.push(...(content.body.textContent ?? "").split(/\n\s*\n/));
  const byline = clean(article.byline ?? undefined)?.replace(/^by\s+/i, "");
  return {
    paragraphs,
    title: cleanTitle(meta.title) ?? cleanTitle(article.title ?? undefined, meta.outlet ?? article.siteName ?? undefined),
    ...defined({
      outlet: clean(meta.outlet) ?? clean(article.siteName ?? undefined),
      author: clean(meta.author) ?? (byline && byline.length < 120 ? byline : undefined),
      date: validDate(meta.date) ?? validDate(article.publishedTime ?? undefined),
      url: validUrl(meta.url),
    }),
  };
}

/** Metadata from <meta>, <link rel=canonical> and <time>; read from a DOM that never runs scripts. */
function readHtmlMetadata(raw: string) {
  const { document } = parseHTML(raw);
  const metaContent = (...names: string[]) => {
    for (const name of names) {
      const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
      const value = el?.getAttribute("content")?.trim();
      if (value) return value;
    }
    return undefined;
  };
  return {
    docTitle: document.querySelector("title")?.textContent?.trim() || undefined,
    title: metaContent("og:title", "twitter:title"),
    outlet: metaContent("og:site_name", "application-name"),
    author: metaContent("author", "article:author", "byl")?.replace(/^by\s+/i, ""),
    date: metaContent("article:published_time", "date", "pubdate", "dc.date") ?? document.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined,
    url: document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? metaContent("og:url"),
  };
}

function extractMarkdown(raw: string): Partial {
  let text = raw.replace(/\r\n?/g, "\n").replace(/^---\n[\s\S]*?\n---\n/, "");
  let title: string | undefined;
  const h1 = /^#\s+(.+)$/m.exec(text);
  if (h1?.[1]) {
    title = h1[1].trim();
    text = text.replace(h1[0], "");
  }
  text = sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, nonTextTags: DROPPED_WITH_CONTENT });
  const lines = text.split("\n").map((line) =>
    line
      .replace(/^#{1,6}\s+.*$/, "")
      .replace(/^\s*([-*_]\s*){3,}$/, "")
      .replace(/^\s*>\s?/, "")
      .replace(/^\s*([-*+]|\d+[.)])\s+/, ""),
  );
  const paragraphs = lines
    .join("\n")
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
        .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
        .replace(/(\*\*|__)(.+?)\1/g, "$2")
        .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
        .replace(/`([^`]+)`/g, "$1")
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">"),
    );
  return { paragraphs, ...defined({ title }) };
}

function extractText(raw: string): Partial {
  const text = raw.replace(/\r\n?/g, "\n").trim();
  let blocks = text.split(/\n\s*\n/);
  // Some pastes put one paragraph per line with no blank lines between them.
  if (blocks.length === 1 && text.split("\n").length > 2) blocks = text.split("\n");
  let title: string | undefined;
  // A headline is a short line without a final period; page furniture above it ("Watch CBS News") goes.
  const headline = blocks.slice(0, 4).findIndex((b) => wordCount(b) >= 4 && wordCount(b) <= 20 && !/[.!?]$/.test(b.trim()) && !BOILERPLATE.test(b.trim()));
  if (blocks.length > 1 && headline >= 0) {
    title = blocks[headline]!.trim();
    blocks = blocks.slice(headline + 1);
  }
  // Page furniture pasted as short unpunctuated lines ("CBS News App Open") is not part of a paragraph.
  const paragraphs = blocks.flatMap((block) => {
    const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
    const furniture = lines.slice(0, -1).some((l) => l.length < 50 && !/[.!?,;:"”'’]$/.test(l));
    return furniture ? lines : [lines.join(" ")];
  });
  return { paragraphs, ...defined({ title }) };
}

const DATELINE = /^\p{Lu}[\p{Lu}\s.,'’]{2,40}?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--)\s*/u;
const BOILERPLATE = /^(advertisement|advert|sponsored|read more|related|share( this)?|sign up|subscribe|follow us|listen|watch|click here|continue reading|most popular|recommended)\b/i;

const PAGE_FURNITURE = /\b(notifications?|newsletter|subscribe|sign up|download (the|our) app|all rights reserved|cookies?|privacy policy|terms of (use|service))\b/i;
const VIDEO_CAPTION = /\s\d{1,2}:\d{2}$/;

function isContentParagraph(paragraph: string): boolean {
  if (!paragraph) return false;
  const words = wordCount(paragraph);
  if ((BOILERPLATE.test(paragraph) || PAGE_FURNITURE.test(paragraph)) && words < 20) return false;
  if (VIDEO_CAPTION.test(paragraph)) return false;
  // Captions, bylines, headlines and buttons don't end like sentences.
  return /[.!?"”'’:)]$/.test(paragraph) ? words >= 3 : words >= 25;
}

const STOPWORDS = new Set(
  "the of and to a in is that for it on was with as by at he she they be this are from his her their has have had not but or an which who said will would been were its also more than after into about".split(" "),
);

/** Non-English text has few English function words; a news article in English has 30-45 %. */
function assertEnglish(text: string): void {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  const words = text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  const stop = words.filter((w) => STOPWORDS.has(w)).length;
  if (letters === 0 || latin / letters < 0.8 || words.length === 0 || stop / words.length < 0.15) {
    throw new ImportError("not_english", "This article doesn't look like English. Civics Lab can only draft lessons from English text for now.");
  }
}

export function wordCount(text: string): number {
  return text.match(/\p{L}[\p{L}'’-]*|\d+/gu)?.length ?? 0;
}

function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00A0\u200B]+/g, " ").trim();
}

function clean(value: string | undefined): string | undefined {
  const text = value ? normalizeSpace(value) : "";
  return text ? text.slice(0, 200) : undefined;
}

/** Drops a trailing " | Outlet" or " - Outlet" that sites add to page titles. */
function cleanTitle(value: string | undefined, outlet?: string): string | undefined {
  let title = clean(value);
  if (!title) return undefined;
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length > 1) {
    const last = parts.at(-1)!;
    if ((outlet && last.toLowerCase() === outlet.toLowerCase()) || wordCount(last) <= 3) title = parts.slice(0, -1).join(" - ");
  }
  return title;
}

function validDate(value: string | undefined, strict = false): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (match && !Number.isNaN(Date.parse(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`))) return match[0];
  if (strict) throw new ImportError("bad_metadata", `The date "${value}" isn't valid. Use YYYY-MM-DD, for example 2024-05-14.`);
  return undefined;
}

function validUrl(value: string | undefined, strict = false): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
  } catch {
    // fall through
  }
  if (strict) throw new ImportError("bad_metadata", `The link "${value.slice(0, 80)}" isn't a web address. Use one starting with http:// or https://.`);
  return undefined;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function defined<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
