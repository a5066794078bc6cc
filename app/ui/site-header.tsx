import Link from "next/link";
import { HeaderSession } from "./header-session";

/**
 * The site header. It is the same for every reader so that shared pages (lessons, about,
 * privacy) can be prerendered and cached (docs/ARCHITECTURE.md "Cached pages"): who is signed
 * in, their menu and due count come from GET /api/me in the HeaderSession island.
 */
export function SiteHeader() {
  return (
    <header data-site-header className="border-b border-stone-200 bg-white/90 backdrop-blur dark:border-stone-800 dark:bg-stone-900/90">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-stone-900 no-underline hover:no-underline dark:text-stone-50">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-700 text-sm font-black text-white dark:bg-brand-300 dark:text-stone-950">
            CL
          </span>
          Civics Lab
        </Link>
        <HeaderSession />
      </div>
    </header>
  );
}
