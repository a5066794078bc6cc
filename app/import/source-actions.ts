"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/actions";
import { createImportDraftFromUrl } from "@/lib/data/import-sources";
import { importMetadataSchema } from "@/lib/validations/import-sources";

const importUrlSchema = importMetadataSchema.extend({
  sourceUrl: z.string({ error: "Paste the article's link." }).trim().min(1, "Paste the article's link.").max(2000, "That link is too long."),
});

/** Import from a link: the server fetches the page safely and runs the same pipeline as a paste. */
export const importFromUrlAction = authedAction(
  importUrlSchema,
  async ({ sourceUrl, ...metadata }) => {
    const { id } = await createImportDraftFromUrl(sourceUrl, Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined)));
    redirect(`/import/${id}`);
  },
  { roles: ["teacher"] },
);
