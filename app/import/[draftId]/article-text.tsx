"use client";

/** The article as the review screen shows it: numbered paragraphs, with the sentence the active question cites highlighted. */
import type { RefObject } from "react";
import { sentenceKey } from "./article-sentences";

export function ArticleText({
  paragraphSentences,
  activeKey,
  sentenceRefs,
}: {
  paragraphSentences: string[][];
  /** The sentenceKey of the active question's evidence, if any. */
  activeKey: string | null;
  /** Filled with each sentence's element, so the workspace can scroll a question's evidence into view. */
  sentenceRefs: RefObject<Map<string, HTMLSpanElement>>;
}) {
  return (
    <section aria-labelledby="article-heading" className="card lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
      <h2 id="article-heading" className="text-lg font-semibold">
        The article
      </h2>
      <p className="muted mt-1 text-sm">Hover over or move into a question to highlight the sentence that answers it.</p>
      <div className="mt-4 space-y-4 font-serif text-[1.05rem] leading-relaxed">
        {paragraphSentences.map((list, p) => (
          <p key={p} id={`article-p${p + 1}`} className="relative pl-9">
            <span aria-hidden="true" className="absolute left-0 top-1 font-sans text-xs font-semibold text-stone-500 dark:text-stone-400">
              p{p + 1}
            </span>
            {list.map((text, s) => {
              const key = sentenceKey(`p${p + 1}`, text);
              const highlighted = key === activeKey;
              return (
                <span key={s}>
                  <span
                    ref={(el) => {
                      if (el) sentenceRefs.current.set(key, el);
                    }}
                    data-evidence={highlighted ? "active" : undefined}
                    className={highlighted ? "rounded bg-amber-200 text-stone-950 ring-2 ring-amber-400 dark:bg-amber-300 dark:ring-amber-200" : undefined}
                  >
                    {highlighted ? <span className="sr-only">Evidence: </span> : null}
                    {text}
                  </span>{" "}
                </span>
              );
            })}
          </p>
        ))}
      </div>
    </section>
  );
}
