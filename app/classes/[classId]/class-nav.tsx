import Link from "next/link";

const TABS = [
  { key: "overview", label: "Progress", href: (id: string) => `/classes/${id}` },
  { key: "students", label: "Students", href: (id: string) => `/classes/${id}/students` },
  { key: "analysis", label: "Item analysis", href: (id: string) => `/classes/${id}/analysis` },
  { key: "activity", label: "Activity", href: (id: string) => `/classes/${id}/activity` },
  { key: "settings", label: "Settings", href: (id: string) => `/classes/${id}/settings` },
] as const;

export function ClassHeader({ classId, name, current, archived }: { classId: string; name: string; current: (typeof TABS)[number]["key"]; archived: boolean }) {
  return (
    <div className="space-y-4">
      <div>
        <Link href="/classes" className="text-sm">
          ← All classes
        </Link>
        <h1 className="page-title mt-2">
          {name}
          {archived ? <span className="ml-3 rounded-full bg-stone-200 px-2 py-0.5 align-middle text-xs font-semibold text-stone-700 dark:bg-stone-700 dark:text-stone-200">Archived</span> : null}
        </h1>
      </div>
      <nav aria-label="Class sections" className="-mx-1 overflow-x-auto border-b border-stone-200 dark:border-stone-800">
        <ul className="flex gap-1">
          {TABS.map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href(classId)}
                aria-current={tab.key === current ? "page" : undefined}
                className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-stone-700 no-underline hover:no-underline aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800 dark:text-stone-300 dark:aria-[current=page]:border-brand-300 dark:aria-[current=page]:text-brand-200"
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
