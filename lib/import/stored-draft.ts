/**
 * What the database keeps for an import draft (`import_drafts.draft`, typed in db/schema.ts): the draft
 * itself and, once published, what it became. Here, below the schema, so the column can carry the type.
 */
import type { ArticleDraft } from "./types";

/** What an imported lesson's page shows that a curriculum lesson gets from content/: whose text it is, the draft's timeline, people and definitions. */
export interface ImportedLessonExtras {
  source: { title: string; outlet?: string; author?: string; date?: string; url?: string };
  timeline: { id: string; date: string; title: string; description: string; source: string }[];
  actors: { id: string; name: string; kind: "person" | "country" | "organization"; role: string; position: string; source: string }[];
  /** Definitions written for this article (sense-checked), by term; they win over the curriculum glossary's. */
  vocabulary: { id: string; term: string; definition: string }[];
  version: number;
}

/** What a published draft remembers: the lesson it became and what the lesson page shows beside the text. */
export interface Publication {
  lessonId: string;
  quizId: string;
  version: number;
  publishedAt: string;
  /** Saved edits not yet published. */
  unpublishedChanges: boolean;
  extras: ImportedLessonExtras;
}

export type StoredDraft = ArticleDraft & { publication?: Publication };
