import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/data/session";
import { SKILLS } from "@/lib/content/schema";
import { getImportDraft } from "@/lib/data/imports";
import { skillLabel } from "@/lib/data/mastery";
import { isAppError } from "@/lib/errors";
import { draftIdSchema } from "@/lib/validations/import";
import { ReviewWorkspace } from "./review-workspace";

export const metadata: Metadata = { title: "Review import" };

async function loadDraft(draftId: string) {
  if (!draftIdSchema.safeParse({ draftId }).success) notFound();
  try {
    return await getImportDraft(draftId);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ReviewImportPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  await requirePageUser(`/import/${draftId}`, ["teacher"]);
  const detail = await loadDraft(draftId);
  const { draft } = detail;
  const source = [draft.source.outlet, draft.source.author, draft.source.date].filter(Boolean).join(" · ");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/import">← All imports</Link>
        </p>
        <h1 className="page-title mt-2">Review: {detail.title}</h1>
        <p className="muted mt-2 text-sm">
          {source ? `${source} · ` : ""}
          {draft.stats.words} words · estimated grade {draft.stats.fkGrade} (Flesch-Kincaid) · {draft.candidateCount} questions drafted, {draft.questions.length} kept
          {draft.source.url ? (
            <>
              {" · "}
              <a href={draft.source.url} rel="noopener noreferrer nofollow">
                original
              </a>
            </>
          ) : null}
        </p>
        {draft.warnings.length > 0 ? (
          <ul className="mt-3 space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            {draft.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <ReviewWorkspace
        draftId={detail.id}
        initialTitle={detail.title}
        draft={draft}
        publishedLessonId={detail.publishedLessonId}
        publication={detail.publication}
        skillLabels={Object.fromEntries(SKILLS.map((skill) => [skill, skillLabel(skill)]))}
      />
    </div>
  );
}
