/**
 * Article imports for teachers: drafts (stored as JSON, private to their
 * owner), editing their questions, publishing a draft as a private lesson and
 * quiz, and exporting it as content/ files. Every function checks that the
 * caller is a teacher and scopes its query to drafts they own; someone else's
 * draft is "not found".
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction } from "../../db/open";
import { glossaryTerms, importDrafts, lessonLevels, lessons, questions, questionVersions, quizzes } from "../../db/schema";
import { requireUser } from "../auth/session";
import { AppError } from "../errors";
import { tryDraftFromArticle } from "../import";
import { evidenceColumns } from "../content/evidence";
import { questionProblems } from "../import/generate-questions";
import { draftToContent, slugForTitle, type ContentFile } from "../import/to-content";
import type { ArticleDraft, ArticleMetadata, DraftQuestion } from "../import/types";
import { splitQuestion } from "../quiz/split";
import { textStats } from "../text/readability";

const TEACHERS = ["teacher"] as const;

export interface ImportDraftSummary {
  id: string;
  title: string;
  questionCount: number;
  publishedLessonId: string | null;
  updatedAt: Date;
}

export interface ImportDraftDetail {
  id: string;
  title: string;
  draft: ArticleDraft;
  publishedLessonId: string | null;
  updatedAt: Date;
}

/** Runs the import pipeline and stores the draft for the calling teacher. Bad input stores nothing. */
export async function createImportDraft(input: ArticleMetadata & { content: string }): Promise<{ id: string }> {
  const user = await requireUser(TEACHERS);
  const glossary = await getDb().select().from(glossaryTerms);
  const result = tryDraftFromArticle(input, { glossary });
  if (!result.ok) throw new AppError("bad_request", result.error.message);
  const { draft } = result;
  return writeTransaction(getDb(), async (tx) => {
    const [row] = await tx.insert(importDrafts).values({ ownerId: user.id, title: draft.title, draft }).returning({ id: importDrafts.id });
    return { id: row!.id };
  });
}

export async function listImportDrafts(): Promise<ImportDraftSummary[]> {
  const user = await requireUser(TEACHERS);
  const rows = await getDb()
    .select()
    .from(importDrafts)
    .where(eq(importDrafts.ownerId, user.id))
    .orderBy(desc(importDrafts.updatedAt))
    .limit(50);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    questionCount: (row.draft as ArticleDraft).questions.length,
    publishedLessonId: row.publishedLessonId,
    updatedAt: row.updatedAt,
  }));
}

/** The caller's draft, or `not_found` (also for other teachers' drafts). */
export async function getImportDraft(draftId: string): Promise<ImportDraftDetail> {
  const user = await requireUser(TEACHERS);
  const [row] = await getDb()
    .select()
    .from(importDrafts)
    .where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)));
  if (!row) throw new AppError("not_found");
  return { id: row.id, title: row.title, draft: row.draft as ArticleDraft, publishedLessonId: row.publishedLessonId, updatedAt: row.updatedAt };
}

/**
 * Replaces the draft's title and questions after the teacher's edits. Each
 * question must be a valid content question whose evidence is a sentence of
 * the article in the paragraph it names.
 */
export async function saveImportDraft(draftId: string, edit: { title: string; questions: unknown }): Promise<void> {
  const user = await requireUser(TEACHERS);
  await writeTransaction(getDb(), async (tx) => {
    const [row] = await tx
      .select()
      .from(importDrafts)
      .where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)));
    if (!row) throw new AppError("not_found");
    if (row.publishedLessonId) throw new AppError("conflict", "This draft is already published, so it can't be changed.");
    const draft = row.draft as ArticleDraft;
    const checked = checkEditedQuestions(draft, edit.questions);
    await tx
      .update(importDrafts)
      .set({ title: edit.title, draft: { ...draft, title: edit.title, questions: checked } })
      .where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)));
  });
}

function checkEditedQuestions(draft: ArticleDraft, value: unknown): DraftQuestion[] {
  if (!Array.isArray(value)) throw new AppError("bad_request", "The questions could not be read. Reload the page and try again.");
  if (value.length > 60) throw new AppError("bad_request", "A quiz can have at most 60 questions.");
  return value.map((raw: unknown, index) => {
    const label = `Question ${index + 1}`;
    if (!raw || typeof raw !== "object") throw new AppError("bad_request", `${label} could not be read.`);
    const question = { ...(raw as Record<string, unknown>), id: `q${index + 1}` } as DraftQuestion;
    const anchorIndex = /^p(\d+)$/.exec(String(question.evidenceAnchor))?.[1];
    const sentences = anchorIndex ? draft.paragraphSentences[Number(anchorIndex) - 1] : undefined;
    if (!sentences || typeof question.evidence !== "string" || !sentences.includes(question.evidence)) {
      throw new AppError("bad_request", `${label}: choose the sentence from the article that answers it.`);
    }
    if (typeof question.generator !== "string" || typeof question.score !== "number") throw new AppError("bad_request", `${label} could not be read.`);
    const problems = questionProblems(question);
    if (problems.length > 0) throw new AppError("bad_request", `${label}: ${problems[0]}`);
    return question;
  });
}

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

/**
 * Publishes the draft as a private lesson (level 2 from the article's
 * paragraphs) and quiz owned by the teacher. Publishing twice returns the
 * lesson from the first time.
 */
export async function publishImportDraft(draftId: string): Promise<{ lessonId: string; quizId: string }> {
  const user = await requireUser(TEACHERS);
  return writeTransaction(getDb(), async (tx) => {
    const [row] = await tx
      .select()
      .from(importDrafts)
      .where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)));
    if (!row) throw new AppError("not_found");
    if (row.publishedLessonId) {
      const [lesson] = await tx.select({ quizId: lessons.quizId }).from(lessons).where(and(eq(lessons.id, row.publishedLessonId), eq(lessons.ownerId, user.id)));
      return { lessonId: row.publishedLessonId, quizId: lesson?.quizId ?? `${row.publishedLessonId}-quiz` };
    }
    const draft = row.draft as ArticleDraft;
    if (draft.questions.length === 0) throw new AppError("bad_request", "Add at least one question before publishing.");
    for (const [index, question] of draft.questions.entries()) {
      const problems = questionProblems(question);
      if (problems.length > 0) throw new AppError("bad_request", `Question ${index + 1}: ${problems[0]}`);
    }
    // The draft id keeps slugs unique between teachers who import the same story.
    const slug = `${slugForTitle(draft.title).slice(0, 48).replace(/-+$/, "")}-${row.id.slice(0, 8)}`;
    const exported = draftToContent(draft, { slug, asOf: row.createdAt.toISOString().slice(0, 10) });
    const { slug: _slug, title, summary, topic, order, asOf, quiz: quizId, ...meta } = exported.meta;
    const stats = textStats(draft.paragraphs.join("\n\n"));
    await tx.insert(lessons).values({
      id: slug,
      title,
      summary,
      topicId: topic,
      origin: "imported",
      ownerId: user.id,
      position: order,
      asOf,
      meta,
      quizId: quizId ?? exported.quizId,
      contentHash: hash({ meta: exported.meta, body: exported.body }),
    });
    await tx.insert(lessonLevels).values({ lessonId: slug, level: 2, body: exported.body, wordCount: stats.words, gradeEstimate: stats.fkGrade });
    await tx.insert(quizzes).values({ id: exported.quizId, lessonId: slug, title: exported.quiz.title, description: exported.quiz.description, ownerId: user.id });
    for (const [position, question] of exported.quiz.questions.entries()) {
      const { publicData, keyData } = splitQuestion(question);
      const evidence = evidenceColumns(question.evidence);
      await tx.insert(questions).values({ id: question.id, quizId: exported.quizId, position });
      const [version] = await tx
        .insert(questionVersions)
        .values({
          questionId: question.id,
          version: 1,
          contentHash: hash({ publicData, keyData, evidence: evidence.hashed }),
          type: question.type,
          publicData,
          keyData,
          evidence: evidence.evidence,
          evidenceAnchors: evidence.evidenceAnchors,
          topicId: question.topic,
          skills: question.skills,
          difficulty: question.difficulty,
        })
        .returning({ id: questionVersions.id });
      await tx.update(questions).set({ currentVersionId: version!.id }).where(eq(questions.id, question.id));
    }
    await tx.update(importDrafts).set({ publishedLessonId: slug }).where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)));
    return { lessonId: slug, quizId: exported.quizId };
  });
}

/** The draft as content/ files (lesson.yaml, level-N.md, quiz YAML) for download. */
export async function exportImportDraft(draftId: string): Promise<{ slug: string; files: ContentFile[] }> {
  const detail = await getImportDraft(draftId);
  const exported = draftToContent(detail.draft, { asOf: detail.updatedAt.toISOString().slice(0, 10) });
  return { slug: exported.slug, files: exported.files };
}

export async function deleteImportDraft(draftId: string): Promise<void> {
  const user = await requireUser(TEACHERS);
  await writeTransaction(getDb(), async (tx) => {
    const deleted = await tx
      .delete(importDrafts)
      .where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)))
      .returning({ id: importDrafts.id });
    if (deleted.length === 0) throw new AppError("not_found");
  });
}
