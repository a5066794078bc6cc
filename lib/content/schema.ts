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

const questionBase = {
  id: slugSchema,
  prompt: prose,
  explanation: prose,
  evidence: slugSchema,
  topic: slugSchema,
  skills: z.array(z.enum(SKILLS)).min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
};

export const contentQuestionSchema = z.discriminatedUnion("type", [
  z.object({ ...questionBase, type: z.literal("single"), choices: z.array(choiceSchema).min(2).max(6), answer: slugSchema }).strict(),
  z
    .object({ ...questionBase, type: z.literal("multiple"), choices: z.array(choiceSchema).min(3).max(6), answer: z.array(slugSchema).min(1) })
    .strict(),
  z
    .object({ ...questionBase, type: z.literal("true_false"), answer: z.boolean(), feedbackTrue: prose.optional(), feedbackFalse: prose.optional() })
    .strict(),
  z.object({ ...questionBase, type: z.literal("ordering"), items: z.array(itemSchema).min(3).max(8), answer: z.array(slugSchema).min(3) }).strict(),
  z
    .object({
      ...questionBase,
      type: z.literal("matching"),
      left: z.array(itemSchema).min(2).max(6),
      right: z.array(itemSchema).min(2).max(8),
      answer: z.record(slugSchema, slugSchema),
    })
    .strict(),
  z
    .object({ ...questionBase, type: z.literal("short_answer"), answer: z.array(answerText).min(1), maxLength: z.number().int().min(1).max(500).optional() })
    .strict(),
  z
    .object({ ...questionBase, type: z.literal("numeric"), answer: z.number(), tolerance: z.number().min(0).default(0), unit: prose.optional() })
    .strict(),
  z.object({ ...questionBase, type: z.literal("cloze"), text: prose, answer: z.record(slugSchema, z.array(answerText).min(1)) }).strict(),
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

export type TopicsFile = z.infer<typeof topicsFileSchema>;
export type GlossaryTerm = z.infer<typeof glossaryFileSchema>["terms"][number];
export type TimelineEvent = z.infer<typeof timelineFileSchema>["events"][number];
export type Actor = z.infer<typeof actorsFileSchema>["actors"][number];
export type LessonMeta = z.infer<typeof lessonMetaSchema>;
export type LessonCheck = z.infer<typeof checkSchema>;
export type ContentQuestion = z.infer<typeof contentQuestionSchema>;
export type QuizFile = z.infer<typeof quizFileSchema>;
