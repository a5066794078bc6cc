"use client";

import { useEffect, useState } from "react";
import { SHARED_HTML_REGISTRY, type SharedHtmlRegistry } from "@/lib/reading/shared-html-key";

type Tag = "p" | "div" | "span" | "ul" | "ol" | "dl";
type Props = { as: Tag; htmlKey: string } & Omit<React.HTMLAttributes<HTMLElement>, "dangerouslySetInnerHTML" | "children"> & Record<`data-${string}`, unknown>;

/** On the server: from the registry the page filled during this render (lib/reading/shared-html.ts). */
function fromServer(key: string): string | null {
  return (globalThis as unknown as Record<symbol, SharedHtmlRegistry | undefined>)[SHARED_HTML_REGISTRY]?.get(key) ?? null;
}

/** In the browser while hydrating: the element the server already sent. */
function fromDocument(key: string): string | null {
  return document.querySelector(`[data-html="${key}"]`)?.innerHTML ?? null;
}

// Keys asked for in the same tick go in one request.
const waiting = new Map<string, ((html: string | null) => void)[]>();
let scheduled = false;

function load(key: string): Promise<string | null> {
  return new Promise((resolve) => {
    waiting.set(key, [...(waiting.get(key) ?? []), resolve]);
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      const batch = new Map(waiting);
      waiting.clear();
      const found: Promise<Record<string, string>> = fetch(`/api/html?keys=${[...batch.keys()].join(",")}`)
        .then((response) => (response.ok ? (response.json() as Promise<Record<string, string>>) : {}))
        .catch(() => ({}));
      void found.then((html) => {
        for (const [k, resolvers] of batch) for (const done of resolvers) done(html[k] ?? null);
        });
    }, 0);
  });
}

/**
 * Server-built HTML sent once: in the document only, never again in the RSC payload. After a
 * client-side navigation (another lesson, another level) the HTML it hasn't got comes from
 * GET /api/html; until then the previous text stays, and if the server no longer has it the
 * page is loaded afresh.
 */
export function SentOnceHtml({ as: Element, htmlKey, ...rest }: Props) {
  const [loaded, setLoaded] = useState(() => ({ key: htmlKey, html: typeof window === "undefined" ? fromServer(htmlKey) : fromDocument(htmlKey) }));
  const current = loaded.key === htmlKey && loaded.html !== null;
  useEffect(() => {
    if (current) return;
    let live = true;
    void load(htmlKey).then((html) => {
      if (!live) return;
      if (html === null) window.location.reload();
      else setLoaded({ key: htmlKey, html });
    });
    return () => {
      live = false;
    };
  }, [current, htmlKey]);
  return <Element {...rest} data-html={htmlKey} aria-busy={current ? undefined : true} dangerouslySetInnerHTML={{ __html: loaded.html ?? "" }} />;
}
