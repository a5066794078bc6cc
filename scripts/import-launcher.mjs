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
import { randomBytes } from "node:crypto";
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

/**
 * Each build gets a folder of its own under outDir, and `current.json` names the newest. Building in place (remove
 * the folder, rename the new one in) left a moment with no bundle at all: twelve imports started at once after a
 * source change failed with ENOENT while another run swapped the folder. A run now imports from the folder it found
 * or built, which stays put; old folders go only when they are an hour old and not current.
 */
const POINTER = "current.json";
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

function manifestIsFresh(dir) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
  } catch {
    return false;
  }
  if (!manifest || typeof manifest.inputs !== "object" || Object.keys(ENTRIES).some((name) => !fs.existsSync(path.join(dir, `${name}.mjs`)))) return false;
  return Object.entries(manifest.inputs).every(([file, value]) => stamp(file) === value);
}

/** The folder of the current bundle when it was built from the sources as they are now, else undefined. */
export function currentBundle(outDir = DEFAULT_OUT_DIR) {
  let dir;
  try {
    dir = JSON.parse(fs.readFileSync(path.join(outDir, POINTER), "utf8")).dir;
  } catch {
    return undefined;
  }
  if (typeof dir !== "string" || dir.includes("/") || dir.includes("\\")) return undefined;
  const full = path.join(outDir, dir);
  return manifestIsFresh(full) ? full : undefined;
}

/** True when the current bundle in outDir was built from the sources as they are now. */
export function isFresh(outDir = DEFAULT_OUT_DIR) {
  return currentBundle(outDir) !== undefined;
}

/** Bundles the CLI and the worker (with their npm dependencies) into a new folder under outDir, makes it current, returns it. */
export async function build(outDir = DEFAULT_OUT_DIR) {
  const { build: esbuild } = await import("esbuild");
  fs.mkdirSync(outDir, { recursive: true });
  const name = `build-${Date.now()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const dir = path.join(outDir, name);
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: dir,
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
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ inputs }, null, 1));
  // The pointer changes in one rename, so a reader sees the old folder or the new one, never half of either.
  const pointerTemp = path.join(outDir, `${POINTER}.${process.pid}.${Date.now()}`);
  fs.writeFileSync(pointerTemp, JSON.stringify({ dir: name }));
  fs.renameSync(pointerTemp, path.join(outDir, POINTER));
  removeOldBuilds(outDir, name);
  return dir;
}

function removeOldBuilds(outDir, keep) {
  const now = Date.now();
  for (const entry of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (entry.name === keep || entry.name === POINTER) continue;
    const full = path.join(outDir, entry.name);
    try {
      // Files of the earlier single-folder layout, and build folders no run can still be loading.
      if (now - fs.statSync(full).mtimeMs < KEEP_OLD_BUILDS_MS && (entry.isDirectory() || entry.name.startsWith(POINTER))) continue;
      fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/** The folder of a bundle built from the current sources, building one if needed. */
export async function ensureBuilt(outDir = DEFAULT_OUT_DIR) {
  const current = currentBundle(outDir);
  if (current) return current;
  if (process.env.IMPORT_CLI_VERBOSE) process.stderr.write("import: compiling the importer (first run or sources changed)…\n");
  return build(outDir);
}

export async function run() {
  const dir = await ensureBuilt();
  // `--ensure-built`: only make sure the bundle is current, and print its folder (the web app's worker pool runs the worker from it).
  if (process.argv[2] === "--ensure-built") {
    process.stdout.write(`${dir}\n`);
    return;
  }
  await import(pathToFileURL(path.join(dir, "import.mjs")).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
