"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";

/** A disclosure menu: Escape or a click outside closes it and returns focus to the button. */
export function AccountMenu({ name, username, roleLabel, signOut }: { name: string; username: string; roleLabel: string; signOut: (formData: FormData) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const itemClass = "block w-full rounded-md px-3 py-2 text-left text-sm text-stone-800 no-underline hover:bg-stone-100 hover:no-underline dark:text-stone-100 dark:hover:bg-stone-800";
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex min-h-10 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium hover:bg-stone-100 dark:hover:bg-stone-800"
      >
        <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-brand-100 text-xs font-bold text-brand-800 dark:bg-brand-800 dark:text-brand-100">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="max-w-32 truncate">{name}</span>
        <span className="sr-only">, account menu</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current opacity-60">
          <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth="1.5" fill="none" />
        </svg>
      </button>
      <div id={panelId} hidden={!open} className="absolute right-0 z-20 mt-2 w-56 rounded-lg border border-stone-200 bg-white p-2 shadow-lg dark:border-stone-700 dark:bg-stone-900">
        <p className="px-3 py-2 text-xs text-stone-600 dark:text-stone-400">
          Signed in as <strong className="text-stone-900 dark:text-stone-100">{username}</strong>
          <br />
          {roleLabel}
        </p>
        <Link href="/account" className={itemClass} onClick={() => setOpen(false)}>
          Account settings
        </Link>
        <form action={signOut}>
          <button type="submit" className={itemClass}>
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
