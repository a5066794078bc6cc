/**
 * The whole database schema. Tables are plural camelCase consts with snake_case
 * SQL names; ids are random UUIDs except for content, whose ids are the stable
 * kebab-case ids from `content/` (progress and attempts refer to them).
 * @see docs/ARCHITECTURE.md
 */
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { LessonBody } from "../lib/content/markdown";
import type { StoredLessonMeta, TeacherGuide } from "../lib/content/schema";
import type { AttemptLayout } from "../lib/quiz/layout";
import { type Answer, type PublicQuestionData, type QuestionKeyData, QUESTION_TYPES, QUIZ_MODES } from "../lib/quiz/types";
import { ROLES } from "../lib/roles";
import type { StoredDraft } from "../lib/import/stored-draft";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdate(() => new Date());

// ---------------------------------------------------------------- accounts

export const users = sqliteTable(
  "users",
  {
    id: id(),
    /** Lowercased; the sign-in name. */
    username: text("username").notNull(),
    /** Optional and never asked of students. Lowercased. */
    email: text("email"),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Bumped on sign-out, password change and removal: JWTs carrying an older version are rejected. */
    tokenVersion: integer("token_version").notNull().default(0),
    /** Set when a teacher issued a one-time password the student must replace. */
    mustChangePassword: integer("must_change_password", { mode: "boolean" })
      .notNull()
      .default(false),
    /** The teacher who created this student account, if any. */
    createdById: text("created_by_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_username_uq").on(t.username),
    uniqueIndex("users_email_uq").on(t.email),
  ],
);

/** Fixed-window counters for sign-in throttling, keyed "account:<name>" or "ip:<addr>". */
export const loginThrottles = sqliteTable("login_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

export const userPreferences = sqliteTable("user_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  readingLevel: integer("reading_level"),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------- content

export const topics = sqliteTable("topics", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  description: text("description").notNull(),
  position: integer("position").notNull().default(0),
});

export const LESSON_ORIGINS = ["curriculum", "imported"] as const;

export const lessons = sqliteTable(
  "lessons",
  {
    /** The lesson slug. */
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    topicId: text("topic_id").notNull(),
    origin: text("origin", { enum: LESSON_ORIGINS }).notNull().default("curriculum"),
    /** Null for the shared curriculum; the teacher for a private imported lesson. */
    ownerId: text("owner_id").references(() => users.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    asOf: text("as_of").notNull(),
    /** Objectives, vocabulary, takeaways, discussion, sources, checks, timeline and actor ids. */
    meta: text("meta", { mode: "json" }).$type<StoredLessonMeta>().notNull(),
    /** The authored parts of the teacher's guide (content/lessons/<slug>/teacher-guide.yaml); teachers only, never sent with the lesson. */
    teacherGuide: text("teacher_guide", { mode: "json" }).$type<TeacherGuide>(),
    quizId: text("quiz_id"),
    contentHash: text("content_hash").notNull(),
    /** Curriculum lessons removed from `content/` are retired, not deleted: attempts refer to them. */
    retired: integer("retired", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("lessons_owner_idx").on(t.ownerId), index("lessons_topic_idx").on(t.topicId)],
);

export const lessonLevels = sqliteTable(
  "lesson_levels",
  {
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    /** Parsed sections and paragraphs (see lib/content/markdown.ts). */
    body: text("body", { mode: "json" }).$type<LessonBody>().notNull(),
    wordCount: integer("word_count").notNull(),
    gradeEstimate: real("grade_estimate").notNull(),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.level] })],
);

export const glossaryTerms = sqliteTable("glossary_terms", {
  id: text("id").primaryKey(),
  term: text("term").notNull(),
  definition: text("definition").notNull(),
  aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull(),
});

export const timelineEvents = sqliteTable("timeline_events", {
  id: text("id").primaryKey(),
  date: text("date").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull(),
  topics: text("topics", { mode: "json" }).$type<string[]>().notNull(),
  source: text("source").notNull(),
});

export const actors = sqliteTable("actors", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["person", "country", "organization"] }).notNull(),
  role: text("role").notNull(),
  position: text("position").notNull(),
  topics: text("topics", { mode: "json" }).$type<string[]>().notNull(),
  source: text("source").notNull(),
});

export const quizzes = sqliteTable(
  "quizzes",
  {
    id: text("id").primaryKey(),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "cascade" }),
    retired: integer("retired", { mode: "boolean" }).notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [index("quizzes_lesson_idx").on(t.lessonId)],
);

/** A question's stable identity; what it says lives in versions. */
export const questions = sqliteTable(
  "questions",
  {
    id: text("id").primaryKey(),
    quizId: text("quiz_id")
      .notNull()
      .references(() => quizzes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    currentVersionId: integer("current_version_id"),
    retired: integer("retired", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("questions_quiz_idx").on(t.quizId)],
);

/**
 * An immutable snapshot of a question as students saw it. `publicData` may be
 * sent to the browser; `keyData` (answers, explanations, feedback) never is
 * before the attempt is submitted.
 */
export const questionVersions = sqliteTable(
  "question_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    contentHash: text("content_hash").notNull(),
    type: text("type", { enum: QUESTION_TYPES }).notNull(),
    publicData: text("public_data", { mode: "json" }).$type<PublicQuestionData>().notNull(),
    keyData: text("key_data", { mode: "json" }).$type<QuestionKeyData>().notNull(),
    /** The first evidence anchor: the paragraph a single "See it in the text" link opens. */
    evidence: text("evidence").notNull(),
    /** Every evidence anchor when the answer rests on several paragraphs (null: just `evidence`). */
    evidenceAnchors: text("evidence_anchors", { mode: "json" }).$type<string[]>(),
    topicId: text("topic_id").notNull(),
    skills: text("skills", { mode: "json" }).$type<string[]>().notNull(),
    difficulty: integer("difficulty").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("question_versions_q_v_uq").on(t.questionId, t.version)],
);

// ---------------------------------------------------------------- classes

export const classes = sqliteTable(
  "classes",
  {
    id: id(),
    teacherId: text("teacher_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Null when joining is disabled. */
    joinCode: text("join_code"),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("classes_teacher_idx").on(t.teacherId), uniqueIndex("classes_join_code_uq").on(t.joinCode)],
);

export const classMembers = sqliteTable(
  "class_members",
  {
    classId: text("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    studentId: text("student_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.studentId] }), index("class_members_student_idx").on(t.studentId)],
);

export const assignments = sqliteTable(
  "assignments",
  {
    id: id(),
    classId: text("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    includeLesson: integer("include_lesson", { mode: "boolean" }).notNull().default(true),
    quizId: text("quiz_id").references(() => quizzes.id, { onDelete: "cascade" }),
    dueAt: integer("due_at", { mode: "timestamp_ms" }),
    readingLevel: integer("reading_level"),
    quizMode: text("quiz_mode", { enum: QUIZ_MODES }).notNull().default("test"),
    attemptLimit: integer("attempt_limit"),
    /** Students don't see or start the assignment before this moment (null: at once). */
    startAt: integer("start_at", { mode: "timestamp_ms" }),
    /** The teacher's note to the class, shown on the student's card and quiz page. */
    instructions: text("instructions").notNull().default(""),
    /** After the due date: accepted and marked Late (true), or refused (false). */
    lateAllowed: integer("late_allowed", { mode: "boolean" }).notNull().default(true),
    /** The teacher's IANA time zone when assigning; due and start times are shown in it until the viewer's browser says its own. */
    timeZone: text("time_zone"),
    /** Removed by the teacher: hidden everywhere, restorable for a few minutes (ASSIGNMENT_UNDO_MS). */
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("assignments_class_idx").on(t.classId)],
);

// ---------------------------------------------------------------- attempts

export const attempts = sqliteTable(
  "attempts",
  {
    id: id(),
    quizId: text("quiz_id")
      .notNull()
      .references(() => quizzes.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assignmentId: text("assignment_id").references(() => assignments.id, { onDelete: "set null" }),
    mode: text("mode", { enum: QUIZ_MODES }).notNull(),
    status: text("status", { enum: ["in_progress", "submitted"] }).notNull().default("in_progress"),
    /** Per question: the version shown and the shuffled order of its choices/items. */
    layout: text("layout", { mode: "json" }).$type<AttemptLayout>().notNull(),
    /** Autosaved answers, keyed by question id, until submission. */
    draft: text("draft", { mode: "json" }).$type<Record<string, Answer>>().notNull(),
    score: real("score"),
    maxScore: real("max_score"),
    startedAt: createdAt(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("attempts_user_quiz_idx").on(t.userId, t.quizId),
    index("attempts_assignment_idx").on(t.assignmentId, t.userId),
  ],
);

export const RESPONSE_OUTCOMES = ["correct", "partial", "incorrect"] as const;

export const responses = sqliteTable(
  "responses",
  {
    attemptId: text("attempt_id")
      .notNull()
      .references(() => attempts.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    questionVersionId: integer("question_version_id")
      .notNull()
      .references(() => questionVersions.id),
    answer: text("answer", { mode: "json" }).$type<Answer>(),
    /** Credit between 0 and 1. */
    credit: real("credit").notNull(),
    outcome: text("outcome", { enum: RESPONSE_OUTCOMES }).notNull(),
    answeredAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.questionId] }),
    index("responses_version_idx").on(t.questionVersionId),
    index("responses_question_idx").on(t.questionId),
  ],
);

// ---------------------------------------------------------------- reading

export const readingProgress = sqliteTable(
  "reading_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    sectionsRead: text("sections_read", { mode: "json" }).$type<string[]>().notNull(),
    lastAnchor: text("last_anchor"),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] })],
);

// ---------------------------------------------------------------- review (FSRS)

export const reviewCards = sqliteTable(
  "review_cards",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    due: integer("due", { mode: "timestamp_ms" }).notNull(),
    stability: real("stability").notNull(),
    difficulty: real("difficulty").notNull(),
    elapsedDays: integer("elapsed_days").notNull(),
    scheduledDays: integer("scheduled_days").notNull(),
    learningSteps: integer("learning_steps").notNull().default(0),
    reps: integer("reps").notNull(),
    lapses: integer("lapses").notNull(),
    state: integer("state").notNull(),
    lastReview: integer("last_review", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.questionId] }), index("review_cards_due_idx").on(t.userId, t.due)],
);

export const reviewLogs = sqliteTable(
  "review_logs",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    rating: integer("rating").notNull(),
    credit: real("credit").notNull(),
    reviewedAt: createdAt(),
  },
  (t) => [index("review_logs_user_idx").on(t.userId)],
);

/** Guest histories already merged into an account: a merge key is applied once. */
export const guestMerges = sqliteTable(
  "guest_merges",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mergeKey: text("merge_key").notNull(),
    mergedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.mergeKey] })],
);

// ---------------------------------------------------------------- import drafts

export const importDrafts = sqliteTable(
  "import_drafts",
  {
    id: id(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    draft: text("draft", { mode: "json" }).$type<StoredDraft>().notNull(),
    publishedLessonId: text("published_lesson_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("import_drafts_owner_idx").on(t.ownerId)],
);

// ---------------------------------------------------------------- audit log

/** What a teacher (or admin) did that changed grades, rosters or passwords (lib/data/audit.ts). */
export const AUDIT_ACTIONS = [
  "roster.student_added",
  "roster.student_removed",
  "roster.student_deleted",
  "password.reset",
  "class.archived",
  "class.unarchived",
  "join_code.changed",
  "join_code.disabled",
  "assignment.created",
  "assignment.removed",
  "assignment.restored",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Written in the same transaction as the change it records. Names are
 * snapshots (so the log still reads after a rename); deleting an account
 * clears its id and name from every entry (lib/data/privacy.ts), and a class's
 * entries go with the class.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name"),
    classId: text("class_id").references(() => classes.id, { onDelete: "cascade" }),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    targetUserId: text("target_user_id").references(() => users.id, { onDelete: "set null" }),
    targetName: text("target_name"),
    /** Small facts about the change (an assignment's title, a count); never a password or a code. */
    detail: text("detail", { mode: "json" }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index("audit_log_class_idx").on(t.classId, t.at), index("audit_log_target_idx").on(t.targetUserId), index("audit_log_actor_idx").on(t.actorId)],
);

/** Key/value settings the app creates for itself (e.g. the generated auth secret is in a file, not here). */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: updatedAt(),
});

/**
 * Cached shared pages to drop on every app server (lib/data/cache-invalidations.ts):
 * written in the same transaction as the change that makes them stale (a
 * published import, a content sync); each server's page cache
 * (lib/cache/page-cache-handler.cjs) reads the new rows at most once a second.
 * `tag` is Next's cache tag for the path. Rows older than a day are pruned.
 */
export const cacheInvalidations = sqliteTable(
  "cache_invalidations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tag: text("tag").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("cache_invalidations_created_idx").on(t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Lesson = typeof lessons.$inferSelect;
export type Attempt = typeof attempts.$inferSelect;
export type QuestionVersion = typeof questionVersions.$inferSelect;
