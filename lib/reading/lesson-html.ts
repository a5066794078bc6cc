/**
 * The lesson page's read-only blocks besides the article's paragraphs (./paragraph-html.ts) as HTML
 * strings: the objectives, takeaways and discussion lists, the key vocabulary, the timeline's events,
 * who's who and the sources. The page sends each through the SentOnceHtml island (lib/reading/shared-html.ts), so the
 * text is in the HTML document once and the RSC payload carries a 43-character key instead of a
 * second copy: every element a server component renders is also serialized into the RSC payload,
 * and these blocks were most of the lesson's (docs/BENCHMARKS.md, issue #14).
 *
 * Safety, as in ./paragraph-html.ts: every text and attribute value goes through `escapeHtml`, tags,
 * attribute names and classes are fixed here, and a URL becomes a link only if it is http(s)
 * (anything else shows no link). tests/unit/lesson-html.test.ts feeds hostile input through each.
 */
import { formatContentDate } from "./format";
import { escapeHtml, type GlossaryDefinition } from "./paragraph-html";

export interface ActorHtmlEntry {
  id: string;
  name: string;
  kind: "person" | "country" | "organization";
  role: string;
  position: string;
  source: string;
}

export interface SourceHtmlEntry {
  title: string;
  publisher: string;
  url?: string;
  date?: string;
}

function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

/** A timeline event's date and title (the inside of its button, or of its line when all are shown). */
export function timelineHeadHtml(event: { date: string; title: string }): string {
  return `<time datetime="${escapeHtml(event.date)}" class="block text-sm font-semibold text-brand-800 dark:text-brand-200">${escapeHtml(formatContentDate(event.date))}</time><span class="font-semibold">${escapeHtml(event.title)}</span>`;
}

/** A timeline event's details: what happened, and its source. */
export function timelineDetailsHtml(event: { title: string; description: string; source: string }): string {
  return `<p>${escapeHtml(event.description)}</p>${sourceLinkHtml(event.source, event.title, "mt-1 text-sm")}`;
}

/** List items, one per string. */
export function listItemsHtml(items: readonly string[]): string {
  return items.map((item) => `<li>${escapeHtml(item)}</li>`).join("");
}

/** The key vocabulary's terms and definitions (the inside of its `<dl>`). */
export function vocabularyHtml(terms: readonly GlossaryDefinition[]): string {
  return terms.map((term) => `<div><dt class="font-semibold"><dfn class="not-italic">${escapeHtml(term.term)}</dfn></dt><dd class="muted">${escapeHtml(term.definition)}</dd></div>`).join("");
}

const ACTOR_GROUPS: { kind: ActorHtmlEntry["kind"]; title: string }[] = [
  { kind: "country", title: "Countries" },
  { kind: "person", title: "People" },
  { kind: "organization", title: "Organizations" },
];

function sourceLinkHtml(url: string, name: string, className = ""): string {
  return isWebUrl(url) ? `<p class="${className}"><a href="${escapeHtml(url)}" rel="noopener noreferrer external">Source<span class="sr-only"> for ${escapeHtml(name)}</span></a></p>` : "";
}

/**
 * Who's who, grouped by kind (the inside of its grid): plain lists with nothing to operate but
 * links, so keyboards, screen readers and printers all get the same thing.
 */
export function actorsHtml(actors: readonly ActorHtmlEntry[]): string {
  return ACTOR_GROUPS.map((group) => {
    const members = actors.filter((actor) => actor.kind === group.kind);
    if (members.length === 0) return "";
    const items = members
      .map(
        (actor) =>
          `<li class="card p-4"><p class="font-semibold">${escapeHtml(actor.name)}</p><p class="mt-0.5 text-sm muted">${escapeHtml(actor.role)}</p>` +
          `<p class="mt-2 text-sm"><span class="font-semibold">Position: </span>${escapeHtml(actor.position)}</p>${sourceLinkHtml(actor.source, actor.name, "mt-2 text-xs")}</li>`,
      )
      .join("");
    return (
      `<section aria-labelledby="actors-${group.kind}"><h3 id="actors-${group.kind}" class="text-sm font-semibold uppercase tracking-wide text-stone-700 dark:text-stone-300">` +
      `${group.title} <span class="font-normal">(${members.length})</span></h3><ul class="mt-2 space-y-3">${items}</ul></section>`
    );
  }).join("");
}

/** The sources list's items; `authorPrefix` ("Jane Doe, ") goes before each publisher for an imported article. */
export function sourcesHtml(sources: readonly SourceHtmlEntry[], authorPrefix = ""): string {
  return sources
    .map((source) => {
      const title = isWebUrl(source.url) ? `<a href="${escapeHtml(source.url)}" rel="noopener noreferrer external" class="underline">${escapeHtml(source.title)}</a>` : `<cite class="not-italic">${escapeHtml(source.title)}</cite>`;
      const details = ` · ${authorPrefix}${source.publisher}${source.date ? `, ${formatContentDate(source.date)}` : ""}`;
      const printUrl = isWebUrl(source.url) ? `<span class="print-url"> ${escapeHtml(source.url)}</span>` : "";
      return `<li>${title}<span class="text-sm muted">${escapeHtml(details)}</span>${printUrl}</li>`;
    })
    .join("");
}
