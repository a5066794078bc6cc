// @ts-check
/**
 * The import rules of docs/ARCHITECTURE.md, enforced by eslint-plugin-boundaries.
 *
 * LAYERS is ordered from the top down. A module may import from its own element
 * and from elements further down the list, never up: so no import runs up a
 * layer, and no cycle between two elements can be written at all (a cycle
 * needs one import going up). Only lib/data, scripts and bench/ may import
 * db/. tests/unit/layers.test.ts proves that a break and a cycle fail lint, and
 * that every source file has a layer (boundaries skips files that have none).
 */
import boundaries from "eslint-plugin-boundaries";

/** @type {{ type: string; pattern: string | string[]; why: string }[]} */
export const LAYERS = [
  { type: "bench", pattern: ["bench", "app/**/*.bench.ts", "app/**/*.bench.tsx"], why: "benchmarks, load generators and their routes (built only with BENCH_ROUTES=1)" },
  { type: "scripts", pattern: "scripts", why: "CLI entry points: start, prepare-data, content-check, demo, import, backup, db-copy" },
  { type: "app", pattern: ["app", "proxy.ts", "instrumentation.ts"], why: "routes, pages, server actions, UI; never db/" },
  { type: "glue", pattern: ["lib/actions.ts", "lib/action-state.ts", "lib/pages.ts", "lib/http.ts", "lib/server-response.ts"], why: "server-action wrapper, page and route-handler helpers, how responses are written" },
  { type: "auth", pattern: "lib/auth", why: "next-auth (issues cookies), signing in from actions, the proxy's cookie check" },
  { type: "data", pattern: "lib/data", why: "the only code that queries the database; reads the session and checks the user" },
  { type: "db", pattern: "db", why: "schema, connection, migrations" },
  { type: "validations", pattern: "lib/validations", why: "zod schemas for forms and request bodies" },
  { type: "demo", pattern: "lib/demo", why: "simulated students" },
  { type: "interop", pattern: "lib/interop", why: "LMS exports and printed quizzes" },
  { type: "import", pattern: "lib/import", why: "article → lesson draft pipeline" },
  { type: "reading", pattern: "lib/reading", why: "reading levels, guest progress, paragraph HTML" },
  { type: "analysis", pattern: "lib/analysis", why: "item analysis" },
  { type: "review", pattern: "lib/review", why: "FSRS scheduling" },
  { type: "content", pattern: "lib/content", why: "content/ schemas, loader, checks, question split" },
  { type: "quiz", pattern: "lib/quiz", why: "grading, layouts, question types" },
  { type: "security", pattern: "lib/security", why: "CSP, origin checks, client address, token cache" },
  { type: "passwords", pattern: "lib/passwords", why: "hashing, strength, one-time passwords" },
  { type: "text", pattern: "lib/text", why: "readability, slugs" },
  { type: "base", pattern: ["lib/roles.ts", "lib/viewer.ts", "lib/proxy-answers.ts", "lib/dates.ts", "lib/env.ts", "lib/errors.ts", "lib/limits.ts"], why: "roles, dates, env, errors, limits, what proxy.ts answers itself" },
];

/** The only elements that may import db/. */
export const DB_USERS = ["bench", "scripts", "data"];

/** What each element may import: everything below it (db only for DB_USERS). */
/** @param {string} type */
export function allowedTargets(type) {
  const index = LAYERS.findIndex((layer) => layer.type === type);
  return LAYERS.slice(index + 1)
    .map((layer) => layer.type)
    .filter((target) => target !== "db" || DB_USERS.includes(type));
}

/** The layer patterns as globs over files (a folder means everything under it). */
/** @param {{ pattern: string | string[] }} layer */
export function layerGlobs(layer) {
  return (Array.isArray(layer.pattern) ? layer.pattern : [layer.pattern]).map((pattern) => (/\.(ts|tsx|mjs)$/.test(pattern) ? pattern : `${pattern}/**`));
}

// Layers are file categories (element descriptors in boundaries 7 only match folders, and several layers are single files).
const files = LAYERS.flatMap((layer) => layerGlobs(layer).map((pattern) => ({ category: layer.type, pattern })));

/** @type {import("eslint").Linter.Config[]} */
export const layerRules = [
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx,mjs}", "db/**/*.ts", "bench/**/*.{ts,tsx}", "scripts/**/*.{ts,mjs}", "proxy.ts", "instrumentation.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/files": files,
      "boundaries/dependency-nodes": ["import", "export", "dynamic-import"],
      "boundaries/include": ["app/**", "lib/**", "db/**", "bench/**", "scripts/**", "proxy.ts", "instrumentation.ts"],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          // Every file here belongs to a layer by category, not to a folder element.
          checkUnknownLocals: true,
          message: "Layer break: {{from.file.categories}} may not import {{to.file.categories}} ({{to.file.path}}). Each layer imports only the layers below it (eslint.layers.mjs, docs/ARCHITECTURE.md).",
          policies: [
            ...LAYERS.map((layer) => ({
              from: { file: { categories: layer.type } },
              allow: { to: { file: { categories: { anyOf: [layer.type, ...allowedTargets(layer.type)] } } } },
            })),
          ],
        },
      ],
    },
  },
];

/**
 * Cycles between modules inside one layer (the order above already rules out
 * cycles between layers). The `import` plugin comes with eslint-config-next.
 */
/** @type {import("eslint").Linter.Config[]} */
export const cycleRules = [
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.ts", "proxy.ts", "instrumentation.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
];
