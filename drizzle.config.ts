import { defineConfig } from "drizzle-kit";

/** @see https://orm.drizzle.team/docs/drizzle-config-file */
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "data/civics.db" },
  strict: true,
});
