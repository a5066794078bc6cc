/**
 * The one place that reads process.env. Every setting is validated with zod;
 * empty strings count as unset.
 * @see README.md "Configuration"
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOSTNAME: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  DATABASE_PATH: z.preprocess(emptyAsUndefined, z.string().default("data/civics.db")),
  /**
   * Set to run on PostgreSQL instead of the SQLite file (README "Deployment"). Only postgres:// and postgresql://
   * URLs; anything else is refused at start so a typo never silently falls back to SQLite.
   */
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//i.test(v), {
        message: "DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the SQLite file at DATABASE_PATH)",
      })
      .optional(),
  ),
  /** PostgreSQL connections per app server (the pool; SQLite ignores it). */
  DATABASE_POOL_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
  /**
   * Older session secrets that still verify cookies while they are replaced (docs/SECURITY.md "Rotating AUTH_SECRET"):
   * comma- or space-separated. New cookies are always made with AUTH_SECRET.
   */
  AUTH_SECRET_PREVIOUS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((v) => (v ?? "").split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().min(32, "each AUTH_SECRET_PREVIOUS secret must be at least 32 characters"))),
  ),
  /** Sign-in failures allowed per account within the window before it is paused. */
  LOGIN_MAX_FAILURES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(5)),
  LOGIN_WINDOW_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(900)),
  /** Where `next build` writes (default .next). */
  NEXT_DIST_DIR: z.preprocess(emptyAsUndefined, z.string().default(".next")),
  /** Trust X-Forwarded-For for the client address (only behind your own reverse proxy). */
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false")).transform((v) => v === "true"),
  /** Builds the benchmark-only routes (files named page.bench.tsx / route.bench.ts: /bench/bare, /api/bench/submit) into the build; only `npm run bench` sets it, with its own build folder. */
  BENCH_ROUTES: z.preprocess(emptyAsUndefined, z.enum(["0", "1"]).default("0")).transform((v) => v === "1"),
  /** Import from a link (the server fetches the teacher's URL). `off` hides the field and refuses the action. */
  URL_IMPORT: z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).default("on")).transform((v) => v === "on"),
  /** IPs or CIDRs a link may lead to despite being private/loopback (e.g. a school's own intranet news server). Comma-separated. */
  URL_IMPORT_ALLOW_ADDRESSES: z
    .preprocess(emptyAsUndefined, z.string().default(""))
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
  /** How long one link import may take, redirects included. */
  URL_IMPORT_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(60).default(10)),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid configuration:\n${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests that change process.env call this so the next getEnv() reads it again. */
export function resetEnvCacheForTests(): void {
  cached = undefined;
}

/**
 * Which storage engine this process runs on: PostgreSQL when DATABASE_URL is
 * set, the SQLite file otherwise. db/tables.ts and db/client.ts decide once
 * from it (docs/ARCHITECTURE.md "PostgreSQL").
 */
export function databaseEngine(): "sqlite" | "postgres" {
  return getEnv().DATABASE_URL ? "postgres" : "sqlite";
}

/** Absolute path of the SQLite file. */
export function getDatabasePath(): string {
  return path.resolve(getEnv().DATABASE_PATH);
}

/** The generated secret lives beside the database, so backing up the data folder keeps sessions valid. */
export function getAuthSecretPath(): string {
  return path.join(path.dirname(getDatabasePath()), "auth-secret");
}

/**
 * AUTH_SECRET if configured, otherwise the persisted generated secret
 * (created by `ensureAuthSecret` at start).
 */
export function getAuthSecret(): string {
  const configured = getEnv().AUTH_SECRET;
  if (configured) return configured;
  const file = getAuthSecretPath();
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`No AUTH_SECRET configured and no generated secret at ${file}. Run \`npm start\` once to create it.`);
  }
}

/**
 * Every secret a session cookie may be made with, current first: next-auth
 * encrypts new cookies with the first and tries each in turn when reading
 * (docs/SECURITY.md "Rotating AUTH_SECRET").
 */
export function getAuthSecrets(): string[] {
  const current = getAuthSecret();
  return [current, ...getEnv().AUTH_SECRET_PREVIOUS.filter((secret) => secret !== current)];
}
