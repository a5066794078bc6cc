"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions";
import { createImportDraft, deleteImportDraft, publishImportDraft, saveImportDraft } from "@/lib/data/imports";
import { AppError } from "@/lib/errors";
import { limitArticleImport } from "@/lib/data/request-limits";
import { createImportSchema, draftIdSchema, saveImportDraftSchema } from "@/lib/validations/import";

const teachers = { roles: ["teacher"] as const };

export const createImportAction = authedAction(
  createImportSchema,
  async ({ content, title, outlet, author, date, url, progressToken }, user) => {
    // Language analysis of up to 2 MB is the most expensive thing a user can ask for: limited per teacher.
    await limitArticleImport(user.id);
    const { id } = await createImportDraft({ content, ...defined({ title, outlet, author, date, url, progressToken }) });
    redirect(`/import/${id}`);
  },
  teachers,
);

function parseQuestions(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new AppError("bad_request", "The questions could not be read. Reload the page and try again.");
  }
}

export const saveImportAction = authedAction(
  saveImportDraftSchema,
  async ({ draftId, title, questions }) => {
    await saveImportDraft(draftId, { title, questions: parseQuestions(questions) });
    revalidatePath(`/import/${draftId}`);
    return { status: "ok", message: "Draft saved." };
  },
  teachers,
);

/** Saves the editor's current questions, then publishes, so nothing on screen is lost. */
export const publishImportAction = authedAction(
  saveImportDraftSchema,
  async ({ draftId, title, questions }) => {
    await saveImportDraft(draftId, { title, questions: parseQuestions(questions) });
    const published = await publishImportDraft(draftId);
    // The cached shared pages (lib/cache/page-cache-handler.cjs): the lesson at every level and the quiz's
    // start page (each a redirect to its own route, since an imported lesson is private), and the catalog.
    revalidatePath(`/lessons/${published.lessonId}`, "layout");
    revalidatePath(`/quizzes/${published.quizId}`);
    revalidatePath("/home/everyone");
    revalidatePath("/home/member");
    revalidatePath("/");
    revalidatePath("/import");
    revalidatePath(`/import/${draftId}`);
    return { status: "ok", message: "Published as a private lesson and quiz.", data: published };
  },
  teachers,
);

export const deleteImportAction = authedAction(
  draftIdSchema,
  async ({ draftId }) => {
    await deleteImportDraft(draftId);
    revalidatePath("/import");
    redirect("/import?deleted=1");
  },
  teachers,
);

function defined<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
