/**
 * Zod schemas for everything in content/. The shapes are documented in
 * docs/CONTENT_FORMAT.md; types elsewhere are inferred from these.
 */
import { z } from "zod";

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase kebab-case (a-z, 0-9 and single hyphens)");

const prose = z.string().trim().min(1, "must not be empty");
const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY-MM-DD, YYYY-MM or YYYY")
  .refine((value) => !Number.isNaN(Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value)), "is not a real date");
// YAML parses unquoted dates as Date objects; accept both.
const yamlDate = z.preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value), isoDate);
const url = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });

export const SKILLS = [
  "recall",
  "vocabulary",
  "main-idea",
  "cause-effect",
  "chronology",
  "sourcing",
  "fact-opinion",
  "numeracy",
  "inference",
  "perspective",
  // Claim and supporting evidence (two-part items: Part A a claim, Part B the sentence that supports it).
  "evidence",
  "author-purpose",
] as const;

export const READING_LEVELS = [1, 2, 3] as const;
export type ReadingLevel = (typeof READING_LEVELS)[number];
export const LEVEL_INFO: Record<ReadingLevel, { label: string; grades: string; fkMin: number; fkMax: number }> = {
  1: { label: "Level 1", grades: "grades 6–7", fkMin: 5, fkMax: 8 },
  2: { label: "Level 2", grades: "grades 9–10", fkMin: 8, fkMax: 11 },
  3: { label: "Level 3", grades: "grades 11–12", fkMin: 10.5, fkMax: 14 },
};

export const topicsFileSchema = z.object({
  topics: z.array(z.object({ id: slugSchema, title: prose, description: prose }).strict()).min(1),
});

export const glossaryFileSchema = z.object({
  terms: z
    .array(
      z
        .object({
          id: slugSchema,
          term: prose,
          definition: prose,
          aliases: z.array(prose).default([]),
          topics: z.array(slugSchema).default([]),
        })
        .strict(),
    )
    .min(1),
});

export const timelineFileSchema = z.object({
  events: z
    .array(
      z
        .object({
          id: slugSchema,
          date: yamlDate,
          title: prose,
          description: prose,
          topics: z.array(slugSchema).default([]),
          source: url,
        })
        .strict(),
    )
    .min(1),
});

export const actorsFileSchema = z.object({
  actors: z
    .array(
      z
        .object({
          id: slugSchema,
          name: prose,
          kind: z.enum(["person", "country", "organization"]),
          role: prose,
          position: prose,
          topics: z.array(slugSchema).default([]),
          source: url,
        })
        .strict(),
    )
    .min(1),
});

export const lessonSourceSchema = z
  // A teacher's own article may come from print, so imported lessons can credit a source without a URL.
  .object({ title: prose, publisher: prose, url: url.optional(), date: yamlDate.optional() })
  .strict();

export const checkSchema = z
  .object({
    id: slugSchema,
    after: slugSchema,
    prompt: prose,
    choices: z.array(prose).min(2).max(5),
    answer: z.number().int().min(0),
    feedback: prose,
    evidence: slugSchema,
  })
  .strict()
  .refine((check) => check.answer < check.choices.length, { message: "answer is not an index into choices", path: ["answer"] });

export const lessonMetaSchema = z
  .object({
    slug: slugSchema,
    title: prose,
    summary: prose,
    topic: slugSchema,
    order: z.number().int(),
    asOf: yamlDate,
    objectives: z.array(prose).min(1),
    vocabulary: z.array(slugSchema).default([]),
    takeaways: z.array(prose).min(1),
    discussion: z.array(prose).min(1),
    timeline: z.array(slugSchema).default([]),
    actors: z.array(slugSchema).default([]),
    sources: z.array(lessonSourceSchema).min(1),
    checks: z.array(checkSchema).default([]),
    quiz: slugSchema.optional(),
    /** The article as published (an imported lesson), not a leveled rewrite: grade bands are reported, not enforced. */
    original: z.boolean().optional(),
  })
  .strict();

export const levelFrontmatterSchema = z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).strict();

const choiceSchema = z.object({ id: slugSchema, text: prose, feedback: prose.optional() }).strict();
const itemSchema = z.object({ id: slugSchema, text: prose }).strict();
const answerText = z.union([prose, z.number().transform(String)]);

/**
 * A question's evidence: one paragraph anchor, or a list when the answer rests
 * on several paragraphs. Always read it through `evidenceAnchors`.
 */
export const evidenceSchema = z.union([slugSchema, z.array(slugSchema).min(1)]);
/** Part id (ordering item, matching left item, correct choice, cloze blank) → the anchor(s) that support that part. */
const evidenceForSchema = z.record(slugSchema, evidenceSchema);

/**
 * Question types whose answer is made of parts that can each rest on a
 * different paragraph. For these `content:check` wants each part's anchor in
 * `evidenceFor` (docs/CONTENT_FORMAT.md, "Evidence that spans paragraphs").
 */
export const SPANNING_TYPES = ["ordering", "matching", "multiple", "cloze"] as const;
export type SpanningType = (typeof SPANNING_TYPES)[number];

const questionBase = {
  id: slugSchema,
  prompt: prose,
  explanation: prose,
  evidence: evidenceSchema,
  topic: slugSchema,
  skills: z.array(z.enum(SKILLS)).min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
};

export const contentQuestionSchema = z.discriminatedUnion("type", [
  z.object({ ...questionBase, type: z.literal("single"), choices: z.array(choiceSchema).min(2).max(6), answer: slugSchema }).strict(),
  z
    .object({ ...questionBase, type: z.literal("multiple"), choices: z.array(choiceSchema).min(3).max(6), answer: z.array(slugSchema).min(1), evidenceFor: evidenceForSchema.optional() })
    .strict(),
  z
    .object({ ...questionBase, type: z.literal("true_false"), answer: z.boolean(), feedbackTrue: prose.optional(), feedbackFalse: prose.optional() })
    .strict(),
  z.object({ ...questionBase, type: z.literal("ordering"), items: z.array(itemSchema).min(3).max(8), answer: z.array(slugSchema).min(3), evidenceFor: evidenceForSchema.optional() }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal("matching"),
      left: z.array(itemSchema).min(2).max(6),
      right: z.array(itemSchema).min(2).max(8),
      answer: z.record(slugSchema, slugSchema),
      evidenceFor: evidenceForSchema.optional(),
    })
    .strict(),
  z
    .object({ ...questionBase, type: z.literal("short_answer"), answer: z.array(answerText).min(1), maxLength: z.number().int().min(1).max(500).optional() })
    .strict(),
  z
    .object({ ...questionBase, type: z.literal("numeric"), answer: z.number(), tolerance: z.number().min(0).default(0), unit: prose.optional() })
    .strict(),
  z.object({ ...questionBase, type: z.literal("cloze"), text: prose, answer: z.record(slugSchema, z.array(answerText).min(1)), evidenceFor: evidenceForSchema.optional() }).strict(),
]);

export const quizFileSchema = z
  .object({
    id: slugSchema,
    lesson: slugSchema,
    title: prose,
    description: prose,
    questions: z.array(contentQuestionSchema).min(1),
  })
  .strict();

/** The 45-minute class plan of a teacher's guide: these phases, once each, in this order. */
export const GUIDE_PHASES = ["warm-up", "reading", "discussion", "quiz"] as const;
export const GUIDE_MINUTES = 45;

/**
 * The authored parts of a lesson's teacher's guide (lessons/<slug>/teacher-guide.yaml).
 * Objectives, vocabulary and the answer key come from lesson.yaml and the quiz.
 */
export const teacherGuideSchema = z
  .object({
    lesson: slugSchema,
    plan: z
      .array(
        z
          .object({
            phase: z.enum(GUIDE_PHASES),
            minutes: z.number().int().min(1).max(GUIDE_MINUTES),
            title: prose,
            steps: z.array(prose).min(1),
            sections: z.array(slugSchema).default([]),
          })
          .strict(),
      )
      .length(GUIDE_PHASES.length),
    discussion: z
      .array(z.object({ question: prose, strongAnswers: z.array(prose).min(2), evidence: z.array(slugSchema).default([]) }).strict())
      .min(2)
      .max(6),
    misconceptions: z
      .array(z.object({ misconception: prose, correction: prose, questions: z.array(slugSchema).min(1) }).strict())
      .min(2)
      .max(6),
    extension: z.object({ title: prose, description: prose, steps: z.array(prose).default([]) }).strict(),
  })
  .strict();

export type TopicsFile = z.infer<typeof topicsFileSchema>;
export type TeacherGuide = z.infer<typeof teacherGuideSchema>;
export type GlossaryTerm = z.infer<typeof glossaryFileSchema>["terms"][number];
export type TimelineEvent = z.infer<typeof timelineFileSchema>["events"][number];
export type Actor = z.infer<typeof actorsFileSchema>["actors"][number];
export type LessonMeta = z.infer<typeof lessonMetaSchema>;
/** The lesson.yaml fields that have a column of their own in `lessons`. */
export type LessonColumnField = "slug" | "title" | "summary" | "topic" | "order" | "asOf" | "quiz";
/**
 * What `lessons.meta` holds (typed in db/schema.ts): lesson.yaml without the fields that have
 * their own columns. Every list may be missing (an imported lesson, a test row), so readers default it.
 */
export type StoredLessonMeta = Partial<Omit<LessonMeta, LessonColumnField>>;
export type LessonCheck = z.infer<typeof checkSchema>;
export type ContentQuestion = z.infer<typeof contentQuestionSchema>;
export type QuizFile = z.infer<typeof quizFileSchema>;

/** A question's evidence as a list, first anchor first, without repeats. */
export function evidenceAnchors(evidence: string | readonly string[]): string[] {
  return [...new Set(typeof evidence === "string" ? [evidence] : evidence)];
}

export function isSpanningType(type: ContentQuestion["type"]): type is SpanningType {
  return (SPANNING_TYPES as readonly string[]).includes(type);
}

/**
 * The parts of a spanning question that each need their own evidence: every
 * ordering item, every matching pair (named by its left item), every correct
 * choice of a multi-select, every cloze blank.
 */
export function answerParts(question: ContentQuestion): string[] {
  switch (question.type) {
    case "ordering":
      return question.items.map((item) => item.id);
    case "matching":
      return question.left.map((item) => item.id);
    case "multiple":
      return [...question.answer];
    case "cloze":
      return [...question.text.matchAll(/\{\{([a-z0-9-]+)\}\}/g)].map((m) => m[1]!);
    default:
      return [];
  }
}
