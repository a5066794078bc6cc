/**
 * Runs imports in worker threads so the web server keeps answering other
 * requests while an article is analysed (a 260 KB paste is many seconds of
 * CPU). Workers run the compiled bundle from scripts/import-launcher.mjs
 * (built on first use, rebuilt when sources change) and are reused; at most
 * two run at once, further jobs wait their turn.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { DraftResult, ImportStage } from "./index";
import type { ArticleInput, GlossaryEntry } from "./types";
import type { WorkerJob, WorkerMessage } from "./worker";

interface PendingJob {
  job: WorkerJob;
  onStage: (stage: ImportStage) => void;
  resolve: (result: DraftResult) => void;
  reject: (error: Error) => void;
}

interface Pool {
  idle: Worker[];
  busy: Map<Worker, PendingJob>;
  queue: PendingJob[];
  ready: Promise<string> | null;
  nextJobId: number;
}

const MAX_WORKERS = Math.max(1, Math.min(2, os.availableParallelism()));

// One pool per server process, also across module reloads in development.
const pool: Pool = ((globalThis as { __civicsImportPool?: Pool }).__civicsImportPool ??= { idle: [], busy: new Map(), queue: [], ready: null, nextJobId: 1 });

/** Makes sure the worker bundle is current (a child process, so the bundler never blocks this one); resolves to its path. */
function ensureBuilt(): Promise<string> {
  pool.ready ??= new Promise<string>((resolve, reject) => {
    const root = process.cwd();
    const child = spawn(process.execPath, [path.join(root, "scripts/import-launcher.mjs"), "--ensure-built"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      // The launcher prints the folder of the current build: each build has its own, so a rebuild never pulls it away.
      const dir = stdout.trim().split("\n").at(-1) ?? "";
      if (code === 0 && dir) resolve(path.join(dir, "import-worker.mjs"));
      else reject(new Error(`Could not compile the import worker: ${stderr.trim().slice(0, 500)}`));
    });
  }).catch((error: unknown) => {
    pool.ready = null;
    throw error;
  });
  return pool.ready;
}

/** The import pipeline's result for `input`, computed in a worker thread; `onStage` hears each stage as it starts. */
export async function draftInWorker(input: ArticleInput, glossary: GlossaryEntry[], onStage: (stage: ImportStage) => void = () => {}): Promise<DraftResult> {
  let file = await ensureBuilt();
  // Old builds are removed an hour after a newer one (scripts/import-launcher.mjs): a long-running development server asks again.
  if (!fs.existsSync(file)) {
    pool.ready = null;
    file = await ensureBuilt();
  }
  return new Promise<DraftResult>((resolve, reject) => {
    pool.queue.push({ job: { jobId: pool.nextJobId++, input, glossary }, onStage, resolve, reject });
    dispatch(file);
  });
}

function dispatch(file: string): void {
  while (pool.queue.length > 0) {
    const worker = pool.idle.pop() ?? (pool.busy.size < MAX_WORKERS ? startWorker(file) : undefined);
    if (!worker) return;
    const pending = pool.queue.shift()!;
    pool.busy.set(worker, pending);
    worker.postMessage(pending.job);
  }
}

function startWorker(file: string): Worker {
  const worker = new Worker(pathToFileURL(file));
  // An idle worker must not keep the process alive (tests, CLI scripts, shutdown).
  worker.unref();
  worker.on("message", (message: WorkerMessage) => {
    const pending = pool.busy.get(worker);
    if (!pending || pending.job.jobId !== message.jobId) return;
    if (message.type === "stage") {
      pending.onStage(message.stage);
      return;
    }
    pool.busy.delete(worker);
    pool.idle.push(worker);
    if (message.type === "done") pending.resolve(message.result);
    else pending.reject(new Error(message.message));
    dispatch(file);
  });
  const fail = (error: Error) => {
    const pending = pool.busy.get(worker);
    pool.busy.delete(worker);
    pool.idle = pool.idle.filter((w) => w !== worker);
    pending?.reject(error);
    dispatch(file);
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The import worker stopped (exit code ${code}).`)));
  return worker;
}
