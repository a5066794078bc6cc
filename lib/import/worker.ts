/**
 * Worker-thread entry: runs the import pipeline off the web server's request
 * thread (a 260 KB paste takes many seconds of CPU) and reports each stage as
 * it starts. Compiled by scripts/import-launcher.mjs; driven by
 * lib/import/worker-pool.ts.
 */
import { parentPort } from "node:worker_threads";
import { tryDraftFromArticle, type ImportStage } from "./index";
import type { ArticleInput, GlossaryEntry } from "./types";

export interface WorkerJob {
  jobId: number;
  input: ArticleInput;
  glossary: GlossaryEntry[];
}

export type WorkerMessage =
  | { jobId: number; type: "stage"; stage: ImportStage }
  | { jobId: number; type: "done"; result: ReturnType<typeof tryDraftFromArticle> }
  | { jobId: number; type: "failed"; message: string };

const port = parentPort;
if (port) {
  port.on("message", (job: WorkerJob) => {
    const post = (message: WorkerMessage) => port.postMessage(message);
    try {
      const result = tryDraftFromArticle(job.input, { glossary: job.glossary, onStage: (stage) => post({ jobId: job.jobId, type: "stage", stage }) });
      post({ jobId: job.jobId, type: "done", result });
    } catch (error) {
      post({ jobId: job.jobId, type: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  });
}
