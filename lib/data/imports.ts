/**
 * Article imports for teachers: drafts (stored as JSON, private to their
 * owner), editing their questions, publishing a draft as a private lesson and
 * quiz, and exporting it as content/ files. Every function checks that the
 * caller is a teacher and scopes its query to drafts they own; someone else's
 * draft is "not found".
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, notInArray } from "drizzle-orm";
import { getDb } from "../../db/client";
import { writeTransaction } from "../../db/open";
import { glossaryTerms, importDrafts, lessonLevels, lessons, questions, questionVersions, quizzes } from "../../db/tables";
import { requireUser } from "./session";
import { AppError } from "../errors";
import { evidenceColumns } from "../content/evidence";
import type { ImportStage } from "../import";
import { draftInWorker } from "../import/worker-pool";
import { questionProblems } from "../import/generate-questions";
import { draftToContent, slugForTitle, type ContentFile } from "../import/to-content";
import type { ArticleDraft, ArticleMetadata, DraftQuestion, EntityKind } from "../import/types";
import type { ImportedLessonExtras, Publication } from "../import/stored-draft";

export type { ImportedLessonExtras } from "../import/stored-draft";
import { splitQuestion } from "../content/split";
import { getLessonForReading } from "./lessons";
import { recordPageInvalidation } from "./cache-invalidations";
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
  /** Set once published: which version is live and whether saved edits are waiting to be published. */
  publication: { version: number; publishedAt: string; unpublishedChanges: boolean } | null;
  updatedAt: Date;
}

/** Where an import stands, for the progress shown while it runs. */
export type ImportProgressStage = "waiting" | "queued" | ImportStage | "saving" | "done" | "failed";

interface ProgressEntry {
  stage: ImportProgressStage;
  updatedAt: number;
}

// In-memory and per process (imports run in this process's workers); keyed by teacher, so a token is useless to anyone else.
const progress: Map<string, ProgressEntry> = ((globalThis as { __civicsImportProgress?: Map<string, ProgressEntry> }).__civicsImportProgress ??= new Map<string, ProgressEntry>());
const PROGRESS_TTL_MS = 10 * 60 * 1000;

function setProgress(key: string | undefined, stage: ImportProgressStage): void {
  if (!key) return;
  const now = Date.now();
  for (const [k, entry] of progress) if (now - entry.updatedAt > PROGRESS_TTL_MS) progress.delete(k);
  progress.set(key, { stage, updatedAt: now });
}

/**
 * Runs the import pipeline (in a worker thread, off the request thread) and
 * stores the draft for the calling teacher. Bad input stores nothing.
 * `progressToken`, chosen by the browser, lets it follow the stages with
 * getImportProgress while this runs.
 */
export async function createImportDraft(input: ArticleMetadata & { content: string; progressToken?: string }): Promise<{ id: string }> {
  const user = await requireUser(TEACHERS);
  const { progressToken, ...article } = input;
  const key = progressToken ? `${user.id}:${progressToken}` : undefined;
  setProgress(key, "queued");
  try {
    const glossary = await getDb().select().from(glossaryTerms);
    const result = await draftInWorker(article, glossary, (stage) => setProgress(key, stage));
    if (!result.ok) throw new AppError("bad_request", result.error.message);
    setProgress(key, "saving");
    const { draft } = result;
    const created = await writeTransaction(getDb(), async (tx) => {
      const [row] = await tx.insert(importDrafts).values({ ownerId: user.id, title: draft.title, draft }).returning({ id: importDrafts.id });
      return { id: row!.id };
    });
    setProgress(key, "done");
    return created;
  } catch (error) {
    setProgress(key, "failed");
    throw error;
  }
}

/** The stage of the caller's own import with this token; "waiting" when it hasn't started (or isn't theirs). */
export async function getImportProgress(progressToken: string): Promise<{ stage: ImportProgressStage }> {
  const user = await requireUser(TEACHERS);
  return { stage: progress.get(`${user.id}:${progressToken}`)?.stage ?? "waiting" };
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
    questionCount: row.draft.questions.length,
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
  const { publication, ...draft } = row.draft;
  return {
    id: row.id,
    title: row.title,
    draft,
    publishedLessonId: row.publishedLessonId,
    publication: publication ? { version: publication.version, publishedAt: publication.publishedAt, unpublishedChanges: publication.unpublishedChanges } : null,
    updatedAt: row.updatedAt,
  };
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
    const draft = row.draft;
    const checked = checkEditedQuestions(draft, edit.questions);
    // A published draft stays editable: the edits go live as a new version when the teacher publishes again.
    const changed = draft.publication !== undefined && (edit.title !== draft.title || JSON.stringify(checked) !== JSON.stringify(draft.questions));
    const publication = draft.publication ? { ...draft.publication, unpublishedChanges: draft.publication.unpublishedChanges || changed } : undefined;
    await tx
      .update(importDrafts)
      .set({ title: edit.title, draft: { ...draft, title: edit.title, questions: checked, ...(publication ? { publication } : {}) } })
      .where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)));
  });
}

/**
 * A problem with one of the editor's questions: the message names it ("Question 3: …") and the
 * error carries it as the field `questions.<index>`, so the review screen shows it beside that question.
 */
function questionError(index: number, problem: string): AppError {
  return new AppError("bad_request", `Question ${index + 1}: ${problem}`, { fields: { [`questions.${index}`]: problem } });
}

function checkEditedQuestions(draft: ArticleDraft, value: unknown): DraftQuestion[] {
  if (!Array.isArray(value)) throw new AppError("bad_request", "The questions could not be read. Reload the page and try again.");
  if (value.length > 60) throw new AppError("bad_request", "A quiz can have at most 60 questions.");
  // Question ids stay stable across edits (a published question keeps its id, so an edit is a new version of it);
  // new or duplicate ids get the next free number.
  const used = new Set<string>();
  let next = 1 + Math.max(0, ...[...draft.questions, ...(value as { id?: unknown }[])].map((q) => Number(/^q(\d{1,4})$/.exec(typeof q?.id === "string" ? q.id : "")?.[1] ?? 0)));
  return value.map((raw: unknown, index) => {
    const label = `Question ${index + 1}`;
    if (!raw || typeof raw !== "object") throw new AppError("bad_request", `${label} could not be read.`);
    const rawId = (raw as { id?: unknown }).id;
    const id = typeof rawId === "string" && /^q\d{1,4}$/.test(rawId) && !used.has(rawId) ? rawId : `q${next++}`;
    used.add(id);
    const question = { ...(raw as Record<string, unknown>), id } as DraftQuestion;
    const anchorIndex = /^p(\d+)$/.exec(String(question.evidenceAnchor))?.[1];
    const sentences = anchorIndex ? draft.paragraphSentences[Number(anchorIndex) - 1] : undefined;
    if (!sentences || typeof question.evidence !== "string" || !sentences.includes(question.evidence)) {
      throw questionError(index, "choose the sentence from the article that answers it.");
    }
    if (typeof question.generator !== "string" || typeof question.score !== "number") throw new AppError("bad_request", `${label} could not be read.`);
    const problems = questionProblems(question);
    if (problems.length > 0) throw questionError(index, problems[0]!);
    return question;
  });
}

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}



const ACTOR_KIND: Record<EntityKind, ImportedLessonExtras["actors"][number]["kind"]> = { person: "person", organization: "organization", place: "country" };

function extrasFor(draft: ArticleDraft, version: number): ImportedLessonExtras {
  const { lesson, source } = draft;
  return {
    source: { title: draft.title, ...source },
    timeline: lesson.timeline.map((event, index) => ({
      id: `event-${index + 1}`,
      date: event.date,
      title: firstWords(event.text, 12),
      description: event.text,
      source: `#${event.anchor}`,
    })),
    actors: lesson.actors.map((actor, index) => {
      const quote = actor.quotes[0];
      return {
        id: `actor-${index + 1}`,
        name: actor.name,
        kind: ACTOR_KIND[actor.kind],
        role: actor.kind === "person" ? (quote ? "Quoted in the article" : "Named in the article") : actor.kind === "organization" ? "Organization in the article" : "Place in the article",
        position: quote ? `“${quote.text}”` : `Mentioned ${actor.mentions} time${actor.mentions === 1 ? "" : "s"}.`,
        source: `#${quote?.anchor ?? "p1"}`,
      };
    }),
    vocabulary: lesson.vocabulary.flatMap((entry) => (entry.definition ? [{ id: entry.glossaryId ?? `term-${slugForTitle(entry.term)}`, term: entry.term, definition: entry.definition }] : [])),
    version,
  };
}

function firstWords(text: string, count: number): string {
  const words = text.split(/\s+/);
  return words.length <= count ? text : `${words.slice(0, count).join(" ")}…`;
}

/**
 * Publishes the draft as a private lesson (level 2 from the article's
 * paragraphs) and quiz owned by the teacher. Publishing again without
 * changes returns the same lesson; publishing after edits updates the lesson
 * and adds a new version of each changed question (students' past results
 * keep the version they answered), retiring deleted ones.
 */
export async function publishImportDraft(draftId: string): Promise<{ lessonId: string; quizId: string; version: number }> {
  const user = await requireUser(TEACHERS);
  return writeTransaction(getDb(), async (tx) => {
    const [row] = await tx
      .select()
      .from(importDrafts)
      .where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)));
    if (!row) throw new AppError("not_found");
    const draft = row.draft;
    const previous = draft.publication;
    if (row.publishedLessonId && previous && !previous.unpublishedChanges) return { lessonId: previous.lessonId, quizId: previous.quizId, version: previous.version };
    if (draft.questions.length === 0) throw new AppError("bad_request", "Add at least one question before publishing.");
    for (const [index, question] of draft.questions.entries()) {
      const problems = questionProblems(question);
      if (problems.length > 0) throw questionError(index, problems[0]!);
    }
    // The draft id keeps slugs unique between teachers who import the same story; a republished lesson keeps its slug.
    const slug = row.publishedLessonId ?? `${slugForTitle(draft.title).slice(0, 48).replace(/-+$/, "")}-${row.id.slice(0, 8)}`;
    const { publication: _publication, ...plainDraft } = draft;
    const exported = draftToContent(plainDraft, { slug, asOf: row.createdAt.toISOString().slice(0, 10) });
    // Stable question ids (the draft's own), so an edited question is a new version of the same question.
    const quizQuestions = exported.quiz.questions.map((question, index) => ({ ...question, id: `${slug}-${draft.questions[index]!.id}` }));
    const { slug: _slug, title, summary, topic, order, asOf, quiz: quizId, ...meta } = exported.meta;
    const stats = textStats(draft.paragraphs.join("\n\n"));
    const lessonRow = { title, summary, topicId: topic, position: order, asOf, meta, quizId: quizId ?? exported.quizId, contentHash: hash({ meta: exported.meta, body: exported.body }) };
    // Stored as level 2 (the default reading level) whatever its grade: an article cannot be rewritten to fit a band.
    const levelRow = { level: 2, body: exported.body, wordCount: stats.words, gradeEstimate: stats.fkGrade };
    if (previous) {
      await tx.update(lessons).set(lessonRow).where(and(eq(lessons.id, slug), eq(lessons.ownerId, user.id)));
      await tx.update(lessonLevels).set(levelRow).where(and(eq(lessonLevels.lessonId, slug), eq(lessonLevels.level, 2)));
      await tx.update(quizzes).set({ title: exported.quiz.title, description: exported.quiz.description }).where(and(eq(quizzes.id, exported.quizId), eq(quizzes.ownerId, user.id)));
    } else {
      await tx.insert(lessons).values({ id: slug, origin: "imported", ownerId: user.id, ...lessonRow });
      await tx.insert(lessonLevels).values({ lessonId: slug, ...levelRow });
      await tx.insert(quizzes).values({ id: exported.quizId, lessonId: slug, title: exported.quiz.title, description: exported.quiz.description, ownerId: user.id });
    }
    for (const [position, question] of quizQuestions.entries()) {
      const { publicData, keyData } = splitQuestion(question);
      const evidence = evidenceColumns(question.evidence);
      const contentHash = hash({ publicData, keyData, evidence: evidence.hashed });
      const tags = { topicId: question.topic, skills: question.skills, difficulty: question.difficulty };
      const [existing] = await tx.select().from(questions).where(and(eq(questions.id, question.id), eq(questions.quizId, exported.quizId)));
      const current = existing?.currentVersionId ? (await tx.select().from(questionVersions).where(eq(questionVersions.id, existing.currentVersionId)))[0] : undefined;
      if (!existing) await tx.insert(questions).values({ id: question.id, quizId: exported.quizId, position });
      else await tx.update(questions).set({ position, retired: false }).where(eq(questions.id, question.id));
      if (current && current.contentHash === contentHash) {
        await tx.update(questionVersions).set(tags).where(eq(questionVersions.id, current.id));
        continue;
      }
      const [version] = await tx
        .insert(questionVersions)
        .values({ questionId: question.id, version: (current?.version ?? 0) + 1, contentHash, type: question.type, publicData, keyData, evidence: evidence.evidence, evidenceAnchors: evidence.evidenceAnchors, ...tags })
        .returning({ id: questionVersions.id });
      await tx.update(questions).set({ currentVersionId: version!.id }).where(eq(questions.id, question.id));
    }
    // Deleted questions are retired, not removed: past attempts refer to them.
    await tx
      .update(questions)
      .set({ retired: true })
      .where(and(eq(questions.quizId, exported.quizId), notInArray(questions.id, quizQuestions.map((q) => q.id))));
    const version = (previous?.version ?? 0) + 1;
    const publication: Publication = {
      lessonId: slug,
      quizId: exported.quizId,
      version,
      publishedAt: new Date().toISOString(),
      unpublishedChanges: false,
      extras: extrasFor(plainDraft, version),
    };
    await tx
      .update(importDrafts)
      .set({ publishedLessonId: slug, draft: { ...plainDraft, publication } })
      .where(and(eq(importDrafts.id, draftId), eq(importDrafts.ownerId, user.id)));
    // Every server's cached pages of this slug (and the redirect to its own route) are stale from this commit on.
    await recordPageInvalidation(tx, `/lessons/${slug}`, "layout");
    return { lessonId: slug, quizId: exported.quizId, version };
  });
}

/**
 * The extras of an imported lesson the caller may read (its owner, or a
 * student it is assigned to: the same visibility as the lesson itself), or
 * null for curriculum lessons and lessons the caller can't see.
 */
export async function getImportedLessonExtras(lessonId: string): Promise<ImportedLessonExtras | null> {
  const lesson = await getLessonForReading(lessonId);
  if (!lesson || lesson.origin !== "imported") return null;
  const [row] = await getDb().select({ draft: importDrafts.draft }).from(importDrafts).where(eq(importDrafts.publishedLessonId, lesson.id));
  return row?.draft.publication?.extras ?? null;
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
