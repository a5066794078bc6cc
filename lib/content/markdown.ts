/**
 * Parser for lesson reading text (docs/CONTENT_FORMAT.md): sections headed
 * `## Title {#s-id}`, paragraphs starting with `{#anchor}`, and a small inline
 * subset (bold, italic, links, glossary marks). The output is plain data, not
 * HTML: the lesson page turns it into HTML strings with every value escaped
 * (lib/reading/paragraph-html.ts) and sets them with dangerouslySetInnerHTML,
 * so nothing an author writes reaches the page as markup.
 */
import { slugify } from "../text/slugify";

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] }
  | { kind: "term"; termId: string; text: string };

export interface Paragraph {
  anchor: string;
  inline: Inline[];
  /** The paragraph as plain text (for search, read-aloud and readability). */
  plain: string;
}

export interface Section {
  id: string;
  heading: string;
  paragraphs: Paragraph[];
}

export interface LessonBody {
  sections: Section[];
}

export interface ParseProblem {
  line: number;
  message: string;
}

const HEADING = /^##\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$/;
const ANCHOR = /^\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s+/;

export function parseLessonMarkdown(markdown: string): { body: LessonBody; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  const sections: Section[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let block: { start: number; lines: string[] } | null = null;

  const flush = () => {
    if (!block) return;
    const text = block.lines.join(" ").trim();
    const start = block.start;
    block = null;
    if (!text) return;
    const current = sections.at(-1);
    if (!current) {
      problems.push({ line: start, message: "text before the first `## Heading {#s-id}`" });
      return;
    }
    const anchorMatch = ANCHOR.exec(text);
    if (!anchorMatch?.[1]) {
      problems.push({ line: start, message: "paragraph does not start with an anchor like {#p1}" });
      return;
    }
    const rest = text.slice(anchorMatch[0].length);
    const { inline, problems: inlineProblems } = parseInline(rest);
    for (const message of inlineProblems) problems.push({ line: start, message });
    current.paragraphs.push({ anchor: anchorMatch[1], inline, plain: inlineToPlain(inline) });
  };

  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const lineNumber = index + 1;
    if (line.startsWith("#")) {
      flush();
      const heading = HEADING.exec(line);
      if (!heading?.[1] || !heading[2]) {
        problems.push({ line: lineNumber, message: "headings must be `## Title {#s-id}`" });
        return;
      }
      if (!heading[2].startsWith("s-")) problems.push({ line: lineNumber, message: `section id "${heading[2]}" must start with "s-"` });
      sections.push({ id: heading[2], heading: heading[1], paragraphs: [] });
      return;
    }
    if (line.trim() === "") {
      flush();
      return;
    }
    if (/<[a-z!/]/i.test(line)) problems.push({ line: lineNumber, message: "HTML is not allowed in lesson text" });
    if (block) block.lines.push(line.trim());
    else block = { start: lineNumber, lines: [line.trim()] };
  });
  flush();

  if (sections.length === 0) problems.push({ line: 1, message: "no sections found" });
  for (const section of sections) {
    if (section.paragraphs.length === 0) problems.push({ line: 1, message: `section "${section.id}" has no paragraphs` });
  }
  return { body: { sections }, problems };
}

/** Parses the inline subset; unknown markup is kept as text. */
export function parseInline(source: string): { inline: Inline[]; problems: string[] } {
  const problems: string[] = [];
  const inline = parseRun(source, problems);
  return { inline, problems };
}

function parseRun(source: string, problems: string[]): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const pushText = () => {
    if (text) out.push({ kind: "text", text });
    text = "";
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    if (rest.startsWith("[[")) {
      const end = rest.indexOf("]]");
      if (end > 2) {
        const inner = rest.slice(2, end);
        const [shown, explicitId] = inner.split("|").map((part) => part.trim());
        const termId = explicitId ?? slugify(shown ?? "");
        if (!shown || !termId) problems.push(`empty glossary mark "[[${inner}]]"`);
        else {
          pushText();
          out.push({ kind: "term", termId, text: shown });
        }
        i += end + 2;
        continue;
      }
      problems.push("unclosed glossary mark `[[`");
    }
    if (rest.startsWith("**")) {
      const end = rest.indexOf("**", 2);
      if (end > 2) {
        pushText();
        out.push({ kind: "strong", children: parseRun(rest.slice(2, end), problems) });
        i += end + 2;
        continue;
      }
    }
    if (rest.startsWith("*") && !rest.startsWith("**")) {
      const end = rest.indexOf("*", 1);
      if (end > 1) {
        pushText();
        out.push({ kind: "em", children: parseRun(rest.slice(1, end), problems) });
        i += end + 1;
        continue;
      }
    }
    if (rest.startsWith("[")) {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
      if (link?.[1] && link[2]) {
        if (!/^https?:\/\//.test(link[2])) problems.push(`link "${link[2]}" must be an http(s) URL`);
        else {
          pushText();
          out.push({ kind: "link", href: link[2], children: parseRun(link[1], problems) });
          i += link[0].length;
          continue;
        }
      }
    }
    text += source[i];
    i += 1;
  }
  pushText();
  return out;
}

export function inlineToPlain(inline: Inline[]): string {
  return inline
    .map((node) => {
      switch (node.kind) {
        case "text":
        case "term":
          return node.text;
        default:
          return inlineToPlain(node.children);
      }
    })
    .join("");
}

export function bodyToPlain(body: LessonBody): string {
  return body.sections.flatMap((s) => s.paragraphs.map((p) => p.plain)).join("\n\n");
}

export function paragraphAnchors(body: LessonBody): string[] {
  return body.sections.flatMap((s) => s.paragraphs.map((p) => p.anchor));
}

export function termIdsIn(inline: Inline[]): string[] {
  return inline.flatMap((node) => (node.kind === "term" ? [node.termId] : node.kind === "text" ? [] : termIdsIn(node.children)));
}
