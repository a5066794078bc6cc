/**
 * Input → clean, structured body blocks and metadata ("structure in").
 * Bytes are checked before anything is parsed (size, binary content). HTML is
 * repaired (unclosed <textarea>/<script>/… and stray <html>/<body> tags no
 * longer swallow the rest of the page), sanitized (scripts, styles, iframes,
 * captions, related links and their contents dropped), then Mozilla
 * Readability finds the article on a linkedom DOM; its headings, paragraphs,
 * list items and block quotes are walked in order and only their text is
 * kept. Markdown and plain text get the same block structure from their own
 * syntax. Nothing from the input is ever rendered as HTML.
 * @see docs/IMPORT.md
 */
import { isShowFurniture } from "./analyze/show-furniture";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import { detectGenre } from "./genre";

export { decodeInput } from "./decode";
import { decodeInput } from "./decode";
import {
  ImportError,
  type ArticleInput,
  type ArticleSection,
  type DateSource,
  type ExtractedArticle,
  type InputFormat,
  type ParagraphKind,
} from "./types";

const MIN_WORDS = 80;

/** Elements whose contents are dropped entirely, not just unwrapped. */
const DROPPED_WITH_CONTENT = ["head", "title", "script", "style", "noscript", "iframe", "object", "embed", "svg", "math", "template", "canvas", "video", "audio", "form", "button", "select", "textarea", "nav", "aside", "footer", "figcaption"];

/** Obsolete elements whose contents a parser reads as raw text (an unclosed one would swallow the page). */
const RAW_TEXT_TAGS = ["xmp", "plaintext", "listing", "noembed", "noframes"];

const KEPT_TAGS = ["article", "main", "section", "div", "header", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "a", "em", "strong", "b", "i", "u", "span", "br", "figure", "time", "table", "tbody", "thead", "tr", "td", "th", "small", "sup", "sub", "q", "cite", "abbr"];

/** Class or id words of page furniture inside an article body (captions, credits, related links, sign-up boxes, share bars). */
const FURNITURE_CLASS = /(^|[\s_-])(captions?|credits?|photo-?credit|related|read-?more|more-?stories|recommended|newsletter|signup|sign-?up|promo|promos|share|sharing|social|subscribe|outbrain|taboola|advert|advertisement|ad|ads|sponsored|video-?caption|media-?caption|inline-?video|breadcrumbs?|tags?|updated|timestamp|kicker|eyebrow|live-?badge|standfirst-?credit|author-?bio|bio|pull-?quote|pullquote|support-?note|funding|funders?|donate|donation|comments?-?count|cookie-?notice|cookies?)([\s_-]|$)/i;

type BlockKind = ParagraphKind | "heading";
interface Block {
  kind: BlockKind;
  text: string;
  speaker?: string;
  /** The whole paragraph is bold ("**Is that something you support?**"): how print Q&As set the interviewer's turns. */
  bold?: boolean;
}

interface Extracted {
  blocks: Block[];
  title?: string;
  outlet?: string;
  author?: string;
  date?: string;
  dateSource?: DateSource;
  url?: string;
  /** Short text from the top of the page (byline area, time elements) where a dateline may be. */
  datelineText?: string;
  section?: string;
  schemaType?: string;
  /** Paragraphs that are nothing but a bold question: an interviewer's turns. */
  qaTurns?: number;
}

export function detectFormat(text: string): InputFormat {
  const head = text.slice(0, 5000);
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head)) return "html";
  const tags = head.match(/<\/?(p|div|article|body|section|span|br|h[1-6]|a|script|style|iframe|main|li)\b[^>]*>/gi)?.length ?? 0;
  if (tags >= 2) return "html";
  // Bullet lists alone don't make Markdown: plain-text pastes have them too, and the text reader keeps them.
  if (/^(#{1,6} \S|> \S)/m.test(head) || /\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*/.test(head)) return "markdown";
  return "text";
}

export function extractArticle(input: ArticleInput): ExtractedArticle {
  const raw = decodeInput(input.content);
  if (raw.trim() === "") throw new ImportError("empty", "There is nothing to import. Paste an article or choose a file.");
  const format = input.format && input.format !== "auto" ? input.format : detectFormat(raw);
  const extracted = format === "html" ? extractHtml(raw) : format === "markdown" ? extractMarkdown(raw) : extractText(raw);
  const body = assembleBody(extracted.blocks);
  const { paragraphs } = body;
  // Wire datelines ("WASHINGTON (AP) — ") are not part of the story a student reads.
  let hasDateline = false;
  let datelinePrefix = "";
  if (paragraphs[0]) {
    const match = DATELINE.exec(paragraphs[0]);
    if (match) {
      hasDateline = true;
      datelinePrefix = match[0];
      paragraphs[0] = paragraphs[0].slice(match[0].length);
    }
  }
  const words = paragraphs.join(" ").match(/\p{L}[\p{L}'’-]*/gu)?.length ?? 0;
  // Scripts without spaces (Chinese, Japanese) have few "words"; say it's not English rather than too short.
  if ((paragraphs.join("").match(/\p{L}/gu)?.length ?? 0) >= 200) assertEnglish(paragraphs.join(" "));
  if (words < MIN_WORDS) {
    if (format === "html") throw new ImportError("no_article", "We couldn't find an article in that page. Open the article itself (not a home or section page), or copy the article text and paste it.");
    throw new ImportError("too_short", `That text is too short for a lesson (${words} words). Paste a whole article of at least ${MIN_WORDS} words.`);
  }
  assertEnglish(paragraphs.join(" "));
  const chosen = chooseTitle(cleanTitle(input.title), extracted.title, body);
  const title = chosen.title;
  if (chosen.fromSection) body.sections.shift();
  const url = validUrl(input.url, true) ?? extracted.url;
  const date = findDate({
    given: validDate(input.date, true),
    page: extracted.date ? { date: extracted.date, source: extracted.dateSource ?? "meta" } : undefined,
    url,
    dateline: [datelinePrefix, extracted.datelineText ?? ""].join("\n"),
  });
  const { genre, certain: genreCertain } = detectGenre({
    title,
    paragraphs,
    paragraphKinds: body.paragraphKinds,
    headings: body.sections.map((section) => section.title),
    hasDateline,
    pageText: raw,
    ...defined({ url, section: [extracted.section, ...chosen.labels].filter(Boolean).join(" | ") || undefined, schemaType: extracted.schemaType, qaTurns: extracted.qaTurns }),
  });
  // A press release speaks for the organization that issued it: when its markers are there but the genre came out as
  // something else, that genre's purpose (and anything keyed on it) doesn't fit, so the genre is not certain.
  const pressRelease = /^\s*(?:for immediate release|media contact|press release)\b|^\s*#{3}\s*$/im.test(raw.slice(0, 600)) || /^\s*#{3}\s*$/m.test(raw.slice(-400));
  return {
    format,
    title,
    ...body,
    genre,
    genreCertain: genreCertain && !(pressRelease && genre !== "press-release"),
    ...defined({
      outlet: clean(input.outlet) ?? extracted.outlet,
      author: clean(input.author) ?? extracted.author,
      date: date?.date,
      dateSource: date?.source,
      url,
    }),
  };
}

/** Cleans and filters blocks, then lays them out as parallel paragraph arrays plus sections. */
function assembleBody(blocks: Block[]): Pick<ExtractedArticle, "paragraphs" | "paragraphKinds" | "quoteSpeakers" | "sections" | "boldParagraphs"> {
  const paragraphs: string[] = [];
  const boldParagraphs: number[] = [];
  const paragraphKinds: ParagraphKind[] = [];
  const quoteSpeakers: (string | undefined)[] = [];
  const sections: ArticleSection[] = [];
  let pendingHeading: string | undefined;
  let inRelatedList = false;
  for (const [blockIndex, block] of blocks.entries()) {
    let text = normalizeSpace(block.text);
    if (!text) continue;
    if (RELATED_LEAD.test(text)) {
      // "Related:" / "Read more" and the list of links after it.
      inRelatedList = true;
      continue;
    }
    if (block.kind === "list-item" && inRelatedList) continue;
    inRelatedList = false;
    // An interview's question set as a heading ("Why did you run?" over a first-person answer) is a turn, not a section.
    if (block.kind === "heading" && !isQuestionTurn(text, blocks[blockIndex + 1]?.text)) {
      if (wordCount(text) <= 20 && !BOILERPLATE.test(text) && !PAGE_FURNITURE.test(text)) pendingHeading = text.replace(/[:.]$/, "");
      continue;
    }
    let speaker = block.speaker ? normalizeSpace(block.speaker) : undefined;
    if (block.kind === "blockquote") {
      // "… — Jane Doe, mayor" closing the quote names its speaker.
      const signed = QUOTE_SIGNATURE.exec(text);
      if (signed && signed.index > 0) {
        speaker ??= signed[1];
        text = text.slice(0, signed.index).trim();
      }
      text = text.replace(/^[“"]\s*(.*?)\s*[”"]$/, "$1");
    }
    const kind: ParagraphKind = block.kind === "heading" ? "paragraph" : block.kind;
    // A caption the page did not mark up: the short block right after a lone "Photo"/"Image" label, or right before a
    // photo credit line ("Credit Jane Doe/Getty Images").
    if (kind === "paragraph" && wordCount(text) <= 60 && (MEDIA_LABEL.test(normalizeSpace(blocks[blockIndex - 1]?.text ?? "")) || PHOTO_CREDIT.test(normalizeSpace(blocks[blockIndex + 1]?.text ?? "")))) continue;
    if (!isContentBlock(text, kind, { index: blockIndex, total: blocks.length })) continue;
    if (pendingHeading !== undefined) {
      sections.push({ title: pendingHeading, firstParagraph: paragraphs.length });
      pendingHeading = undefined;
    }
    if (block.bold && kind === "paragraph") boldParagraphs.push(paragraphs.length);
    paragraphs.push(text);
    paragraphKinds.push(kind);
    quoteSpeakers.push(speaker ? cleanSpeaker(speaker) : undefined);
  }
  return { paragraphs, paragraphKinds, quoteSpeakers, sections, ...(boldParagraphs.length > 0 ? { boldParagraphs } : {}) };
}

const MEDIA_LABEL = /^(?:photo|photos|image|images|picture|video|photograph|gallery|slideshow|enlarge this image|toggle caption|hide caption)$/i;
const PHOTO_CREDIT = /^(?:photo |image )?credits?\s*[:\s]\s*\p{Lu}[^.]{0,100}(?:\/|Getty|Images|Press|Reuters|\bAP\b|Photo)|^\((?:AP|Reuters|AFP)? ?Photo\b|^(?:photo|image) (?:by|courtesy of)\s/iu;

/** A question labelled "Q:" or one answered in the first person (or after an "A:" label): an interview turn. */
export function isQuestionTurn(text: string, next: string | undefined): boolean {
  if (/^\s*Q\s*[:.]\s/.test(text)) return true;
  // A speaker's labelled turn ("HOST: What happens to fares?") is never a heading, whatever answers it.
  if (/\?["”]?\s*$/.test(text) && /^\s*(?:HOST|CO-?HOST|INTERVIEWER|MODERATOR|ANCHOR|Interviewer|Host|Moderator|[\p{Lu}][\p{Lu}.'’-]+(?:\s+[\p{Lu}][\p{Lu}.'’-]+){0,3}(?:\s*\([^)]{1,40}\))?)\s*:\s+\S/u.test(text)) return true;
  if (!/\?["”]?\s*$/.test(text) || !next) return false;
  return /^\s*A\s*[:.]\s/.test(next) || /\b(I|I['’]m|I['’]ve|I['’]d|we|my|our|me|us)\b/.test(next.replace(/[“"][^”"]*[”"]/g, " "));
}

const QUOTE_SIGNATURE = /\s*(?:^|\s)(?:—|–|--|―)\s*([\p{Lu}][\p{L}.'’ -]{1,60}?)(?:,[^,]{0,80})?\s*$/u;

function cleanSpeaker(speaker: string): string | undefined {
  const name = speaker.replace(/^(?:—|–|--|―|-)\s*/, "").replace(/,.*$/, "").replace(/[.\s]+$/, "").trim();
  return name && wordCount(name) <= 8 ? name : undefined;
}

// ---------------------------------------------------------------- HTML

function extractHtml(raw: string): Extracted {
  const repaired = repairHtml(raw);
  const meta = readHtmlMetadata(repaired);
  const sanitized = sanitizeHtml(repaired, {
    allowedTags: KEPT_TAGS,
    allowedAttributes: { "*": ["class", "id"], time: ["datetime"] },
    nonTextTags: [...DROPPED_WITH_CONTENT, ...RAW_TEXT_TAGS],
    disallowedTagsMode: "discard",
    allowedSchemes: [],
    // Captions, credits, related links and sign-up boxes inside the article go with their contents (never a big container).
    exclusiveFilter: (frame) => {
      const names = `${frame.attribs.class ?? ""} ${frame.attribs.id ?? ""}`;
      return frame.tag !== "article" && frame.tag !== "main" && FURNITURE_CLASS.test(names) && wordCount(frame.text) < 150;
    },
  });
  // Readability needs a whole document; the title is given separately since sanitizing drops <head>.
  const { document } = parseHTML(`<!doctype html><html><head><title>${escapeText(meta.docTitle ?? "")}</title></head><body>${sanitized}</body></html>`);
  let article: ReturnType<Readability<string>["parse"]> = null;
  try {
    article = new Readability(document, { charThreshold: 400 }).parse();
  } catch {
    article = null;
  }
  const outlet = clean(meta.outlet) ?? clean(article?.siteName ?? undefined);
  const title = pickHtmlTitle(meta, outlet, article?.title ?? undefined, article?.textContent ?? "");
  const byline = clean(article?.byline ?? undefined)?.replace(/^by\s+/i, "");
  const labels = [meta.section, meta.kicker, /^(analysis|opinion|interview|commentary)\b/i.test(article?.byline ?? "") ? article?.byline : undefined, ...titleLabels(meta.title), ...titleLabels(meta.docTitle)].filter(Boolean).join(" | ");
  const common = defined({
    title,
    outlet,
    author: clean(meta.author) ?? (byline && byline.length < 120 ? byline : undefined),
    url: validUrl(meta.url),
    section: labels || undefined,
    schemaType: meta.schemaType,
  });
  const pageDate = meta.jsonLdDate ? { date: meta.jsonLdDate, source: "json-ld" as const } : meta.metaDate ? { date: meta.metaDate, source: "meta" as const } : undefined;
  const datelineText = [meta.timeText, article?.byline ?? ""].join("\n");
  if (!article?.content) return { blocks: [], ...common, datelineText, ...(pageDate ? { date: pageDate.date, dateSource: pageDate.source } : {}) };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks: Block[] = [];
  walkBlocks(content.body, blocks, meta.quoteSpeakers, title);
  // The headline set as a plain paragraph ("<p class=hed>"), or repeated under the <h1>, is not part of the story.
  if (title) {
    const key = quoteKey(title);
    const at = blocks.slice(0, 6).findIndex((b) => b.kind !== "blockquote" && quoteKey(b.text) === key);
    if (at >= 0) blocks.splice(at, 1);
  }
  // Saved pages often repeat a photo's caption as a plain paragraph next to it (a lazy-load fallback, an alt text):
  // the caption was dropped with its <figcaption>, and so is its copy.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const key = quoteKey(blocks[i]!.text);
    if (blocks[i]!.kind === "paragraph" && wordCount(key) >= 4 && meta.captions.some((c) => c === key || c.startsWith(`${key} `))) blocks.splice(i, 1);
  }
  const qaTurns = ([...content.querySelectorAll("p")] as Element[]).filter((p) => {
    const bold = ([...p.querySelectorAll("strong, b")] as Element[]).map((b) => b.textContent ?? "").join(" ");
    const text = normalizeSpace(p.textContent ?? "");
    return text.endsWith("?") && normalizeSpace(bold) === text;
  }).length;
  if (blocks.length === 0) for (const text of (content.body.textContent ?? "").split(/\n\s*\n/)) blocks.push({ kind: "paragraph", text });
  // A page with no usable headline in its metadata or an <h1>: the headline is the short line at the top of the body.
  let bodyTitle: string | undefined;
  if (!title) {
    const at = bodyHeadlineIndex(blocks.map((b) => (b.kind === "heading" || b.kind === "paragraph" ? normalizeSpace(b.text) : "")));
    if (at >= 0) {
      bodyTitle = cleanTitle(normalizeSpace(blocks[at]!.text), outlet);
      blocks.splice(at, 1);
    }
  }
  const topText = (content.body.textContent ?? "").slice(0, 300);
  return { blocks, ...common, ...defined({ title: title ?? bodyTitle }), qaTurns, datelineText: `${datelineText}\n${topText}`, ...(pageDate ? { date: pageDate.date, dateSource: pageDate.source } : {}) };
}

const BLOCK_TAGS = new Set(["p", "li", "ul", "ol", "blockquote", "pre", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "main", "header", "figure", "tr", "tbody", "thead"]);

/** Walks the article DOM in reading order, turning elements into blocks. */
function walkBlocks(parent: Element, blocks: Block[], speakers: Map<string, string>, title: string | undefined): void {
  for (const node of [...parent.childNodes] as Node[]) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      const text = el.textContent ?? "";
      if (!title || normalizeSpace(text).toLowerCase() !== title.toLowerCase()) blocks.push({ kind: "heading", text });
    } else if (tag === "blockquote") {
      const inner = [...el.querySelectorAll("p")] as Element[];
      const cite = el.querySelector("cite, footer")?.textContent ?? undefined;
      const figureCaption = el.parentElement?.tagName.toLowerCase() === "figure" ? (el.parentElement.querySelector("figcaption")?.textContent ?? undefined) : undefined;
      for (const c of el.querySelectorAll("cite, footer")) c.remove();
      const texts = inner.length > 0 ? inner.map((p) => p.textContent ?? "") : [el.textContent ?? ""];
      const speaker = cite ?? figureCaption ?? speakers.get(quoteKey(el.textContent ?? ""));
      for (const text of texts) blocks.push({ kind: "blockquote", text, ...(speaker ? { speaker } : {}) });
    } else if (tag === "ul" || tag === "ol") {
      const items = ([...el.children] as Element[]).filter((c) => c.tagName.toLowerCase() === "li");
      // A list whose items are nothing but links is "related stories", not the article.
      if (items.length >= 2 && items.every(isAllLink)) continue;
      for (const item of items) {
        const nested = [...item.querySelectorAll("ul, ol, p, blockquote")] as Element[];
        if (nested.length > 0) {
          const own = [...item.childNodes].filter((n) => !(n.nodeType === 1 && BLOCK_TAGS.has((n as Element).tagName.toLowerCase()))).map((n) => n.textContent ?? "").join("");
          if (normalizeSpace(own)) blocks.push({ kind: "list-item", text: own });
          walkBlocks(item, blocks, speakers, title);
        } else {
          blocks.push({ kind: "list-item", text: item.textContent ?? "" });
        }
      }
    } else if (tag === "figcaption") {
      continue;
    } else if (tag === "p" || tag === "pre" || tag === "td" || tag === "th") {
      if (el.querySelector("p, ul, ol, blockquote, table")) walkBlocks(el, blocks, speakers, title);
      else blocks.push({ kind: "paragraph", text: el.textContent ?? "", ...(wholeBold(el) ? { bold: true } : {}) });
    } else if (BLOCK_TAGS.has(tag)) {
      const hasBlockChildren = ([...el.children] as Element[]).some((c) => BLOCK_TAGS.has(c.tagName.toLowerCase()));
      if (hasBlockChildren) walkBlocks(el, blocks, speakers, title);
      else if (tag !== "figure") blocks.push({ kind: "paragraph", text: el.textContent ?? "" });
    }
  }
}

/** A paragraph whose every letter sits inside <strong>/<b> (an interviewer's turn in a print Q&A). */
function wholeBold(el: Element): boolean {
  const text = normalizeSpace(el.textContent ?? "");
  if (!/\p{L}/u.test(text)) return false;
  const bold = normalizeSpace(([...el.querySelectorAll("strong, b")] as Element[]).filter((b) => !b.parentElement?.closest("strong, b") || b.parentElement === el).map((b) => b.textContent ?? "").join(" "));
  return bold.replace(/\s+/g, "") === text.replace(/\s+/g, "");
}

function isAllLink(item: Element): boolean {
  const text = normalizeSpace(item.textContent ?? "");
  const linked = normalizeSpace(([...item.querySelectorAll("a")] as Element[]).map((a) => a.textContent ?? "").join(" "));
  return text.length > 0 && linked.length >= text.length * 0.9;
}

function quoteKey(text: string): string {
  return normalizeSpace(text).toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").slice(0, 80);
}

/**
 * Broken markup must not cost the rest of the article. A parser (and a
 * browser) treats everything after an unclosed <textarea>, <script> or
 * <title> as that element's text; here an opening tag with no closing tag is
 * removed instead, and stray <html>/<body> tags are dropped.
 */
export function repairHtml(raw: string): string {
  // A comment with no end ("<!-- ad slot" and then the article) loses only its opening marker, not the rest.
  let html = raw.replace(/<!--[\s\S]*?-->/g, "").replace(/<!--/g, "");
  // "<textarea/>" or "<script src=… />" is an opening tag to an HTML parser (the slash means nothing there), so it
  // would swallow the rest of the page: written out as an empty element instead.
  for (const tag of [...DROPPED_WITH_CONTENT, ...RAW_TEXT_TAGS]) {
    html = html.replace(new RegExp(`<(${tag})\\b([^>]*?)\\s*/>`, "gi"), "<$1$2></$1>");
  }
  // Obsolete raw-text elements (<xmp>, <plaintext>, <listing>) are never article text: unclosed, only the tag goes.
  for (const tag of [...DROPPED_WITH_CONTENT, ...RAW_TEXT_TAGS]) {
    const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
    const open: { start: number; end: number }[] = [];
    const unmatched: { start: number; end: number }[] = [];
    for (const match of html.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + match[0].length };
      if (match[1]) open.pop();
      else if (!match[0].endsWith("/>")) open.push(span);
    }
    unmatched.push(...open);
    for (const span of unmatched.reverse()) html = html.slice(0, span.start) + html.slice(span.end);
  }
  return html.replace(/<\/?(html|body)\b[^>]*>/gi, " ");
}

interface HtmlMetadata {
  docTitle?: string;
  title?: string;
  fallbackTitle?: string;
  /** The JSON-LD article's headline. */
  headline?: string;
  /** Text of the page's <h1> elements, those inside <article>/<main> first (logo headings left out). */
  h1s: string[];
  /** The site's own name, from og:site_name, application-name or the JSON-LD publisher. */
  siteNames: string[];
  outlet?: string;
  author?: string;
  jsonLdDate?: string;
  metaDate?: string;
  timeText: string;
  kicker: string;
  url?: string;
  section?: string;
  schemaType?: string;
  /** Block-quote text key → speaker, from <footer>/<cite> inside the quote or the caption of its figure. */
  quoteSpeakers: Map<string, string>;
  /** The text keys (see quoteKey) of every <figcaption> and caption-classed element on the page. */
  captions: string[];
}

/** Metadata from JSON-LD, <meta>, <link rel=canonical> and <time>; read from a DOM that never runs scripts. */
function readHtmlMetadata(raw: string): HtmlMetadata {
  const { document } = parseHTML(raw);
  const metaContent = (...names: string[]) => {
    for (const name of names) {
      for (const el of document.querySelectorAll(`meta[property="${name}" i], meta[name="${name}" i], meta[itemprop="${name}" i]`)) {
        const value = el.getAttribute("content")?.trim();
        if (value) return value;
      }
    }
    return undefined;
  };
  const jsonLd = readJsonLd(document);
  const parsely = metaContent("parsely-page");
  let parselyDate: string | undefined;
  if (parsely) {
    try {
      parselyDate = (JSON.parse(parsely) as { pub_date?: string }).pub_date;
    } catch {
      parselyDate = undefined;
    }
  }
  const itempropDate = document.querySelector('[itemprop="datePublished"]');
  const metaDate =
    [
      metaContent("article:published_time", "og:article:published_time", "og:published_time", "og:pubdate", "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "datePublished", "pubdate", "publishdate", "publish-date", "date", "article.published", "article:modified_time"),
      parselyDate,
      itempropDate?.getAttribute("content") ?? itempropDate?.getAttribute("datetime") ?? undefined,
      document.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined,
    ]
      .map((value) => parseLooseDate(value))
      .find(Boolean) ?? undefined;
  const quoteSpeakers = new Map<string, string>();
  for (const quote of document.querySelectorAll("blockquote") as unknown as Element[]) {
    const signature = quote.querySelector("footer, cite")?.textContent;
    const parent = quote.parentElement;
    const caption = parent?.tagName.toLowerCase() === "figure" ? parent.querySelector("figcaption")?.textContent : undefined;
    const speaker = normalizeSpace(signature ?? caption ?? "");
    if (!speaker) continue;
    const clone = quote.cloneNode(true) as Element;
    for (const c of clone.querySelectorAll("footer, cite")) c.remove();
    quoteSpeakers.set(quoteKey(clone.textContent ?? ""), speaker);
  }
  return {
    docTitle: document.querySelector("title")?.textContent?.trim() || undefined,
    title: metaContent("og:title"),
    // A shorter social-media headline, used only when the page has no other title.
    fallbackTitle: metaContent("twitter:title") ?? jsonLd.headline,
    headline: jsonLd.headline,
    h1s: [...(document.querySelectorAll("article h1, main h1") as unknown as Element[]), ...(document.querySelectorAll("h1") as unknown as Element[])]
      .filter((h) => !/(^|[\s_-])(logo|brand|masthead|site-?(name|title))([\s_-]|$)/i.test(`${h.getAttribute("class") ?? ""} ${h.getAttribute("id") ?? ""}`))
      .map((h) => normalizeSpace(h.textContent ?? ""))
      .filter((t) => wordCount(t) >= 2),
    siteNames: [metaContent("og:site_name"), metaContent("application-name"), metaContent("apple-mobile-web-app-title"), jsonLd.publisher].filter((n): n is string => Boolean(n)),
    outlet: metaContent("og:site_name", "application-name") ?? jsonLd.publisher,
    author: (metaContent("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator") ?? jsonLd.author)?.replace(/^by\s+/i, ""),
    ...defined({
      jsonLdDate: parseLooseDate(jsonLd.datePublished),
      metaDate,
      url: document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? metaContent("og:url") ?? jsonLd.url,
      section: metaContent("article:section", "parsely-section", "sailthru.section", "section") ?? jsonLd.section,
      schemaType: jsonLd.type,
    }),
    timeText: ([...document.querySelectorAll("time, .updated, .timestamp, .date, .dateline")] as Element[]).map((t) => t.textContent ?? "").join("\n"),
    captions: ([...document.querySelectorAll('figcaption, [class*="caption" i], [class*="cutline" i]')] as Element[]).map((c) => quoteKey(c.textContent ?? "")).filter((k) => k.length > 0),
    kicker: ([...document.querySelectorAll('.kicker, .eyebrow, .section-label, .label, [class*="kicker"]')] as Element[]).map((k) => normalizeSpace(k.textContent ?? "")).filter((t) => wordCount(t) <= 5).join(" | "),
    quoteSpeakers,
  };
}

interface JsonLdArticle {
  type?: string;
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
  section?: string;
}

/** The first article-like object in any JSON-LD block, looking inside @graph arrays and nested objects. */
function readJsonLd(document: Document): JsonLdArticle {
  const found: JsonLdArticle = {};
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || !value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const types = ([] as unknown[]).concat(record["@type"] ?? []).map(String);
    const articleType = types.find((t) => /Article|Posting|Report|Review|Blog/i.test(t));
    if (articleType && found.datePublished === undefined && typeof record.datePublished === "string") {
      found.type = articleType;
      found.datePublished = record.datePublished;
      found.headline ??= typeof record.headline === "string" ? record.headline : undefined;
      found.author ??= nameOf(record.author);
      found.publisher ??= nameOf(record.publisher);
      found.url ??= typeof record.url === "string" ? record.url : typeof record.mainEntityOfPage === "string" ? record.mainEntityOfPage : undefined;
      found.section ??= typeof record.articleSection === "string" ? record.articleSection : Array.isArray(record.articleSection) ? String(record.articleSection[0] ?? "") || undefined : undefined;
    } else if (!found.datePublished && typeof record.datePublished === "string" && !types.some((t) => /WebPage|WebSite/i.test(t))) {
      found.datePublished = record.datePublished;
    }
    for (const [key, child] of Object.entries(record)) if (key === "@graph" || (typeof child === "object" && key !== "author" && key !== "publisher")) visit(child, depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]') as unknown as Element[]) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // A broken JSON-LD block is ignored; the other sources still count.
    }
  }
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

function nameOf(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof first === "string") return first;
  if (first && typeof first === "object" && typeof (first as { name?: unknown }).name === "string") return (first as { name: string }).name;
  return undefined;
}

// ---------------------------------------------------------------- Markdown

function extractMarkdown(raw: string): Extracted {
  const normalized = raw.replace(/\r\n?/g, "\n");
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(normalized)?.[1] ?? "";
  const labels = [...frontMatter.matchAll(/^(?:section|category|categories|type|kind):\s*(.+)$/gim)].map((m) => m[1]!.trim());
  let text = normalized.replace(/^---\n[\s\S]*?\n---\n/, "");
  const qaTurns = text.split(/\n\s*\n/).filter((block) => /^\s*(\*\*|__)[^*_]+\?\s*(\*\*|__)\s*$/.test(block)).length;
  let title: string | undefined;
  const h1 = /^#\s+(.+)$/m.exec(text);
  if (h1?.[1]) {
    title = inlineMarkdown(h1[1].trim());
    text = text.replace(h1[0], "");
  }
  text = decodeEntities(sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, nonTextTags: DROPPED_WITH_CONTENT }));
  const blocks: Block[] = [];
  // A transcript pasted line by line ("**Neal:** Hello.", "**Mike:** Hi, Neal."; three such lines or more): every line is
  // its own paragraph, as it was on the page, so each speaker's turn stays apart.
  const lineTurns = text.split("\n").filter((line) => /^\s*(\*\*|__)[^*_\n]{1,40}?(?::\1|\1:)\s*\S/.test(line)).length >= 3;
  let current: Block | undefined;
  const flush = () => {
    // "**Is there a place for that in the budget?**": a paragraph that is bold as a whole.
    const bold = current?.kind === "paragraph" && /^(\*\*|__)(?:(?!\1)[\s\S])+\1$/.test(current.text.trim());
    if (current) blocks.push({ ...current, text: inlineMarkdown(current.text), ...(bold ? { bold: true } : {}) });
    current = undefined;
  };
  for (const line of text.split("\n")) {
    const heading = /^#{2,6}\s+(.+?)\s*#*\s*$/.exec(line);
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    const quote = /^\s*>\s?(.*)$/.exec(line);
    if (!line.trim()) {
      flush();
    } else if (/^\s*([-*_]\s*){3,}$/.test(line) || /^\s*!\[[^\]]*\]\([^)]*\)\s*$/.test(line)) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: "heading", text: inlineMarkdown(heading[1]!) });
    } else if (quote) {
      const body = quote[1]!.trim();
      const signature = /^(?:—|–|--|―|-)\s*(\S.*)$/.exec(body);
      if (signature && current?.kind === "blockquote") current.speaker = signature[1];
      else if (!body) flush();
      else if (current?.kind === "blockquote" && !current.speaker) current.text += ` ${body}`;
      else {
        flush();
        current = { kind: "blockquote", text: body };
      }
    } else if (item) {
      flush();
      current = { kind: "list-item", text: item[1]! };
    } else if (/^(?:—|–|--|―)\s*\S/.test(line.trim()) && blocks.at(-1)?.kind === "blockquote" && !current) {
      // "— Name" on the line after a quote.
      const last = blocks.at(-1)!;
      last.speaker ??= line.trim().replace(/^(?:—|–|--|―)\s*/, "");
    } else if (current && ((current.kind === "paragraph" && !lineTurns) || (current.kind === "list-item" && /^\s{2,}\S/.test(line)))) {
      current.text += ` ${line.trim()}`;
    } else {
      flush();
      current = { kind: "paragraph", text: line.trim() };
    }
  }
  flush();
  // A short "Outlet · Interviews · date" line under the headline labels the piece.
  const kicker = text.split("\n").slice(0, 8).filter((line) => /·|\|/.test(line) && wordCount(line) <= 12);
  labels.push(...kicker);
  return { blocks, qaTurns, ...defined({ title, section: labels.join(" | ") || undefined }), datelineText: text.slice(0, 400) };
}

function inlineMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// ---------------------------------------------------------------- Plain text

const LIST_MARKER = /^\s*(?:[-*•·▪◦‣]|\d{1,2}[.)])\s+(\S.*)$/;
/** A date or time line ("Posted 6:12 a.m. Oct. 3, 2026", "Published Nov. 18, 2026", "Aug. 27, 2026 | 5 min read"): never a headline. */
const DATE_LINE = /^(?:(?:posted|published|updated|last updated|first published)\b.{0,60}$|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+.{0,40}\d{4}\b.{0,30}$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b.{0,30}$|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b.{0,30}$|\d{4}-\d{2}-\d{2}\b.{0,30}$)/i;

function extractText(raw: string): Extracted {
  const text = raw.replace(/\r\n?/g, "\n").trim();
  let blocks = text.split(/\n\s*\n/);
  // Some pastes put one paragraph per line with no blank lines between them.
  if (blocks.length === 1 && text.split("\n").length > 2) blocks = text.split("\n");
  // A page header pasted as one block of short lines ("OPINION" / "Posted 6:12 a.m. Oct. 3" / headline / "By …")
  // is several blocks: otherwise its label, date line, headline and byline run together into one "title".
  blocks = blocks.flatMap((block, i) => {
    const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
    return i < 3 && lines.length > 1 && lines.length <= 6 && lines.every((l) => wordCount(l) <= 20 && !LIST_MARKER.test(l)) && lines.some((l) => DATE_LINE.test(l) || /^by\s+\p{Lu}/iu.test(l) || /\|/.test(l) || /^[\p{Lu}\s&|]+$/u.test(l))
      ? lines
      : [block];
  });
  let title: string | undefined;
  let author: string | undefined;
  // The issuer's header of a release ("Department of Justice" / "Office of Public Affairs") and its "FOR IMMEDIATE
  // RELEASE" label sit above the headline (or above the lead, when a release has none): labels, never the title.
  const labels: string[] = [];
  const issuerAboveLabel = () => ISSUER_LINE.test(blocks[0]!.trim()) && wordCount(blocks[0]!) <= 8 && RELEASE_LABEL.test(blocks[1]?.trim() ?? "");
  while (blocks.length > 1 && labels.length < 4 && (isIssuerBlock(blocks[0]!) || issuerAboveLabel() || RELEASE_LABEL.test(blocks[0]!.trim()))) {
    labels.push(blocks[0]!.trim().replace(/\s*\n\s*/g, " "));
    blocks = blocks.slice(1);
  }
  // A headline is a short line without a final period (or with one, when a byline follows it); page furniture and
  // section labels above it ("Watch CBS News", "OPINION", "Tech | Elections") go, and the labels say what the piece is.
  const isByline = (block: string | undefined) => block !== undefined && /^(by|analysis by|opinion by|interview by|words by)\s+\p{Lu}/iu.test(block.trim());
  const headline = blocks.slice(0, 4).findIndex(
    (b, i) =>
      wordCount(b) >= 4 &&
      wordCount(b) <= 30 &&
      (!/[.!?]$/.test(b.trim()) || (wordCount(b) <= 30 && isByline(blocks[i + 1])) || (i === 0 && /^[^?]{3,80}:\s[^?]+\?$/.test(b.trim()) && wordCount(b) <= 16)) &&
      !BOILERPLATE.test(b.trim()) &&
      !isShowFurniture(b.trim()) &&
      !LIST_MARKER.test(b) &&
      !isByline(b) &&
      !DATE_LINE.test(b.trim()) &&
      !RELEASE_LABEL.test(b.trim()) &&
      !NAV_LINE.test(b.trim()) &&
      !COUNTS.test(b.trim()) &&
      !MORE_FURNITURE.test(b.trim()) &&
      // A block of one- to three-word lines is a menu ("Skip to content" / "Menu" / "Search"), not a headline.
      !(b.trim().includes("\n") && b.split("\n").every((l) => wordCount(l) <= 3)) &&
      // "Tech | Elections" is a section label; "Headline | Site Name" is a headline with the site after it.
      (!/\|/.test(b) || titleLabels(b).length > 0 || wordCount(b.split("|")[0]!) >= 4),
  );
  if (blocks.length > 1 && headline >= 0) {
    const line = blocks[headline]!.trim().replace(/\s*\n\s*/g, " ");
    title = cleanTitle(line) ?? line;
    labels.push(...titleLabels(line));
    labels.push(...blocks.slice(0, headline).filter((b) => (wordCount(b) <= 6 || RELEASE_LABEL.test(b.trim())) && !DATE_LINE.test(b.trim())));
    blocks = blocks.slice(headline + 1);
  } else if (blocks.length > 1) {
    // A paste whose headline sits on the first line of the first block, the story right under it (no blank line).
    const [first, ...rest] = blocks[0]!.split("\n");
    const line = first?.trim() ?? "";
    if (rest.join(" ").trim() && wordCount(line) >= 3 && wordCount(line) <= 20 && !/[.!?:,;]$/.test(line) && !BOILERPLATE.test(line) && !DATE_LINE.test(line) && !isByline(line) && !RELEASE_LABEL.test(line) && !/^[\p{Lu}\s&|]+$/u.test(line)) {
      title = cleanTitle(line) ?? line;
      labels.push(...titleLabels(line));
      blocks = [rest.join("\n"), ...blocks.slice(1)];
    } else {
      // A headline written as a question, or with a closing period: one short line over a much longer first paragraph.
      const start = blocks.findIndex((b, i) => i < 3 && !NAV_LINE.test(b.trim()) && !(b.includes("\n") && b.split("\n").every((l) => wordCount(l) <= 3)));
      const lone = blocks[start]?.trim() ?? "";
      const next = blocks[start + 1]?.trim() ?? "";
      if (start >= 0 && !lone.includes("\n") && wordCount(lone) >= 3 && wordCount(lone) <= 16 && /[?.]$/.test(lone) && /^[\p{Lu}\d“"]/u.test(lone) && wordCount(next) >= Math.max(20, 2 * wordCount(lone)) && !isQuestionTurn(lone, next) && !BOILERPLATE.test(lone) && !isShowFurniture(lone) && !/^(?:by)\s/i.test(lone) && sharesWords(lone, next)) {
        title = lone.replace(/\.$/, "");
        blocks = blocks.slice(start + 1);
      }
    }
  }
  for (const block of blocks.slice(0, 3)) {
    if (!isByline(block)) continue;
    const line = block.trim().split("\n")[0]!;
    labels.push(line);
    author ??= /^(?:\w+\s+)?by\s+([^,|\n]+)/i.exec(line)?.[1]?.trim();
  }
  const out: Block[] = [];
  blocks.forEach((block, index) => {
    const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) return;
    const next = blocks[index + 1]?.trim() ?? "";
    // A lone short line in Title or sentence case, followed by prose, opens a section.
    if (lines.length === 1 && out.some((b) => b.kind === "paragraph") && isHeadingLine(lines[0]!) && !isQuestionTurn(lines[0]!, next) && next && !LIST_MARKER.test(next) && wordCount(next) >= 12) {
      out.push({ kind: "heading", text: lines[0]! });
      return;
    }
    if (lines.some((l) => LIST_MARKER.test(l))) {
      let prose: string[] = [];
      const flush = () => {
        if (prose.length) out.push({ kind: "paragraph", text: prose.join(" ") });
        prose = [];
      };
      for (const line of lines) {
        const item = LIST_MARKER.exec(line);
        if (item) {
          flush();
          out.push({ kind: "list-item", text: item[1]! });
        } else if (out.at(-1)?.kind === "list-item" && prose.length === 0 && !/^\p{Lu}/u.test(line)) {
          out.at(-1)!.text += ` ${line}`;
        } else {
          prose.push(line);
        }
      }
      flush();
      return;
    }
    // Page furniture pasted as short unpunctuated lines ("CBS News App Open") is not part of a paragraph.
    const furniture = lines.slice(0, -1).some((l) => l.length < 50 && !/[.!?,;:"”'’]$/.test(l));
    if (furniture) for (const line of lines) out.push({ kind: "paragraph", text: line });
    else out.push({ kind: "paragraph", text: lines.join(" ") });
  });
  return { blocks: out, ...defined({ title, author, section: labels.join(" | ") || undefined }), datelineText: text.slice(0, 600) };
}

const ISSUER_LINE = /^(?:the\s+)?(?:(?:U\.S\.|[\p{Lu}][\p{L}.'’&-]*)\s+){0,4}?(?:Department|Office|Ministry|Bureau|Agency|Division|Press Office|Newsroom|Communications)(?:\s+of(?:\s+the)?(?:\s+[\p{Lu}][\p{L}.'’&-]*){1,4})?$/u;

/**
 * An issuer's header: two or more short lines that each name an office ("Department of Justice", "Office of Public
 * Affairs"), or one such line right above a release label. A headline has a verb ("… Announces Indictment") on one line.
 */
function isIssuerBlock(block: string): boolean {
  const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.length >= 2 && lines.length <= 4 && lines.every((l) => wordCount(l) <= 8 && ISSUER_LINE.test(l));
}

function isHeadingLine(line: string): boolean {
  const words = wordCount(line);
  return (
    words >= 1 &&
    words <= 10 &&
    /^[\p{Lu}\d“"]/u.test(line) &&
    // A line ending in a colon leads into what follows ("Lindahl described it in a blog post:"): not a heading.
    !/[.,;:!"”'’]$/.test(line) &&
    !BOILERPLATE.test(line) &&
    !PAGE_FURNITURE.test(line) &&
    !VIDEO_CAPTION.test(line) &&
    !CREDIT.test(line) &&
    !DATE_IN_TEXT.test(line)
  );
}

// ---------------------------------------------------------------- Filters

const DATELINE = /^\p{Lu}[\p{Lu}\s.,'’]{2,40}?(?:,\s*\p{Lu}[\p{Ll}.]{1,10}\.?(?=\s*[(—–-]))?(?:,\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--)\s*/u;
// "Share" alone or "Share this …" is a share bar; "share a payroll office with …" is a sentence (a list item after "could:").
const BOILERPLATE = /^(advertisement|advert|sponsored|read more|related|share(?= this\b|\s*$|\s*[|·:])|sign up|subscribe|follow us|listen|watch|click here|continue reading|most popular|recommended|trending|more from|you may also like|also read)\b/i;
const RELATED_LEAD = /^(related( stories| coverage| articles| links| content)?|read more|more (from|on|about) .{0,40}|more stories|recommended( for you)?|most (popular|read)|you (may|might) also like|also read|see also|trending( now| news)?)\s*:?$/i;

const PAGE_FURNITURE = /\b(notifications?|newsletters?|subscribe|sign up|download (the|our) app|all rights reserved|cookies?|privacy policy|terms of (use|service))\b/i;
const VIDEO_CAPTION = /\s\d{1,2}:\d{2}$/;
/** Credit lines and captions: "… contributed to this report", "(Reuters)", "Photo: …", "AP Photo/…". */
const CREDIT =
  /(contributed (to )?(this )?(report|story|article|reporting)\.?$|^\(?(Reuters|AP|AFP|Associated Press|CNN|Bloomberg)\)?\.?$|^(photos?|image|video|credit|photograph|illustration|graphic|caption|file photo|pictured)s?( by| credit)?\s*[:|/]|\b(Getty Images|AP Photo|Reuters\/|AFP via Getty|via Getty|Shutterstock|\(AP Photo)\b|^\(?(additional )?(reporting|writing|editing) by\b|\b(additional reporting|editing) by \p{Lu}|^copyright\b|^©)/iu;

/** End-of-article notes: author bios, corrections, series and funding notes, disclaimers, tip lines, "Related:" rows, timestamps. */
const NOTE =
  /^(related|read more|read next|more from [^:]{1,40}|see also|also read)\s*:|^(updated|published|posted|last updated)\b[^.]{0,60}\.?$|^(updated|published|posted|last updated)\b.{0,50}\d{1,2}:\d{2}\s*[ap]\.\s?m\.$|^letters (should|must|may) (be|include)\b|^(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4},? (?:at )?\d{1,2}:\d{2}\s*[ap]\.\s?m\.$|^to the editor\s*:$|^(this (article|story|column|interview|piece|report) (was|has been) (updated|corrected|amended))|^(correction|clarification)\s*:|^an earlier version of this|^this (interview|story|article|column|series|report|piece|podcast) (is|was) (part of|supported|funded|produced|made possible|edited|condensed)|\bviews expressed\b|\breflects? (his|her|their|the author's) (own )?views\b|\bviews are (his|her|their|my) own\b|\b(letters? to the editor|got a (news )?tip|send (us )?(corrections|tips)|email us at)\b|^our standards\b|trust principles/i;
/** Share bars and counters: "Share 18 · Comments 42", "14 comments", "Facebook Twitter Email", "3 hours ago", "4 min read". */
const COUNTS =
  /^(?:(?:share|shares|comments?|likes?|views?|reactions?|replies)\s*[:·]?\s*\d[\d,.]*k?\s*(?:[·|•,]\s*)?)+$|^\d[\d,.]*k?\s+(?:comments?|shares?|likes?|views|reactions|replies|responses)\b.{0,30}$|^(?:\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|seconds?)\s+(?:ago|read)|\d+\s*min read)\b|^(?:(?:facebook|twitter|x|email|e-mail|whatsapp|linkedin|reddit|pinterest|print|copy link|share|messenger|bluesky|threads|flipboard|sms)\s*[|·•,/]?\s*){2,}$/i;
/**
 * More furniture pasted or saved with a story: print-edition notes, image descriptions and alt text, "Source:
 * Supplied" photo captions, "Powered by …", cookie banners, newsletter and follow prompts, audio players, "On Twitter:
 * Follow …" lines, a transcript's announcement ("Here is a transcript of the first part"), slideshow counters.
 */
const MORE_FURNITURE =
  /^(?:print edition|in print|image (?:description|alt|caption)|alt(?:ernative)? text|image|photo|picture|illustration)\s*:|^\[(?:image|photo|picture|video|graphic)\b[^\]]*\]$|^(?:a version of )?this (?:article|story) (?:appears?|appeared|ran) (?:in print|on page|in the print)|\bappeared in (?:the )?print edition\b|\bon page [A-Z]?\d{1,3} of the\b|^powered by\b|\bsource\s*:\s*(?:supplied|handout|file|screenshot|social media|facebook|twitter|instagram|x|getty|courtesy)\b[^.]{0,30}\.?\)?$|\b(?:uses? cookies|cookie (?:policy|settings|preferences|consent)|accept (?:all )?cookies|manage (?:your )?cookies)\b|^(?:get|sign up for|subscribe to|receive)\b.{0,60}\bnewsletter\b|^(?:follow|like) us on\b|^(?:listen to this (?:article|story)|audio version)\b|^on (?:twitter|x|instagram|facebook|bluesky|threads|mastodon|tiktok)\s*:|^follow\s+(?:@?[\w.'’-]+\s+){1,4}(?:on|at)\s+(?:twitter|x|instagram|facebook|bluesky|threads|mastodon|tiktok)\b|^here(?:['’]s| is) (?:a |an |the )?(?:full |edited |partial |complete )?transcript\b|^(?:the following|what follows|below) is (?:a |an )?(?:full |edited |partial |complete )?transcript\b|^(?:slide|photo|image|picture) \d{1,3} (?:of|\/) \d{1,3}\b|^\d{1,3} (?:of|\/) \d{1,3}$|^(?:view|see|open|launch|start) (?:the )?(?:slideshow|slide show|gallery|photo gallery)\b|^(?:enlarge this image|hide caption|toggle caption)$/i;

/** "Jane Doe is a correspondent for the Ledger." / "… covers City Hall for …" */
const AUTHOR_BIO = /^(?:Dr\.? |Prof\.? )?\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3} (?:(?:covers|writes about|reports on|writes a (?:weekly |monthly |regular )?column)\b|(?:is|was|teaches|edited|edits)\b[^.]{0,160}?\b(?:editor|correspondent|reporter|columnist|contributor|journalist|column|writer|board member|teaches|edited|professor|lecturer|senior fellow|former member)\b)/u;

function isContentBlock(text: string, kind: BlockKind, position?: { index: number; total: number }): boolean {
  const words = wordCount(text);
  if (words === 0) return false;
  if (NOTE.test(text) && words < 60) return false;
  if (MORE_FURNITURE.test(text) && words < 60) return false;
  if (COUNTS.test(text) && words < 15) return false;
  // Author bios sit at the very end.
  if (position && position.index >= position.total - 4 && AUTHOR_BIO.test(text) && words < 60) return false;
  if ((BOILERPLATE.test(text) || PAGE_FURNITURE.test(text)) && words < 20) return false;
  if (CREDIT.test(text) && words < 40) return false;
  // A host's greeting or sign-off, production credits, a press release's header or "About …" note, a caption or docket
  // line, a prompt to the reader: judged on the block's first sentence, so a long answer that ends with thanks stays.
  if (words < 60 && isShowFurniture(text.split(/(?<=[.!?])\s+(?=[“"\p{Lu}])/u)[0]!)) return false;
  if (VIDEO_CAPTION.test(text)) return false;
  // List items and quotes need not end like sentences ("- Cut emissions by half by 2030").
  if (kind === "list-item" || kind === "blockquote") return words >= 3;
  // Captions, bylines, headlines and buttons don't end like sentences.
  return /[.!?"”'’:)]$/.test(text) ? words >= 3 : words >= 25;
}

// ---------------------------------------------------------------- Dates

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const DATE_IN_TEXT = new RegExp(`\\b(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})\\s+${MONTH}\\s+(\\d{4}))\\b`, "i");

function findDate(sources: { given?: string; page?: { date: string; source: DateSource }; url?: string; dateline: string }): { date: string; source: DateSource } | undefined {
  if (sources.given) return { date: sources.given, source: "given" };
  if (sources.page) return sources.page;
  const fromUrl = dateFromUrl(sources.url);
  if (fromUrl) return { date: fromUrl, source: "url" };
  // A dateline is a date on a short line of its own near the top ("Published July 31, 2017 3:05 PM").
  for (const line of sources.dateline.split("\n")) {
    if (wordCount(line) > 16) continue;
    const date = dateFromText(line);
    if (date) return { date, source: "dateline" };
  }
  return undefined;
}

export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|\.html?|$)/.exec(url);
  if (!match) return undefined;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function dateFromText(text: string): string | undefined {
  const match = DATE_IN_TEXT.exec(text);
  if (!match) return undefined;
  const [monthName, day, year] = match[1] ? [match[1], match[2], match[3]] : [match[5], match[4], match[6]];
  const month = MONTHS.indexOf(monthName!.slice(0, 3).toLowerCase()) + 1;
  return isoDate(Number(year), month, Number(day));
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (!year || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** "2017-07-31T…", "2017-07-31 12:00", "20170731", "Mon, 31 Jul 2017 …", "July 31, 2017" → 2017-07-31. */
function parseLooseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(trimmed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})\b/.exec(trimmed);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return dateFromText(trimmed);
}

// ---------------------------------------------------------------- Helpers

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

/** A release label above or in a title: "PRESS RELEASE", "FOR IMMEDIATE RELEASE", "News release from the Office of …". */
const RELEASE_LABEL = /^(?:press release|news release|media release|media advisory|for immediate release)\b/i;
/** Genre labels a page puts beside its headline ("… | Opinion", "Op-Ed: …"). */
const GENRE_LABEL = /^(?:opinion|op-?ed|editorial|commentary|column|analysis|explainer|interview|q&a|press release|news release)$/i;

/** The genre labels in a page title, for the genre detector ("Our town should not sell it | Opinion" → ["Opinion"]). */
export function titleLabels(value: string | undefined): string[] {
  const title = clean(value);
  if (!title) return [];
  const labels = title.split(/\s*[|–—]\s*|\s+-\s+|:\s+/).map((part) => part.trim()).filter((part) => GENRE_LABEL.test(part));
  const release = RELEASE_LABEL.exec(title);
  if (release && !labels.some((l) => l.toLowerCase() === release[0].toLowerCase())) labels.push(release[0]);
  return labels;
}

/** A site slogan or a release header is not a headline: it shares no word with the story's opening. */
function sharesWords(title: string, text: string): boolean {
  const words = (value: string) => new Set((value.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !TITLE_STOP.has(w)));
  const body = words(text);
  return [...words(title)].some((w) => body.has(w) || body.has(w.replace(/s$/, "")) || body.has(`${w}s`));
}
const TITLE_STOP = new Set(["about", "after", "from", "into", "over", "this", "that", "with", "what", "when", "where", "which", "will", "your", "their", "more", "news", "stay", "informed", "inspired", "daily", "today", "latest", "office", "press", "release", "immediate"]);

/**
 * The lesson title: the teacher's, else the page's headline, unless that is page furniture (a release header, a
 * slogan sharing no word with the story) while the page's first heading, above the first paragraph, is on topic.
 */
function chooseTitle(given: string | undefined, found: string | undefined, body: Pick<ExtractedArticle, "paragraphs" | "sections">): { title: string; labels: string[]; fromSection: boolean } {
  if (given) return { title: given, labels: [], fromSection: false };
  const opening = body.paragraphs.slice(0, 3).join(" ");
  const heading = body.sections[0]?.firstParagraph === 0 ? body.sections[0].title : undefined;
  const labels = titleLabels(found);
  const furniture = !found || RELEASE_LABEL.test(found) || /^(?:from )?(?:the )?office of\b/i.test(found) || !sharesWords(found, opening);
  if (furniture && heading && sharesWords(heading, opening)) return { title: heading, labels, fromSection: true };
  const stripped = found?.replace(/^(?:press release|news release|media release|for immediate release)\s*[:|–—-]?\s*/i, "").trim();
  if (stripped && !/^(?:from )?(?:the )?office of\b/i.test(stripped)) return { title: stripped, labels, fromSection: false };
  // A release with no headline of its own: its lead says what is announced ("The Department of Justice today
  // announced the indictment of …"), which is the headline a reader would give it.
  return { title: announcementTitle(body.paragraphs[0]) ?? (found || "Untitled article"), labels, fromSection: false };
}

const ANNOUNCE_VERBS: Record<string, string> = { announced: "announces", unveiled: "unveils", released: "releases", launched: "launches", issued: "issues", filed: "files", awarded: "awards", signed: "signs", approved: "approves", named: "names", appointed: "appoints", charged: "charges", indicted: "indicts" };

/** "The Department of Justice today announced the indictment of X, 19, who …" → "Department of Justice announces the indictment of X". */
export function announcementTitle(lead: string | undefined): string | undefined {
  const m = new RegExp(`^(?:The\\s+)?(\\p{Lu}[^,.;:]{2,80}?)\\s+(?:(?:today|yesterday|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\\s+)?(${Object.keys(ANNOUNCE_VERBS).join("|")})\\s+(?:today\\s+)?([^,;:]+)`, "u").exec(lead ?? "");
  if (!m) return undefined;
  let words = m[3]!.replace(/\s+(?:today|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b.*$/, "").replace(/[.!]$/, "").split(/\s+/);
  // A headline-length object: a long one is cut before a preposition after its first eight words, never inside a name.
  if (words.length > 16) {
    const cut = words.slice(0, 16).findIndex((w, i) => i >= 8 && /^(?:at|in|for|to|with|on|from|after|over|under|by)$/.test(w));
    words = words.slice(0, cut > 0 ? cut : 16);
  }
  const object = words.join(" ");
  if (wordCount(object) < 2) return undefined;
  return `${m[1]} ${ANNOUNCE_VERBS[m[2]!]} ${object}`;
}

/** Section names and site slogans that pages put in <title> or og:title instead of the headline. */
const GENERIC_TITLE = /^(?:(?:the|home|homepage|front page|news|local|latest|breaking|top|stories|story|headlines|weather|sports?|obituaries|business|politics|entertainment|lifestyle|e-edition|videos?|photos|podcasts?|traffic|events|community|region|state|national|world|and|&|page|not|found|404|untitled|index|article|welcome|to|your|source|for)[\s,&|:·-]*)+$/i;
const TITLE_SEPARATOR = /\s+[|–—·-]\s+|\s+::\s+|\s*\|\s*/;

/** Letters and digits only, lowercase, no leading "the": "The Alder Bay Examiner" ≈ "alderbayexaminer". */
const siteKey = (value: string) => value.toLowerCase().replace(/^the\s+/, "").replace(/[^\p{L}\p{N}]/gu, "");

/** The site's names: its declared names and its web address ("alderbayexaminer" from www.alderbayexaminer.com). */
function siteNamesOf(meta: HtmlMetadata, outlet: string | undefined): string[] {
  const names = [...meta.siteNames, ...(outlet ? [outlet] : [])];
  // "Home - Valley Dispatch", "Valley Dispatch | Local news, weather": beside a section label, the rest is the site.
  const docParts = (meta.docTitle ?? "").split(TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (docParts.length === 2 && docParts.some((part) => GENERIC_TITLE.test(part))) names.push(...docParts.filter((part) => !GENERIC_TITLE.test(part) && wordCount(part) <= 5));
  try {
    if (meta.url) names.push(new URL(meta.url).hostname.replace(/^www\./, "").split(".")[0]!);
  } catch {
    // no usable address
  }
  return names.map(siteKey).filter((k) => k.length >= 3);
}

/** "Alder Bay Examiner | Local news, weather" and "Home - Valley Dispatch" name the site, not the story. */
export function isSiteTitle(title: string, sites: string[]): boolean {
  const parts = title.split(TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  return parts.every((part) => GENERIC_TITLE.test(part) || sites.includes(siteKey(part)));
}

/** Drops the site's name and section labels from either end of a page title ("Valley Dispatch | Headline", "Headline - Valley Dispatch"). */
function stripSiteName(value: string | undefined, sites: string[], outlet: string | undefined): string | undefined {
  const title = clean(value);
  if (!title) return undefined;
  const parts = title.split(/\s+[|–—·]\s+|\s+-\s+|\s*\|\s*/);
  const isSite = (part: string) => sites.includes(siteKey(part)) || (GENERIC_TITLE.test(part) && !GENRE_LABEL.test(part));
  const before = parts.length;
  while (parts.length > 1 && isSite(parts.at(-1)!)) parts.pop();
  while (parts.length > 1 && isSite(parts[0]!)) parts.shift();
  return cleanTitle(parts.length === before ? title : parts.join(" - "), outlet);
}

/**
 * The headline of an HTML page: og:title, the <h1>, the JSON-LD headline, twitter:title, then <title>, leaving out
 * any that only names the site or a section ("Alder Bay Examiner", "Home - Valley Dispatch"); among those left, the
 * first that shares a word with the story's opening (a slogan shares none).
 */
function pickHtmlTitle(meta: HtmlMetadata, outlet: string | undefined, readabilityTitle: string | undefined, articleText: string): string | undefined {
  const sites = siteNamesOf(meta, outlet);
  const candidates = [meta.title, meta.h1s[0], meta.headline, meta.fallbackTitle, readabilityTitle, meta.docTitle]
    .map((value) => stripSiteName(value, sites, outlet))
    .filter((value): value is string => Boolean(value) && !isSiteTitle(value!, sites) && wordCount(value!) >= 2);
  if (candidates.length === 0) return undefined;
  const opening = normalizeSpace(articleText).slice(0, 1500);
  return candidates.find((c) => sharesWords(c, opening)) ?? candidates[0];
}

const NAV_LINE = /^(?:skip to (?:main )?(?:content|navigation)|menu|search|sign in|log ?in|log out|my account|sections|home|toggle navigation|open menu|close)\b/i;

/** A short line that reads as a headline: 3–25 words, no closing period, colon or comma, and no page furniture. */
export function isHeadlineLike(line: string): boolean {
  const text = normalizeSpace(line);
  const words = wordCount(text);
  return (
    words >= 3 &&
    words <= 25 &&
    /^[\p{Lu}\d“"‘']/u.test(text) &&
    !/[.,;:]$/.test(text) &&
    !NAV_LINE.test(text) &&
    !BOILERPLATE.test(text) &&
    !PAGE_FURNITURE.test(text) &&
    !NOTE.test(text) &&
    !CREDIT.test(text) &&
    !COUNTS.test(text) &&
    !MORE_FURNITURE.test(text) &&
    !DATE_LINE.test(text) &&
    !VIDEO_CAPTION.test(text) &&
    !/^(?:by|words by|story by|written by)\s+\p{Lu}/iu.test(text) &&
    !isShowFurniture(text)
  );
}

/**
 * Where the headline is among the first blocks of a page body that has none elsewhere: a headline-like line followed
 * by a byline, a date line or the story's first paragraph; -1 when the story starts without one.
 */
function bodyHeadlineIndex(texts: string[]): number {
  for (let i = 0; i < Math.min(texts.length - 1, 5); i++) {
    const text = texts[i]!;
    if (!text) continue;
    if (wordCount(text) >= 25 && /[.!?"”]$/.test(text)) return -1;
    if (!isHeadlineLike(text)) continue;
    const next = texts.slice(i + 1).find((t) => t.trim() !== "") ?? "";
    if (/^(?:by|words by|story by)\s+\p{Lu}/iu.test(next) || DATE_LINE.test(next) || wordCount(next) >= 20) return i;
  }
  return -1;
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
  if (match && isoDate(Number(match[1]), Number(match[2]), Number(match[3]))) return match[0];
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
