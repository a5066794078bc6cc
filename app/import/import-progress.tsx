"use client";

import { useEffect, useState } from "react";
import { useFormStatus } from "react-dom";

/** The stages an import goes through, in order, as the server reports them (lib/data/imports.ts). */
const STAGES = [
  { id: "extracting", label: "Extracting the article" },
  { id: "analysing", label: "Analysing sentences, people and dates" },
  { id: "drafting", label: "Drafting questions" },
  { id: "saving", label: "Saving the draft" },
] as const;

type Stage = (typeof STAGES)[number]["id"] | "waiting" | "queued" | "done" | "failed";

/** A random v4 UUID; crypto.randomUUID needs a secure context, which a school's plain-http server may not be. */
export function newProgressToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** While the form is submitting, polls the import's stage and shows where it is. Must be rendered inside the form. */
export function ImportProgress({ token }: { token: string }) {
  const { pending } = useFormStatus();
  const [stage, setStage] = useState<Stage>("waiting");

  useEffect(() => {
    if (!pending || !token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/import/progress/${token}`, { cache: "no-store" });
        if (response.ok) {
          const body = (await response.json()) as { stage?: Stage };
          if (!stopped && body.stage) setStage(body.stage);
        }
      } catch {
        // A missed poll is retried; the form's own result is what counts.
      }
      if (!stopped) timer = setTimeout(() => void poll(), 400);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      setStage("waiting");
    };
  }, [pending, token]);

  if (!pending) return null;
  const currentIndex = STAGES.findIndex((s) => s.id === stage);
  const reached = stage === "done" ? STAGES.length : currentIndex;
  return (
    <div className="card space-y-2" data-testid="import-progress">
      <p role="status" aria-live="polite" className="font-semibold">
        {stage === "queued" ? "Waiting for a free slot: another import is running…" : reached >= 0 && reached < STAGES.length ? `${STAGES[reached]!.label}…` : "Starting…"}
      </p>
      <ol className="space-y-1 text-sm">
        {STAGES.map((s, index) => {
          const state = index < reached ? "done" : index === reached ? "current" : "todo";
          return (
            <li key={s.id} className={`flex items-center gap-2 ${state === "todo" ? "muted" : ""}`} data-stage={s.id} data-state={state}>
              <span aria-hidden="true" className={`inline-flex size-5 items-center justify-center rounded-full border text-xs ${state === "done" ? "border-green-700 bg-green-700 text-white dark:border-green-400 dark:bg-green-400 dark:text-stone-950" : state === "current" ? "animate-pulse border-brand-700 dark:border-brand-300" : "border-stone-400 dark:border-stone-500"}`}>
                {state === "done" ? "✓" : index + 1}
              </span>
              <span className={state === "current" ? "font-semibold" : undefined}>{s.label}</span>
              <span className="sr-only">{state === "done" ? " (done)" : state === "current" ? " (in progress)" : " (to do)"}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
