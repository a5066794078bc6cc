/** The lesson side of the draft: key facts, vocabulary, timeline and people, as the pipeline found them. */
import type { ArticleDraft } from "@/lib/import/types";

export function LessonDraftPanel({ draft }: { draft: Omit<ArticleDraft, "alternates"> }) {
  const { lesson } = draft;
  return (
    <section aria-labelledby="lesson-heading" className="card space-y-3">
      <h2 id="lesson-heading" className="text-lg font-semibold">
        Lesson draft
      </h2>
      <details open>
        <summary className="cursor-pointer font-medium">Key facts ({lesson.keyFacts.length})</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {lesson.keyFacts.map((fact) => (
            <li key={fact.text}>
              {fact.text} <span className="muted">({fact.anchor})</span>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">Vocabulary ({lesson.vocabulary.length})</summary>
        <dl className="mt-2 space-y-2 text-sm">
          {lesson.vocabulary.map((v) => (
            <div key={v.term}>
              <dt className="font-semibold">
                {v.term} {v.glossaryId ? <span className="muted font-normal">(glossary)</span> : <span className="muted font-normal">(from the article)</span>}
              </dt>
              <dd className="muted">{v.definition ?? `Used in ${v.anchor}: “${v.sentence}”`}</dd>
            </div>
          ))}
        </dl>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">Timeline ({lesson.timeline.length})</summary>
        <ol className="mt-2 space-y-1 text-sm">
          {lesson.timeline.map((event) => (
            <li key={`${event.date}-${event.anchor}`}>
              <span className="font-semibold tabular-nums">{event.date}</span> · {event.text}
            </li>
          ))}
        </ol>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">People and groups ({lesson.actors.length})</summary>
        <ul className="mt-2 space-y-2 text-sm">
          {lesson.actors.map((actor) => (
            <li key={actor.name}>
              <span className="font-semibold">{actor.name}</span> <span className="muted">({actor.kind}, mentioned {actor.mentions}×)</span>
              {actor.quotes.map((q) => (
                <blockquote key={q.text} className="muted mt-1 border-l-2 border-stone-300 pl-3 dark:border-stone-600">
                  “{q.text}”
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

