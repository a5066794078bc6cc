import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { listImportDrafts } from "@/lib/data/imports";
import { urlImportEnabled } from "@/lib/import/sources";
import { ImportForm } from "./import-form";
import { LinkImportForm } from "./link-import-form";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  await requirePageUser("/import", ["teacher"]);
  const [drafts, { deleted }] = await Promise.all([listImportDrafts(), searchParams]);
  return (
    <div className="mx-auto grid max-w-6xl gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div className="space-y-6">
        <div>
          <h1 className="page-title">Import an article</h1>
          <p className="muted mt-2 max-w-prose">
            Bring a current news story. Civics Lab drafts a reading lesson and a quiz from it, with the sentence that proves every answer. You review and edit
            everything before students see it.
          </p>
        </div>
        {deleted ? (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm font-medium text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
            Draft deleted.
          </p>
        ) : null}
        {urlImportEnabled() ? (
          <section className="card">
            <LinkImportForm />
          </section>
        ) : null}
        <section className="card">
          <ImportForm />
        </section>
      </div>
      <aside aria-labelledby="drafts-heading" className="space-y-3">
        <h2 id="drafts-heading" className="text-lg font-semibold">
          Your drafts
        </h2>
        {drafts.length === 0 ? (
          <p className="muted text-sm">No drafts yet. Your imported articles will be listed here.</p>
        ) : (
          <ul className="space-y-2">
            {drafts.map((draft) => (
              <li key={draft.id} className="card p-4">
                <Link href={`/import/${draft.id}`} className="font-semibold">
                  {draft.title}
                </Link>
                <p className="muted mt-1 text-sm">
                  {draft.questionCount} question{draft.questionCount === 1 ? "" : "s"} · {draft.publishedLessonId ? "Published" : "Draft"} · updated{" "}
                  {draft.updatedAt.toLocaleDateString("en-US", { dateStyle: "medium" })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}
