import { listCatalogLessons } from "@/lib/data/lessons";

export default async function HomePage() {
  const lessons = await listCatalogLessons();
  return (
    <div className="space-y-10">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Read the news. Find the evidence.</h1>
        <p className="mt-4 text-lg muted">
          Civics Lab turns real news into reading lessons at your level and quizzes that show you the sentence that proves each answer.
        </p>
      </section>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="text-xl font-semibold">
          Lessons
        </h2>
        {lessons.length === 0 ? (
          <p className="muted mt-4">No lessons yet. Run <code>npm start</code> to load the curriculum.</p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {lessons.map((lesson) => (
              <li key={lesson.id} className="card flex flex-col">
                <p className="text-xs font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">{lesson.topicTitle}</p>
                <h3 className="mt-2 text-lg font-semibold leading-snug">{lesson.title}</h3>
                <p className="mt-2 flex-1 text-sm muted">{lesson.summary}</p>
                <p className="mt-4 text-xs muted">
                  {lesson.readingMinutes} min read · {lesson.levels.length > 1 ? `${lesson.levels.length} reading levels` : "1 reading level"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
