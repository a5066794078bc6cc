import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/data/session";
import { getClassForTeacher } from "@/lib/data/classes";
import { getQuizItemAnalysis, type AnalyzedQuestion, type StudentRef } from "@/lib/data/item-analysis";
import { orNotFound } from "@/lib/pages";
import type { Choice, PublicQuestionData, QuestionKeyData } from "@/lib/quiz/types";
import { ClassHeader } from "../../class-nav";
import { AssignReviewButton } from "./review-button";

export const metadata: Metadata = { title: "Item analysis" };

const pct = (value: number) => `${Math.round(value * 100)}%`;

function discriminationLabel(d: number | null): string {
  if (d === null) return "not enough students yet";
  if (d < 0) return "negative: stronger students did worse; check the question and key";
  if (d < 0.2) return "weak";
  if (d < 0.4) return "fair";
  return "good";
}

/** The right answer in words, for the teacher (teachers may see keys). */
function describeKey(data: PublicQuestionData, key: QuestionKeyData): string {
  const label = (choices: Choice[], id: string) => choices.find((c) => c.id === id)?.text ?? id;
  const k = key.key;
  switch (k.type) {
    case "single":
      return data.type === "single" ? label(data.choices, k.answer) : k.answer;
    case "multiple":
      return data.type === "multiple" ? k.answer.map((id) => label(data.choices, id)).join("; ") : k.answer.join(", ");
    case "true_false":
      return k.answer ? "True" : "False";
    case "ordering":
      return data.type === "ordering" ? k.answer.map((id) => label(data.items, id)).join(" → ") : k.answer.join(" → ");
    case "matching":
      return data.type === "matching" ? Object.entries(k.answer).map(([l, r]) => `${label(data.left, l)} → ${label(data.right, r)}`).join("; ") : "";
    case "short_answer":
      return k.answer.join(" / ");
    case "numeric":
      return k.tolerance ? `${k.answer} (±${k.tolerance})` : String(k.answer);
    case "cloze":
      return Object.entries(k.answer).map(([blank, accepted]) => `${blank}: ${accepted[0] ?? ""}`).join("; ");
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface OptionRow {
  id: string;
  text: string;
  correct: boolean;
  students: StudentRef[];
}

function optionRows(question: AnalyzedQuestion): OptionRow[] {
  const { data, key, people } = question;
  const who = (id: string) => people.byOption[id] ?? [];
  if (data.type === "single" || data.type === "multiple") {
    const right = key.key.type === "single" ? [key.key.answer] : key.key.type === "multiple" ? key.key.answer : [];
    return data.choices.map((c) => ({ id: c.id, text: c.text, correct: right.includes(c.id), students: who(c.id) }));
  }
  if (data.type === "true_false" && key.key.type === "true_false") {
    const answer = key.key.answer;
    return [true, false].map((value) => ({ id: String(value), text: value ? "True" : "False", correct: answer === value, students: who(String(value)) }));
  }
  return [];
}

/** "36 % got it right; 12 students chose '5'." The headline a teacher reads first. */
function plainSummary(question: AnalyzedQuestion, options: OptionRow[]): string {
  const answered = question.stats.responses;
  if (answered === 0) return "Nobody has answered this question yet.";
  const right = question.people.right;
  const parts = [`${Math.round((right / answered) * 100)}% got it right (${right} of ${answered})`];
  const trap = options.filter((o) => !o.correct).sort((a, b) => b.students.length - a.students.length)[0];
  if (trap && trap.students.length > 0) parts.push(`${plural(trap.students.length, "student")} chose “${trap.text}”`);
  else if (question.stats.commonWrongAnswers[0]) {
    const common = question.stats.commonWrongAnswers[0];
    parts.push(`${plural(common.count, "student")} answered “${common.answer}”`);
  }
  return `${parts.join("; ")}.`;
}

function Names({ students, label }: { students: StudentRef[]; label: string }) {
  if (students.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline decoration-dotted underline-offset-2 dark:text-brand-300">
        {label}
      </summary>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 pl-4">
        {students.map((s) => (
          <li key={s.id}>{s.displayName}</li>
        ))}
      </ul>
    </details>
  );
}

function OptionShares({ question, options }: { question: AnalyzedQuestion; options: OptionRow[] }) {
  const answered = question.stats.responses;
  if (options.length === 0) {
    return question.stats.commonWrongAnswers.length ? (
      <p className="text-sm">
        Most common wrong answers: {question.stats.commonWrongAnswers.map((w) => `“${w.answer}” (${plural(w.count, "student")})`).join(", ")}
      </p>
    ) : null;
  }
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">How many students chose each option, and who</caption>
      <thead>
        <tr>
          <th scope="col" className="py-1 pr-3">
            Option
          </th>
          <th scope="col" className="w-2/5 py-1">
            Chosen by
          </th>
        </tr>
      </thead>
      <tbody>
        {options.map((o) => {
          const share = answered ? o.students.length / answered : 0;
          const trap = !o.correct && share >= 0.3;
          return (
            <tr key={o.id} className="border-t border-stone-200 align-top dark:border-stone-800" data-option={o.text}>
              <th scope="row" className="py-2 pr-3 font-normal">
                {o.correct ? <span className="font-semibold text-emerald-800 dark:text-emerald-300">✓ Right answer: </span> : null}
                {o.text}
                {trap ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">shared misconception</span> : null}
              </th>
              <td className="space-y-1 py-2">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="h-2.5 flex-1 overflow-hidden rounded bg-stone-200 dark:bg-stone-800">
                    <span className={`block h-full ${o.correct ? "bg-emerald-600 dark:bg-emerald-400" : "bg-stone-500"}`} style={{ width: pct(share) }} />
                  </span>
                  <span className="whitespace-nowrap tabular-nums">
                    {plural(o.students.length, "student")} ({pct(share)})
                  </span>
                </span>
                <Names students={o.students} label={`Who chose “${o.text.length > 40 ? `${o.text.slice(0, 40)}…` : o.text}”`} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The statistics, each with what it means in one sentence. */
function Statistics({ question }: { question: AnalyzedQuestion }) {
  const { stats } = question;
  return (
    <details className="rounded-md border border-stone-200 px-3 py-2 text-sm dark:border-stone-800">
      <summary className="cursor-pointer font-semibold">
        Statistics<span className="sr-only"> for question {question.position + 1}</span>
      </summary>
      <dl className="mt-2 grid gap-3 sm:grid-cols-3">
        <div>
          <dt className="font-semibold">Facility {stats.responses ? pct(stats.facility) : "–"}</dt>
          <dd className="muted">The share of the points the class earned on this question; partly right answers count partly.</dd>
        </div>
        <div>
          <dt className="font-semibold">
            Discrimination {stats.discrimination ?? "–"} <span className="font-normal">({discriminationLabel(stats.discrimination)})</span>
          </dt>
          <dd className="muted">How much better the strongest quarter of the class did on it than the weakest quarter (from −1 to 1; 0.2 or more is what you want).</dd>
        </div>
        <div>
          <dt className="font-semibold">Point-biserial {stats.pointBiserial ?? "–"}</dt>
          <dd className="muted">Whether students who did well on the rest of the quiz also got this one. Near 0 or below: check the question and its key.</dd>
        </div>
      </dl>
    </details>
  );
}

export default async function QuizAnalysisPage({ params }: { params: Promise<{ classId: string; quizId: string }> }) {
  const { classId, quizId } = await params;
  await requirePageUser(`/classes/${classId}/analysis/${quizId}`, ["teacher"]);
  const found = await orNotFound(getClassForTeacher(classId));
  const analysis = await orNotFound(getQuizItemAnalysis(classId, quizId));
  const ordered = [...analysis.questions].sort((a, b) => Number(b.mostMissed) - Number(a.mostMissed) || a.position - b.position);
  return (
    <div className="space-y-8">
      <ClassHeader classId={classId} name={found.name} current="analysis" archived={found.archived} />
      <div>
        <h2 className="text-xl font-semibold">{analysis.quizTitle}</h2>
        <p className="muted mt-1 text-sm">
          {plural(analysis.students, "student")} submitted. Each student&apos;s first attempt counts. The questions the class found hardest come first.
        </p>
      </div>
      {analysis.students === 0 ? <p className="muted">No submissions yet.</p> : null}
      <ol className="space-y-4">
        {ordered.map((q) => {
          const options = optionRows(q);
          const number = q.position + 1;
          return (
            <li key={q.questionId} className={`card space-y-4 ${q.mostMissed ? "border-amber-400 dark:border-amber-600" : ""}`} data-testid="analysis-question">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <h3 className="font-semibold">
                  <span className="muted">Question {number}. </span>
                  {q.data.prompt}
                </h3>
                {q.mostMissed ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">Most missed</span> : null}
              </div>
              <p className="text-base font-medium" data-testid="plain-summary">
                {plainSummary(q, options)}
              </p>
              {options.length === 0 ? (
                <p className="text-sm">
                  <span className="font-semibold">Right answer:</span> {describeKey(q.data, q.key)}
                </p>
              ) : null}
              <OptionShares question={q} options={options} />
              {q.people.missed.length ? (
                <details className="text-sm">
                  <summary className="cursor-pointer font-medium text-brand-700 underline decoration-dotted underline-offset-2 dark:text-brand-300">
                    {plural(q.people.missed.length, "student")} missed it: who, and what they answered
                  </summary>
                  <ul className="mt-2 space-y-1 pl-4">
                    {q.people.missed.map((s) => (
                      <li key={s.id}>
                        <Link href={`/classes/${classId}/students/${s.id}`}>{s.displayName}</Link>: <span className="muted">{s.answer}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {q.stats.responses > 0 && q.people.missed.length > 0 ? (
                <section aria-label={`Next step for question ${number}`} className="space-y-3 rounded-md bg-brand-50 px-4 py-3 text-sm dark:bg-stone-800">
                  <h4 className="font-semibold">Next step</h4>
                  <div>
                    <p className="font-semibold">Reteach with the evidence (paragraph {q.evidence.anchor})</p>
                    <blockquote className="mt-1 border-l-4 border-brand-600 pl-3 dark:border-brand-300">{q.evidence.text ?? "Paragraph not found."}</blockquote>
                    <Link href={`/lessons/${analysis.lessonId}#${q.evidence.anchor}`} className="mt-1 inline-block">
                      Open this paragraph in the lesson<span className="sr-only"> (question {number})</span>
                    </Link>
                  </div>
                  <AssignReviewButton classId={classId} quizId={quizId} questionId={q.questionId} students={q.people.missed.length} questionNumber={number} />
                </section>
              ) : (
                <p className="text-sm">
                  <span className="font-semibold">Evidence (paragraph {q.evidence.anchor}):</span>{" "}
                  <Link href={`/lessons/${analysis.lessonId}#${q.evidence.anchor}`}>
                    Open in the lesson<span className="sr-only"> (question {number})</span>
                  </Link>
                </p>
              )}
              <Statistics question={q} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
