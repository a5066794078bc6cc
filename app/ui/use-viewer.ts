"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { VIEWER_COOKIE, viewerUrl, type Viewer } from "@/lib/viewer";

/**
 * The signed-in reader (or null for a guest) for client islands on pages that
 * are cached for everyone: one GET /api/me per page view, shared by every
 * island that asks (the header and the lesson's reading tracker ask at once).
 * `undefined` until the answer arrives. Asked again after each navigation,
 * so signing in or out, and due counts, show on the next page.
 */
const noSubscription = () => () => {};
const pending = new Map<string, { at: string; promise: Promise<Viewer> }>();
const listeners = new Set<() => void>();

/**
 * Asks /api/me again now, for changes that keep the reader on the same path: a
 * graded review card (due count) or signing out on the page they were on.
 */
export function refreshViewer(): void {
  pending.clear();
  for (const listener of listeners) listener();
}

/**
 * The answer proxy.ts sent with this page (lib/viewer.ts VIEWER_COOKIE), if it was for this URL:
 * taken once and deleted, so every later ask (another page, a refresh) goes to /api/me.
 */
function takeAnswerSentWithPage(url: string): Viewer | null {
  const prefix = `${VIEWER_COOKIE}=`;
  const raw = document.cookie.split("; ").find((part) => part.startsWith(prefix));
  if (raw === undefined) return null;
  document.cookie = `${VIEWER_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
  try {
    const sent = JSON.parse(decodeURIComponent(raw.slice(prefix.length))) as { for?: unknown; viewer?: Viewer };
    return sent.for === url && sent.viewer && typeof sent.viewer === "object" && "user" in sent.viewer ? sent.viewer : null;
  } catch {
    return null;
  }
}

function load(url: string, pathname: string): Promise<Viewer> {
  // One answer per page view: anything asked on another page is forgotten once the reader is elsewhere.
  // Signing out and signing in are client-side navigations, so a kept answer could be the previous
  // reader's (a classroom computer: the next student saw the first one's name and progress on `/`).
  for (const [key, entry] of pending) if (entry.at !== pathname) pending.delete(key);
  const cached = pending.get(url);
  if (cached) return cached.promise;
  const sent = takeAnswerSentWithPage(url);
  if (sent) {
    const promise = Promise.resolve(sent);
    pending.set(url, { at: pathname, promise });
    return promise;
  }
  const promise = fetch(url, { credentials: "same-origin", cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<Viewer>) : { user: null, lesson: null }))
    .catch(() => ({ user: null, lesson: null }) satisfies Viewer);
  pending.set(url, { at: pathname, promise });
  return promise;
}

export function useViewer(): Viewer | undefined {
  const pathname = usePathname();
  // Read in the browser only (the server render of a shared page has no query).
  const search = useSyncExternalStore(noSubscription, () => window.location.search, () => "");
  const url = viewerUrl(pathname, search);
  const [state, setState] = useState<{ key: string; viewer: Viewer } | null>(null);
  const [version, setVersion] = useState(0);
  const key = `${url} ${pathname} ${version}`;
  useEffect(() => {
    const listener = () => setVersion((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    let live = true;
    void load(url, pathname).then((viewer) => {
      if (live) setState({ key, viewer });
    });
    return () => {
      live = false;
    };
  }, [url, pathname, key]);
  // Keep showing the last answer while the next one loads (no flash between pages).
  return state?.viewer;
}
