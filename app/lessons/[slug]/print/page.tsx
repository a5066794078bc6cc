import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintToolbar } from "@/app/ui/print/print-toolbar";
import type { Inline } from "@/lib/content/markdown";
import { slugSchema } from "@/lib/content/schema";
import { getLessonForReading } from "@/lib/data/lessons";
import { pageRule, parsePaper } from "@/lib/interop/paper";
import { formatContentDate } from "@/lib/reading/format";
import { parseLevelParam } from "@/lib/reading/levels";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadLesson({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  const lesson = await getLessonForReading(slug, parseLevelParam((await searchParams).level));
  if (!lesson) notFound();
  return lesson;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const lesson = await loadLesson(props);
  return { title: `${lesson.title} (print)` };
}

/** Lesson text as plain elements: glossary terms in bold (defined at the end), links with their address. */
function InlineText({ nodes }: { nodes: Inline[] }) {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case "text":
        return <span key={i}>{node.text}</span>;
      case "strong":
        return (
          <strong key={i}>
            <InlineText nodes={node.children} />
          </strong>
        );
      case "em":
        return (
          <em key={i}>
            <InlineText nodes={node.children} />
          </em>
        );
      case "link":
        return (
          <span key={i}>
            <InlineText nodes={node.children} />
          </span>
        );
      case "term":
        return (
          <strong key={i} className="font-semibold">
            {node.text}
          </strong>
        );
    }
  });
}

/** A lesson laid out for paper at the chosen reading level, with its glossary. Same visibility as the reader. */
export default async function LessonPrintPage(props: Props) {
  const lesson = await loadLesson(props);
  const sp = await props.searchParams;
  const paper = parsePaper(sp.paper);
  const base = `/lessons/${encodeURIComponent(lesson.id)}`;
  const levelQuery = `level=${lesson.level}`;
  const current = lesson.levels.find((option) => option.level === lesson.level);
  const glossary = Object.values(lesson.glossary).sort((a, b) => a.term.localeCompare(b.term));
  const paragraphNumbers = new Map(lesson.body.sections.flatMap((section) => section.paragraphs).map((paragraph, index) => [paragraph.anchor, index + 1]));
  return (
    <div>
      <style>{pageRule(paper)}</style>
      <PrintToolbar basePath={`${base}/print`} paper={paper} backHref={`${base}?${levelQuery}`} backLabel="Back to the lesson" query={levelQuery} />
      <article className="paper-sheet paper-article" data-paper-sheet>
        <p className="text-sm">
          {lesson.topicTitle} · {current?.label ?? `Level ${lesson.level}`}
          {current?.grades ? ` (grades ${current.grades})` : ""} · as of {formatContentDate(lesson.asOf)}
        </p>
        <h1 className="mt-1">{lesson.title}</h1>
        <p className="mt-2 italic">{lesson.summary}</p>
        {lesson.objectives.length ? (
          <>
            <h2>You will be able to</h2>
            <ul className="mt-2 list-disc pl-6">
              {lesson.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </>
        ) : null}
        {lesson.body.sections.map((section) => (
          <section key={section.id}>
            <h2>{section.heading}</h2>
            {section.paragraphs.map((paragraph) => {
              const paragraphNumber = paragraphNumbers.get(paragraph.anchor);
              return (
                <p key={paragraph.anchor}>
                  <span className="mr-1 text-xs font-semibold text-stone-500" aria-label={`Paragraph ${paragraphNumber}`}>
                    ¶{paragraphNumber}
                  </span>
                  <InlineText nodes={paragraph.inline} />
                </p>
              );
            })}
          </section>
        ))}
        {glossary.length ? (
          <section>
            <h2>Glossary</h2>
            <dl className="paper-glossary">
              {glossary.map((term) => (
                <div key={term.id} className="break-inside-avoid">
                  <dt>{term.term}</dt>
                  <dd>{term.definition}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
        {lesson.sources.length ? (
          <section>
            <h2>Sources</h2>
            <ul className="mt-2 list-disc pl-6 text-sm">
              {lesson.sources.map((source) => (
                <li key={`${source.title}-${source.publisher}`}>
                  {source.title}, {source.publisher}
                  {source.date ? `, ${formatContentDate(String(source.date))}` : ""}
                  {source.url ? <span className="block break-all">{source.url}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </div>
  );
}
