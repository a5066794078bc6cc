import { defineConfig } from "drizzle-kit";

/**
 * PostgreSQL migrations from db/schema.pg.ts (`npm run db:generate` runs both configs).
 * @see https://orm.drizzle.team/docs/drizzle-config-file
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://127.0.0.1:5432/postgres" },
  strict: true,
});
