/**
 * `npm run -s import`: runs scripts/import.ts compiled ahead of time.
 * Loading TypeScript through tsx at run time took seconds before the CLI
 * printed anything; an esbuild bundle loads in a fraction of that. The bundle
 * is built on first use into node_modules/.cache/civics-lab-import (ignored
 * by git, gone with node_modules) and rebuilt whenever one of its source
 * files or package-lock.json changes, so a fresh clone needs no extra step
 * and edits are never run stale. Plain JavaScript on purpose: it must run
 * before anything is compiled.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The CLI, and the worker the web app runs imports in (lib/import/worker-pool.ts). */
const ENTRIES = { import: "scripts/import.ts", "import-worker": "lib/import/worker.ts" };
export const DEFAULT_OUT_DIR = path.join(ROOT, "node_modules/.cache/civics-lab-import");

/** A source's identity for staleness: size and modification time. */
function stamp(file) {
  try {
    const stat = fs.statSync(path.join(ROOT, file));
    return `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
  } catch {
    return "missing";
  }
}

/** True when the bundle in outDir was built from the sources as they are now. */
export function isFresh(outDir = DEFAULT_OUT_DIR) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(outDir, "manifest.json"), "utf8"));
  } catch {
    return false;
  }
  if (!manifest || typeof manifest.inputs !== "object" || Object.keys(ENTRIES).some((name) => !fs.existsSync(path.join(outDir, `${name}.mjs`)))) return false;
  return Object.entries(manifest.inputs).every(([file, value]) => stamp(file) === value);
}

/** Bundles the CLI (with its npm dependencies) into outDir, atomically: a concurrent run never sees half a build. */
export async function build(outDir = DEFAULT_OUT_DIR) {
  const { build: esbuild } = await import("esbuild");
  const staging = `${outDir}.${process.pid}.${Date.now()}`;
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    minify: true,
    metafile: true,
    logLevel: "error",
    alias: { "@": ROOT },
    // Bundled CommonJS packages call require(); give the ESM output one.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  // Our sources are checked one by one; npm packages change only with the lockfile.
  const inputs = { "package-lock.json": stamp("package-lock.json"), "scripts/import-launcher.mjs": stamp("scripts/import-launcher.mjs") };
  for (const file of Object.keys(result.metafile.inputs)) if (!file.includes("node_modules/")) inputs[file] = stamp(file);
  fs.writeFileSync(path.join(staging, "manifest.json"), JSON.stringify({ inputs }, null, 1));
  fs.rmSync(outDir, { recursive: true, force: true });
  try {
    fs.renameSync(staging, outDir);
  } catch {
    // Another run finished its build first; use that one.
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export async function run() {
  if (!isFresh()) {
    if (process.env.IMPORT_CLI_VERBOSE) process.stderr.write("import: compiling the importer (first run or sources changed)…\n");
    await build();
  }
  // `--ensure-built`: only make sure the bundle is current (the web app calls this before starting its worker).
  if (process.argv[2] === "--ensure-built") return;
  await import(pathToFileURL(path.join(DEFAULT_OUT_DIR, "import.mjs")).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
