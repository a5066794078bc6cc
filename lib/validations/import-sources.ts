/** Optional article details sent with a link or a PDF/Word upload (the same rules as the paste form). */
import { z } from "zod";

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, `Keep it under ${max} characters.`).optional());

export const importMetadataSchema = z.object({
  title: optionalText(200),
  outlet: optionalText(120),
  author: optionalText(120),
  date: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date picker or YYYY-MM-DD.").optional()),
});

/** Uploads larger than this are refused from the Content-Length header, before the body is read (the file limit is 2 MB; form encoding adds a little). */
export const MAX_DOCUMENT_REQUEST_BYTES = 2 * 1024 * 1024 + 64 * 1024;
