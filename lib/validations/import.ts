/** Forms and payloads of the article-import pages (app/import). */
import { z } from "zod";
import { MAX_INPUT_BYTES } from "../import/types";

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, `Keep it under ${max} characters.`).optional());

export const createImportSchema = z.object({
  content: z
    .string({ error: "Paste an article or choose a file." })
    .refine((v) => v.trim().length > 0, "Paste an article or choose a file.")
    .refine((v) => new TextEncoder().encode(v).byteLength <= MAX_INPUT_BYTES, "That is larger than 2 MB. Paste just the article's text."),
  title: optionalText(200),
  outlet: optionalText(120),
  author: optionalText(120),
  date: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date picker or YYYY-MM-DD.").optional()),
  url: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/, message: "Use a web address starting with http:// or https://." }).max(2000).optional()),
  fileName: optionalText(300),
  /** Chosen by the browser to follow the import's progress (GET /import/progress/[token]). */
  progressToken: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
});

export const progressTokenSchema = z.object({ token: z.uuid() });

export const draftIdSchema = z.object({ draftId: z.uuid("That draft doesn't exist.") });

/** The review editor sends the whole question list as JSON; each question is checked against the content schema on the server. */
export const saveImportDraftSchema = draftIdSchema.extend({
  title: z.string().trim().min(1, "Give the lesson a title.").max(200),
  questions: z.string().max(1_000_000),
});
