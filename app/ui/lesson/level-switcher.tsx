"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { setReadingLevelAction } from "@/app/lessons/[slug]/actions";
import { idleState } from "@/lib/action-state";
import { writeGuestLevel } from "@/lib/reading/guest-progress";
import { rememberLevelInCookie } from "@/lib/reading/level-cookie";
import { useViewer } from "../use-viewer";
import { paragraphInView } from "./dom";

export interface LevelLink {
  level: number;
  label: string;
  grades: string;
  readingMinutes: number;
}

/**
 * Links to each reading level. With JavaScript, switching remembers the
 * choice (account preference or browser storage) and keeps the paragraph
 * that was in view on screen, since every level has the same anchors.
 * Without it, the links still work.
 */
export function LevelSwitcher({ slug, levels, current }: { slug: string; levels: LevelLink[]; current: number }) {
  const router = useRouter();
  const signedIn = Boolean(useViewer()?.user);
  const [pending, startTransition] = useTransition();
  const keepInView = useRef<string | null>(null);

  useEffect(() => {
    const anchor = keepInView.current;
    keepInView.current = null;
    if (anchor) document.getElementById(anchor)?.scrollIntoView({ block: "start" });
  }, [current]);

  const choose = (event: React.MouseEvent<HTMLAnchorElement>, level: number, href: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    if (level === current) return;
    keepInView.current = paragraphInView()?.id ?? null;
    rememberLevelInCookie(level);
    if (signedIn) {
      const form = new FormData();
      form.set("level", String(level));
      void setReadingLevelAction(idleState, form);
    } else {
      writeGuestLevel(level);
    }
    startTransition(() => router.replace(href, { scroll: false }));
  };

  return (
    <nav aria-label="Reading level" className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-stone-700 dark:text-stone-300">Reading level</span>
      <ul className="flex flex-wrap gap-1 rounded-lg border border-stone-300 bg-white p-1 dark:border-stone-700 dark:bg-stone-900">
        {levels.map((option) => {
          const href = `/lessons/${slug}?level=${option.level}`;
          const active = option.level === current;
          return (
            <li key={option.level}>
              <a
                href={href}
                aria-current={active ? "page" : undefined}
                onClick={(event) => choose(event, option.level, href)}
                className={`flex min-h-10 flex-col justify-center rounded-md px-3 py-1 text-sm leading-tight no-underline hover:no-underline ${
                  active ? "bg-brand-700 text-white dark:bg-brand-300 dark:text-stone-950" : "text-stone-800 hover:bg-stone-100 dark:text-stone-200 dark:hover:bg-stone-800"
                }`}
              >
                <span className="font-semibold">{option.label}</span>
                <span className="text-xs">
                  {option.grades} · {option.readingMinutes} min
                </span>
              </a>
            </li>
          );
        })}
      </ul>
      <span role="status" className="text-sm muted">
        {pending ? "Switching level…" : ""}
      </span>
    </nav>
  );
}
