"use client";

/**
 * The review workspace: the article on one side, the lesson draft and the
 * questions on the other. Teachers filter questions by skill, swap a question
 * for a kept-out candidate of the same skill, edit, save and publish; a
 * published draft can be corrected and republished as a new version. Leaving
 * with unsaved edits asks first (browser close/reload and in-app links).
 * This file holds the state; the parts it lays out each have a file of their own.
 */
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { idleState } from "@/lib/action-state";
import type { ActionState } from "@/lib/actions";
import type { DraftQuestion } from "@/lib/import/types";
import { publishImportAction, saveImportAction } from "../actions";
import { AddQuestion } from "./add-question";
import { alternatePool, replacementsFor, type DraftWithAlternates } from "./alternates";
import { articleSentences, sentenceKey } from "./article-sentences";
import { ArticleText } from "./article-text";
import { blankQuestion } from "./blank-question";
import { LessonDraftPanel } from "./lesson-draft-panel";
import { PublishedNotice } from "./published-notice";
import { QuestionCard } from "./question-card";
import { questionErrorOf } from "./question-error";
import { TYPE_LABEL, mainSkill, type Kind } from "./question-labels";
import { SaveAndPublish } from "./save-and-publish";
import { useUnsavedChangesWarning } from "./use-unsaved-changes-warning";

type Editable = DraftQuestion & { uid: number };

export interface PublicationInfo {
  version: number;
  publishedAt: string;
  unpublishedChanges: boolean;
}

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

  const sentences = useMemo(() => articleSentences(draft.paragraphSentences), [draft.paragraphSentences]);
  const activeQuestion = questions.find((q) => q.uid === active);
  const activeKey = activeQuestion ? sentenceKey(activeQuestion.evidenceAnchor, activeQuestion.evidence) : null;

  const skillCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const q of questions) counts.set(mainSkill(q), (counts.get(mainSkill(q)) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [questions]);
  const visible = questions.map((q, index) => ({ q, index })).filter(({ q }) => skillFilter === "all" || mainSkill(q) === skillFilter);

  // A refused question is named by its field (questions.<index>); its message goes next to it.
  const questionError = questionErrorOf(saveState, publishState);
  const errorIndex = questionError?.index ?? -1;

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

  function add(type: Kind) {
    const evidence = (activeQuestion ? sentences.find((s) => sentenceKey(s.anchor, s.text) === activeKey) : undefined) ?? sentences[0]!;
    const uid = nextUid.current++;
    setQuestions((list) => [...list, { ...blankQuestion(type, evidence), uid }]);
    setActive(uid);
    setSkillFilter("all");
    setAnnouncement(`${TYPE_LABEL[type]} question added at the end.`);
  }

  function focusEvidence(question: Editable) {
    setActive(question.uid);
    sentenceRefs.current.get(sentenceKey(question.evidenceAnchor, question.evidence))?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ArticleText paragraphSentences={draft.paragraphSentences} activeKey={activeKey} sentenceRefs={sentenceRefs} />

      <div className="space-y-6">
        {lessonId ? <PublishedNotice lessonId={lessonId} version={version} changesWaiting={Boolean(publication?.unpublishedChanges && !published)} /> : null}

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
                error={index === errorIndex ? questionError?.message : undefined}
                replacements={replacementsFor(question, questions, pool)}
                active={question.uid === active}
                onChange={(next) => update(question.uid, next)}
                onRemove={() => remove(question.uid, index)}
                onReplace={(replacement) => replace(question, index, replacement)}
                onActivate={() => setActive(question.uid)}
                onFocusEvidence={() => focusEvidence(question)}
              />
            ))}
          </ol>

          <AddQuestion onAdd={add} />
        </div>

        <SaveAndPublish
          draftId={draftId}
          title={title}
          questionsJson={payload}
          dirty={dirty}
          published={Boolean(lessonId)}
          errorQuestion={errorIndex}
          saveState={saveState}
          saveAction={saveAction}
          publishState={publishState}
          publishAction={publishAction}
          onSubmit={() => (submitted.current = current)}
        />
      </div>
    </div>
  );
}
