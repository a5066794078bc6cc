"use client";

/**
 * The review workspace: the article on one side, the lesson draft and the
 * questions on the other. Teachers filter questions by skill, swap a question
 * for a kept-out candidate of the same skill, edit, save and publish; a
 * published draft can be corrected and republished as a new version. Leaving
 * with unsaved edits asks first (browser close/reload and in-app links).
 */
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { FormMessage, SubmitButton } from "@/app/ui/form";
import { idleState } from "@/lib/action-state";
import type { ActionState } from "@/lib/actions";
import type { ArticleDraft, DraftQuestion } from "@/lib/import/types";
import { publishImportAction, saveImportAction } from "../actions";
import { DeleteDraft } from "./delete-draft";
import { LessonDraftPanel } from "./lesson-draft-panel";
import { QuestionCard, TYPE_LABEL, mainSkill, type Kind, type SentenceRef } from "./question-editor";

type Editable = DraftQuestion & { uid: number };

/** Candidates the pipeline kept out, grouped by main skill in the draft (older drafts have none). */
type DraftWithAlternates = ArticleDraft | (Omit<ArticleDraft, "alternates"> & { alternates?: DraftQuestion[] });

function alternatePool(alternates: DraftWithAlternates["alternates"]): DraftQuestion[] {
  if (!alternates) return [];
  return Array.isArray(alternates) ? alternates : Object.values(alternates).flatMap((group) => group ?? []);
}

export interface PublicationInfo {
  version: number;
  publishedAt: string;
  unpublishedChanges: boolean;
}

const NEW_TYPES: Kind[] = ["single", "true_false", "short_answer", "multiple", "numeric"];
const UNSAVED_WARNING = "You have unsaved changes to this draft. Leave without saving them?";

export function ReviewWorkspace({
  draftId,
  initialTitle,
  draft,
  publishedLessonId,
  publication,
  skillLabels,
}: {
  draftId: string;
  initialTitle: string;
  draft: DraftWithAlternates;
  publishedLessonId: string | null;
  publication: PublicationInfo | null;
  skillLabels: Record<string, string>;
}) {
  const nextUid = useRef(draft.questions.length);
  const [title, setTitle] = useState(initialTitle);
  const [questions, setQuestions] = useState<Editable[]>(() => draft.questions.map((q, i) => ({ ...q, uid: i })));
  const [pool, setPool] = useState<DraftQuestion[]>(() => alternatePool(draft.alternates));
  const [skillFilter, setSkillFilter] = useState<string>("all");
  const [active, setActive] = useState<number | null>(null);
  const [newType, setNewType] = useState<Kind>("single");
  const [announcement, setAnnouncement] = useState("");
  const [saveState, saveAction] = useActionState(saveImportAction, idleState);
  const [publishState, publishAction] = useActionState(publishImportAction, idleState as ActionState<{ lessonId: string; quizId: string; version: number }>);
  const sentenceRefs = useRef(new Map<string, HTMLSpanElement>());

  const payload = JSON.stringify(questions.map(({ uid: _uid, ...q }) => q));
  const current = `${title}\n${payload}`;
  const [saved, setSaved] = useState(current);
  const submitted = useRef(current);
  const dirty = current !== saved;
  // A save or publish that succeeded makes what was submitted the saved state.
  useEffect(() => {
    if (saveState.status === "ok" || publishState.status === "ok") setSaved(submitted.current);
  }, [saveState, publishState]);

  useUnsavedChangesWarning(dirty);

  const published = publishState.status === "ok" ? publishState.data : undefined;
  const lessonId = published?.lessonId ?? publishedLessonId;
  const version = published?.version ?? publication?.version ?? null;

  const sentences: SentenceRef[] = useMemo(
    () => draft.paragraphSentences.flatMap((list, paragraph) => list.map((text) => ({ anchor: `p${paragraph + 1}`, paragraph, text }))),
    [draft.paragraphSentences],
  );
  const activeQuestion = questions.find((q) => q.uid === active);
  const activeKey = activeQuestion ? sentenceKey(activeQuestion.evidenceAnchor, activeQuestion.evidence) : null;

  const skillCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const q of questions) counts.set(mainSkill(q), (counts.get(mainSkill(q)) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [questions]);
  const visible = questions.map((q, index) => ({ q, index })).filter(({ q }) => skillFilter === "all" || mainSkill(q) === skillFilter);

  // "Question 3: answer: …" from the server belongs next to question 3.
  const errorMessage = [saveState, publishState].find((s) => s.status === "error")?.message;
  const errorMatch = errorMessage ? /^Question (\d+): (.*)$/s.exec(errorMessage) : null;
  const errorIndex = errorMatch ? Number(errorMatch[1]) - 1 : -1;

  function update(uid: number, next: DraftQuestion) {
    setQuestions((list) => list.map((q) => (q.uid === uid ? { ...next, uid } : q)));
  }

  function remove(uid: number, index: number) {
    setQuestions((list) => list.filter((q) => q.uid !== uid));
    setAnnouncement(`Question ${index + 1} deleted.`);
    if (active === uid) setActive(null);
  }

  function replace(target: Editable, index: number, replacement: DraftQuestion) {
    const uid = nextUid.current++;
    const { uid: _uid, ...replaced } = target;
    // The replaced question goes back among the candidates, so the swap can be undone the same way.
    setPool((list) => [...list.filter((c) => c !== replacement), replaced]);
    setQuestions((list) => list.map((q) => (q.uid === target.uid ? { ...replacement, uid } : q)));
    setActive(uid);
    setAnnouncement(`Question ${index + 1} replaced.`);
  }

  function add() {
    const evidence = (activeQuestion ? sentences.find((s) => sentenceKey(s.anchor, s.text) === activeKey) : undefined) ?? sentences[0]!;
    const uid = nextUid.current++;
    setQuestions((list) => [...list, { ...blankQuestion(newType, evidence), uid }]);
    setActive(uid);
    setSkillFilter("all");
    setAnnouncement(`${TYPE_LABEL[newType]} question added at the end.`);
  }

  function focusEvidence(question: Editable) {
    setActive(question.uid);
    sentenceRefs.current.get(sentenceKey(question.evidenceAnchor, question.evidence))?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  const replacementsFor = (question: Editable) => {
    const used = new Set(questions.map((q) => `${q.evidenceAnchor}|${q.type === "cloze" ? q.text : q.prompt}`));
    return pool.filter((c) => mainSkill(c) === mainSkill(question) && !used.has(`${c.evidenceAnchor}|${c.type === "cloze" ? c.text : c.prompt}`)).slice(0, 4);
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="article-heading" className="card lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <h2 id="article-heading" className="text-lg font-semibold">
          The article
        </h2>
        <p className="muted mt-1 text-sm">Hover over or move into a question to highlight the sentence that answers it.</p>
        <div className="mt-4 space-y-4 font-serif text-[1.05rem] leading-relaxed">
          {draft.paragraphSentences.map((list, p) => (
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

      <div className="space-y-6">
        {lessonId ? (
          <div role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
            <p className="font-semibold">
              Published as a private lesson and quiz{version ? ` (version ${version})` : ""}.
            </p>
            <p className="mt-1">
              Only you and the classes you assign it to can see it: <Link href={`/lessons/${lessonId}`}>open the lesson</Link>. You can still correct it here; publishing your changes
              makes a new version, and students&apos; past results keep the version they answered.
            </p>
            {publication?.unpublishedChanges && !published ? <p className="mt-1 font-semibold">Saved changes are waiting to be published.</p> : null}
          </div>
        ) : null}

        <LessonDraftPanel draft={draft} />

        <div className="space-y-4">
          <div className="card">
            <label htmlFor="lesson-title" className="field-label">
              Lesson title
            </label>
            <input id="lesson-title" className="field-input" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </div>

          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 className="text-lg font-semibold">Questions ({questions.length})</h2>
            <div>
              <label htmlFor="skill-filter" className="field-label">
                Show skill
              </label>
              <select id="skill-filter" className="field-input mt-0 text-sm" value={skillFilter} onChange={(e) => setSkillFilter(e.target.value)}>
                <option value="all">All skills ({questions.length})</option>
                {skillCounts.map(([skill, count]) => (
                  <option key={skill} value={skill}>
                    {skillLabels[skill] ?? skill} ({count})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p aria-live="polite" className="sr-only">
            {announcement}
          </p>
          {questions.length === 0 ? <p className="muted">No questions. Add one below.</p> : null}
          <ol className="space-y-4">
            {visible.map(({ q: question, index }) => (
              <QuestionCard
                key={question.uid}
                question={question}
                index={index}
                sentences={sentences}
                skillLabels={skillLabels}
                error={index === errorIndex ? errorMatch?.[2] : undefined}
                replacements={replacementsFor(question)}
                active={question.uid === active}
                onChange={(next) => update(question.uid, next)}
                onRemove={() => remove(question.uid, index)}
                onReplace={(replacement) => replace(question, index, replacement)}
                onActivate={() => setActive(question.uid)}
                onFocusEvidence={() => focusEvidence(question)}
              />
            ))}
          </ol>

          <div className="card flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="new-type" className="field-label">
                New question type
              </label>
              <select id="new-type" className="field-input" value={newType} onChange={(e) => setNewType(e.target.value as Kind)}>
                {NEW_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABEL[t]}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="btn-secondary" onClick={add}>
              Add question
            </button>
          </div>
        </div>

        <div className="card space-y-3" data-no-print>
          {errorIndex >= 0 ? (
            <p role="alert" className="text-sm font-semibold text-red-800 dark:text-red-300">
              Question {errorIndex + 1} needs fixing before this can be saved; see the message on that question.
            </p>
          ) : (
            <>
              <FormMessage state={publishState.status === "ok" ? idleState : publishState} />
              <FormMessage state={saveState} />
            </>
          )}
          <p className={`text-sm ${dirty ? "font-semibold text-amber-800 dark:text-amber-300" : "muted"}`} data-testid="save-status">
            {dirty ? "Unsaved changes" : "All changes saved"}
          </p>
          <div className="flex flex-wrap gap-3">
            <form action={saveAction} onSubmit={() => (submitted.current = current)}>
              <input type="hidden" name="draftId" value={draftId} />
              <input type="hidden" name="title" value={title} />
              <input type="hidden" name="questions" value={payload} />
              <SubmitButton className="btn-secondary" pendingLabel="Saving…">
                Save draft
              </SubmitButton>
            </form>
            <form action={publishAction} onSubmit={() => (submitted.current = current)}>
              <input type="hidden" name="draftId" value={draftId} />
              <input type="hidden" name="title" value={title} />
              <input type="hidden" name="questions" value={payload} />
              <SubmitButton pendingLabel="Publishing…">{lessonId ? "Publish changes" : "Publish lesson and quiz"}</SubmitButton>
            </form>
            <a href={`/import/${draftId}/download`} className="btn-secondary" download>
              Download content files (.zip)
            </a>
          </div>
          <p className="muted text-sm">Publishing saves your edits first. The download holds lesson.yaml, the reading text and the quiz in the content/ format of the saved draft.</p>
          {!lessonId ? <DeleteDraft draftId={draftId} /> : null}
        </div>
      </div>
    </div>
  );
}

/** Warns before the page is closed or reloaded, or an in-app link is followed, while there are unsaved edits. */
function useUnsavedChangesWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.hash)) return;
      if (!window.confirm(UNSAVED_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty]);
}

function sentenceKey(anchor: string, text: string): string {
  return `${anchor}|${text}`;
}

function blankQuestion(type: Kind, evidence: SentenceRef): DraftQuestion {
  const base = {
    id: "new",
    prompt: "",
    explanation: `The article says: “${evidence.text.replace(/["“”]/g, "'")}”`,
    skills: ["recall" as const],
    difficulty: 2 as const,
    evidence: evidence.text,
    evidenceAnchor: evidence.anchor,
    generator: "teacher" as const,
    score: 0,
  };
  switch (type) {
    case "single":
      return { ...base, type, choices: [{ id: "a", text: "" }, { id: "b", text: "" }, { id: "c", text: "" }], answer: "a" };
    case "multiple":
      return { ...base, type, choices: [{ id: "a", text: "" }, { id: "b", text: "" }, { id: "c", text: "" }], answer: ["a"] };
    case "true_false":
      return { ...base, type, answer: true };
    case "numeric":
      return { ...base, type, answer: 0, tolerance: 0 };
    default:
      return { ...base, type: "short_answer", answer: [""] };
  }
}

