"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { paragraphInView } from "./dom";

const noSubscription = () => () => undefined;
/** If speech hasn't started this long after speak(), the browser has no usable voice (it then stays silent forever). */
export const VOICE_START_TIMEOUT_MS = 3000;
export const NO_VOICE_MESSAGE = "Read aloud needs a voice, and this browser has none installed. Your device's own screen reader or read-aloud can read this page instead.";
const speechSupported = () => "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";

/** The words of a paragraph as read aloud: no glossary popovers, no paragraph numbers. */
function spokenText(paragraph: HTMLElement): string {
  const copy = paragraph.cloneNode(true) as HTMLElement;
  copy.querySelectorAll("[data-no-speak]").forEach((element) => element.remove());
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Reads the lesson aloud with the browser's own speech synthesis (nothing
 * leaves the device), one paragraph at a time, highlighting the paragraph
 * being read. Starts at the paragraph in view. Hidden where unsupported.
 */
export function ReadAloud() {
  const supported = useSyncExternalStore(noSubscription, speechSupported, () => false);
  const [status, setStatus] = useState<"stopped" | "playing" | "paused">("stopped");
  const [current, setCurrent] = useState<{ index: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const watchdog = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<HTMLElement[]>([]);
  const run = useRef(0);

  const clearHighlight = () => document.querySelectorAll("[data-speaking]").forEach((element) => element.removeAttribute("data-speaking"));

  const speakFrom = (index: number, runId: number) => {
    const paragraph = queue.current[index];
    clearHighlight();
    if (!paragraph || runId !== run.current) {
      if (runId === run.current) {
        setStatus("stopped");
        setCurrent(null);
      }
      return;
    }
    paragraph.setAttribute("data-speaking", "");
    paragraph.scrollIntoView({ block: "nearest" });
    setCurrent({ index: index + 1, total: queue.current.length });
    const utterance = new SpeechSynthesisUtterance(spokenText(paragraph));
    utterance.lang = document.documentElement.lang || "en";
    let started = false;
    utterance.onstart = () => {
      started = true;
      if (watchdog.current) clearTimeout(watchdog.current);
      watchdog.current = null;
    };
    // Without a voice, Chrome neither speaks nor fires any event: give up instead of showing "Paragraph 1 of 19" forever.
    if (watchdog.current) clearTimeout(watchdog.current);
    watchdog.current = setTimeout(() => {
      if (runId !== run.current || started) return;
      run.current += 1;
      window.speechSynthesis.cancel();
      clearHighlight();
      setStatus("stopped");
      setCurrent(null);
      setProblem(NO_VOICE_MESSAGE);
    }, VOICE_START_TIMEOUT_MS);
    utterance.onend = () => {
      if (runId === run.current) speakFrom(index + 1, runId);
    };
    utterance.onerror = (event) => {
      // "interrupted"/"canceled" come from our own stop; anything else ends playback.
      if (runId === run.current && event.error !== "interrupted" && event.error !== "canceled") {
        setStatus("stopped");
        clearHighlight();
      }
    };
    window.speechSynthesis.speak(utterance);
  };

  const play = () => {
    if (status === "paused") {
      window.speechSynthesis.resume();
      setStatus("playing");
      return;
    }
    window.speechSynthesis.cancel();
    setProblem(null);
    queue.current = [...document.querySelectorAll<HTMLElement>("[data-paragraph]")];
    const start = Math.max(0, queue.current.indexOf(paragraphInView() ?? queue.current[0]!));
    run.current += 1;
    setStatus("playing");
    speakFrom(start, run.current);
  };

  const pause = () => {
    window.speechSynthesis.pause();
    setStatus("paused");
  };

  const stop = () => {
    run.current += 1;
    if (watchdog.current) clearTimeout(watchdog.current);
    window.speechSynthesis.cancel();
    clearHighlight();
    setStatus("stopped");
    setCurrent(null);
  };

  // Leaving the page must not leave the browser talking.
  useEffect(
    () => () => {
      run.current += 1;
      if (watchdog.current) clearTimeout(watchdog.current);
      if (speechSupported()) window.speechSynthesis.cancel();
    },
    [],
  );

  if (!supported) return null;
  return (
    <div role="group" aria-label="Read aloud" className="flex flex-wrap items-center gap-2">
      {status === "playing" ? (
        <button type="button" className="btn-secondary" onClick={pause}>
          <span aria-hidden="true">❚❚</span> Pause
        </button>
      ) : (
        <button type="button" className="btn-secondary" onClick={play}>
          <span aria-hidden="true">▶</span> {status === "paused" ? "Resume" : "Read aloud"}
        </button>
      )}
      {status !== "stopped" ? (
        <button type="button" className="btn-secondary" onClick={stop}>
          <span aria-hidden="true">■</span> Stop
        </button>
      ) : null}
      <span role="status" className="text-sm muted">
        {problem ?? (current ? `Paragraph ${current.index} of ${current.total}${status === "paused" ? " (paused)" : ""}` : "")}
      </span>
    </div>
  );
}
