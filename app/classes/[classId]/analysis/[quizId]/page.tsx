import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { getClassForTeacher } from "@/lib/data/classes";
import { getQuizItemAnalysis, type AnalyzedQuestion } from "@/lib/data/item-analysis";
import { orNotFound } from "@/lib/pages";
import type { Choice, PublicQuestionData, QuestionKeyData } from "@/lib/quiz/types";
import { ClassHeader } from "../../class-nav";

export const metadata: Metadata = { title: "Item analysis" };

const pct = (value: number) => `${Math.round(value * 100)}%`;

function discriminationLabel(d: number | null): string {
  if (d === null) return "not enough students yet";
  if (d < 0) return "negative: stronger students did worse — check the question and key";
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

function OptionShares({ question }: { question: AnalyzedQuestion }) {
  const { data, key, stats } = question;
  const options: { id: string; text: string; correct: boolean }[] =
    data.type === "single" || data.type === "multiple"
      ? data.choices.map((c) => ({ id: c.id, text: c.text, correct: key.key.type === "single" ? key.key.answer === c.id : key.key.type === "multiple" ? key.key.answer.includes(c.id) : false }))
      : data.type === "true_false"
        ? [
            { id: "true", text: "True", correct: key.key.type === "true_false" && key.key.answer },
            { id: "false", text: "False", correct: key.key.type === "true_false" && !key.key.answer },
          ]
        : [];
  if (options.length === 0) {
    return stats.commonWrongAnswers.length ? (
      <p className="text-sm">
        Common wrong answers: {stats.commonWrongAnswers.map((w) => `"${w.answer}" (${w.count})`).join(", ")}
      </p>
    ) : null;
  }
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Share of the class choosing each option</caption>
      <thead>
        <tr>
          <th scope="col" className="py-1 pr-3">
            Option
          </th>
          <th scope="col" className="w-1/3 py-1">
            Chosen by
          </th>
        </tr>
      </thead>
      <tbody>
        {options.map((o) => {
          const share = stats.optionShares[o.id] ?? 0;
          const trap = !o.correct && share >= 0.3;
          return (
            <tr key={o.id} className="border-t border-stone-200 dark:border-stone-800">
              <th scope="row" className="py-1 pr-3 font-normal">
                {o.correct ? <span className="font-semibold text-emerald-800 dark:text-emerald-300">✓ </span> : null}
                {o.text}
                {o.correct ? <span className="sr-only"> (correct)</span> : null}
                {trap ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">common misconception</span> : null}
              </th>
              <td className="py-1">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="h-2.5 flex-1 overflow-hidden rounded bg-stone-200 dark:bg-stone-800">
                    <span className={`block h-full ${o.correct ? "bg-emerald-600 dark:bg-emerald-400" : "bg-stone-500"}`} style={{ width: pct(share) }} />
                  </span>
                  <span className="w-10 text-right tabular-nums">{pct(share)}</span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
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
          {analysis.students} student{analysis.students === 1 ? "" : "s"} submitted. Facility is the share of the class that got a question right; discrimination compares the top and bottom 27% of the class.
        </p>
      </div>
      {analysis.students === 0 ? <p className="muted">No submissions yet.</p> : null}
      <ol className="space-y-4">
        {ordered.map((q) => (
          <li key={q.questionId} className={`card space-y-3 ${q.mostMissed ? "border-amber-400 dark:border-amber-600" : ""}`}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <h3 className="font-semibold">
                <span className="muted">Q{q.position + 1}. </span>
                {q.data.prompt}
              </h3>
              {q.mostMissed ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">Most missed</span> : null}
            </div>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                <dt className="muted">Facility</dt>
                <dd className="text-lg font-semibold tabular-nums">{q.stats.responses ? pct(q.stats.facility) : "–"}</dd>
              </div>
              <div>
                <dt className="muted">Discrimination</dt>
                <dd className="tabular-nums">
                  <span className="text-lg font-semibold">{q.stats.discrimination ?? "–"}</span> <span className="block text-xs muted">{discriminationLabel(q.stats.discrimination)}</span>
                </dd>
              </div>
              <div>
                <dt className="muted">Point-biserial</dt>
                <dd className="text-lg font-semibold tabular-nums">{q.stats.pointBiserial ?? "–"}</dd>
              </div>
              <div>
                <dt className="muted">Answers</dt>
                <dd className="text-lg font-semibold tabular-nums">{q.stats.responses}</dd>
              </div>
            </dl>
            <p className="text-sm">
              <span className="font-semibold">Right answer:</span> {describeKey(q.data, q.key)}
            </p>
            <OptionShares question={q} />
            <blockquote className="border-l-4 border-brand-600 pl-3 text-sm dark:border-brand-300">
              <p className="font-semibold">Evidence (paragraph {q.evidence.anchor})</p>
              <p className="muted mt-1">{q.evidence.text ?? "Paragraph not found."}</p>
              <Link href={`/lessons/${analysis.lessonId}#${q.evidence.anchor}`} className="text-sm">
                Open in the lesson
              </Link>
            </blockquote>
          </li>
        ))}
      </ol>
    </div>
  );
}
