/**
 * Cross-reference checks over loaded content: ids unique, every reference
 * resolves, answers match their choices, leveled texts line up, reading
 * grades fall in their bands.
 */
import { paragraphAnchors, termIdsIn } from "./markdown";
import type { ContentProblem, LoadedContent } from "./load";
import { GUIDE_MINUTES, GUIDE_PHASES, LEVEL_INFO, answerParts, evidenceAnchors, isSpanningType, type ContentQuestion, type SpanningType, type TeacherGuide } from "./schema";

export function checkContent(content: LoadedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });

  const unique = <T extends { id: string }>(items: T[], file: (item: T) => string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) add(file(item), `[${index} ${item.id}].id`, `duplicate ${what} id "${item.id}"`);
      seen.add(item.id);
    });
    return seen;
  };

  const topicIds = unique(content.topics, () => "content/topics.yaml", "topic");
  const termIds = unique(content.glossary, () => "content/glossary.yaml", "glossary");
  const eventIds = unique(content.timeline, () => "content/timeline.yaml", "timeline");
  const actorIds = unique(content.actors, () => "content/actors.yaml", "actor");
  const quizIds = unique(content.quizzes, (q) => q.file, "quiz");
  const lessonIds = unique(
    content.lessons.map((l) => ({ id: l.meta.slug, file: l.file })),
    (l) => l.file,
    "lesson",
  );

  const checkTopics = (file: string, prefix: string, list: string[]) =>
    list.forEach((t, i) => {
      if (!topicIds.has(t)) add(file, `${prefix}.topics[${i}]`, `unknown topic "${t}"`);
    });
  content.glossary.forEach((term, i) => checkTopics("content/glossary.yaml", `terms[${i} ${term.id}]`, term.topics));
  content.timeline.forEach((event, i) => checkTopics("content/timeline.yaml", `events[${i} ${event.id}]`, event.topics));
  content.actors.forEach((actor, i) => checkTopics("content/actors.yaml", `actors[${i} ${actor.id}]`, actor.topics));

  const anchorsByLesson = new Map<string, Set<string>>();

  for (const lesson of content.lessons) {
    const { meta, file } = lesson;
    if (!topicIds.has(meta.topic)) add(file, "topic", `unknown topic "${meta.topic}"`);
    meta.vocabulary.forEach((t, i) => {
      if (!termIds.has(t)) add(file, `vocabulary[${i}]`, `unknown glossary term "${t}"`);
    });
    meta.timeline.forEach((t, i) => {
      if (!eventIds.has(t)) add(file, `timeline[${i}]`, `unknown timeline event "${t}"`);
    });
    meta.actors.forEach((t, i) => {
      if (!actorIds.has(t)) add(file, `actors[${i}]`, `unknown actor "${t}"`);
    });
    if (meta.quiz && !quizIds.has(meta.quiz)) add(file, "quiz", `unknown quiz "${meta.quiz}"`);

    if (lesson.levels.length === 0) {
      add(file, "(levels)", "the lesson has no level-N.md reading file");
      continue;
    }
    const reference = lesson.levels[0]!;
    const referenceSections = reference.body.sections.map((s) => s.id);
    const referenceAnchors = paragraphAnchors(reference.body);
    for (const level of lesson.levels) {
      const band = LEVEL_INFO[level.level];
      if (!meta.original && (level.stats.fkGrade < band.fkMin || level.stats.fkGrade > band.fkMax)) {
        add(level.file, "(reading grade)", `estimated Flesch-Kincaid grade ${level.stats.fkGrade} is outside ${band.fkMin}–${band.fkMax} for level ${level.level} (${band.grades})`);
      }
      const anchors = paragraphAnchors(level.body);
      const seen = new Set<string>();
      for (const anchor of anchors) {
        if (seen.has(anchor)) add(level.file, `{#${anchor}}`, `duplicate paragraph anchor "${anchor}"`);
        seen.add(anchor);
      }
      const sectionIds = level.body.sections.map((s) => s.id);
      if (new Set(sectionIds).size !== sectionIds.length) add(level.file, "(sections)", "duplicate section ids");
      if (level !== reference) {
        if (sectionIds.join(",") !== referenceSections.join(",")) {
          add(level.file, "(sections)", `sections [${sectionIds.join(", ")}] differ from ${reference.file} [${referenceSections.join(", ")}]`);
        }
        if (anchors.join(",") !== referenceAnchors.join(",")) {
          const missing = referenceAnchors.filter((a) => !anchors.includes(a));
          const extra = anchors.filter((a) => !referenceAnchors.includes(a));
          add(level.file, "(anchors)", `paragraph anchors differ from ${reference.file}` + (missing.length ? `; missing ${missing.join(", ")}` : "") + (extra.length ? `; extra ${extra.join(", ")}` : "") + (!missing.length && !extra.length ? "; same anchors in another order" : ""));
        }
      }
      for (const section of level.body.sections) {
        for (const paragraph of section.paragraphs) {
          for (const termId of termIdsIn(paragraph.inline)) {
            if (!termIds.has(termId)) add(level.file, `{#${paragraph.anchor}}`, `glossary mark refers to unknown term "${termId}"`);
          }
        }
      }
    }
    const anchorSet = new Set(referenceAnchors);
    anchorsByLesson.set(meta.slug, anchorSet);
    const sectionSet = new Set(referenceSections);
    const checkIds = new Set<string>();
    meta.checks.forEach((check, i) => {
      if (checkIds.has(check.id)) add(file, `checks[${i}].id`, `duplicate check id "${check.id}"`);
      checkIds.add(check.id);
      if (!sectionSet.has(check.after)) add(file, `checks[${i} ${check.id}].after`, `unknown section "${check.after}"`);
      if (!anchorSet.has(check.evidence)) add(file, `checks[${i} ${check.id}].evidence`, `unknown paragraph anchor "${check.evidence}"`);
    });
  }

  const questionIds = new Map<string, string>();
  for (const quiz of content.quizzes) {
    if (!lessonIds.has(quiz.lesson)) add(quiz.file, "lesson", `unknown lesson "${quiz.lesson}"`);
    const lesson = content.lessons.find((l) => l.meta.slug === quiz.lesson);
    if (lesson && lesson.meta.quiz !== quiz.id) add(quiz.file, "lesson", `lesson "${quiz.lesson}" does not name this quiz in its quiz: field`);
    const anchors = anchorsByLesson.get(quiz.lesson);
    quiz.questions.forEach((question, i) => {
      const field = `questions[${i} ${question.id}]`;
      const other = questionIds.get(question.id);
      if (other) add(quiz.file, `${field}.id`, `duplicate question id "${question.id}" (also in ${other})`);
      questionIds.set(question.id, quiz.file);
      if (!topicIds.has(question.topic)) add(quiz.file, `${field}.topic`, `unknown topic "${question.topic}"`);
      if (anchors) {
        for (const anchor of evidenceAnchors(question.evidence)) {
          if (!anchors.has(anchor)) add(quiz.file, `${field}.evidence`, `unknown paragraph anchor "${anchor}" in lesson "${quiz.lesson}"`);
        }
        if ("evidenceFor" in question && question.evidenceFor) {
          for (const [part, evidence] of Object.entries(question.evidenceFor)) {
            for (const anchor of evidenceAnchors(evidence)) {
              if (!anchors.has(anchor)) add(quiz.file, `${field}.evidenceFor.${part}`, `unknown paragraph anchor "${anchor}" in lesson "${quiz.lesson}"`);
            }
          }
        }
      }
      for (const message of checkEvidenceCoverage(question)) add(quiz.file, `${field}.${message.field}`, message.message);
      for (const message of checkQuestionShape(question)) add(quiz.file, `${field}.${message.field}`, message.message);
    });
  }
  for (const lesson of content.lessons) {
    if (!lesson.guide) continue;
    const quiz = content.quizzes.find((q) => q.id === lesson.meta.quiz);
    const reference = lesson.levels[0];
    for (const message of checkTeacherGuide(lesson.guide, {
      slug: lesson.meta.slug,
      sections: new Set(reference?.body.sections.map((s) => s.id) ?? []),
      anchors: anchorsByLesson.get(lesson.meta.slug) ?? new Set(),
      questions: quiz?.questions ?? [],
    })) {
      add(lesson.guideFile ?? lesson.file, message.field, message.message);
    }
  }
  return problems;
}

/** Whether a question tells a student who picks a wrong answer what they got wrong (the misconceptions a guide may cite). */
export function hasWrongAnswerFeedback(question: ContentQuestion): boolean {
  switch (question.type) {
    case "single":
    case "multiple":
      return question.choices.some((c) => c.feedback && (question.type === "single" ? c.id !== question.answer : !question.answer.includes(c.id)));
    case "true_false":
      return Boolean(question.answer ? question.feedbackFalse : question.feedbackTrue);
    default:
      return false;
  }
}

/**
 * A teacher's guide fits its lesson: the plan's phases in order adding up to
 * 45 minutes, sections and anchors that exist, and every misconception tied
 * to quiz questions whose wrong-answer feedback already addresses it.
 */
export function checkTeacherGuide(
  guide: TeacherGuide,
  lesson: { slug: string; sections: Set<string>; anchors: Set<string>; questions: ContentQuestion[] },
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (guide.lesson !== lesson.slug) out.push({ field: "lesson", message: `"${guide.lesson}" does not match the lesson folder "${lesson.slug}"` });
  const phases = guide.plan.map((step) => step.phase);
  if (phases.join(",") !== GUIDE_PHASES.join(",")) out.push({ field: "plan", message: `phases must be ${GUIDE_PHASES.join(", ")}, once each and in that order (found ${phases.join(", ")})` });
  const minutes = guide.plan.reduce((sum, step) => sum + step.minutes, 0);
  if (minutes !== GUIDE_MINUTES) out.push({ field: "plan", message: `minutes add up to ${minutes}, not ${GUIDE_MINUTES}` });
  guide.plan.forEach((step, i) =>
    step.sections.forEach((id, j) => {
      if (!lesson.sections.has(id)) out.push({ field: `plan[${i} ${step.phase}].sections[${j}]`, message: `unknown section "${id}"` });
    }),
  );
  guide.discussion.forEach((item, i) =>
    item.evidence.forEach((anchor, j) => {
      if (!lesson.anchors.has(anchor)) out.push({ field: `discussion[${i}].evidence[${j}]`, message: `unknown paragraph anchor "${anchor}"` });
    }),
  );
  const byId = new Map(lesson.questions.map((q) => [q.id, q]));
  guide.misconceptions.forEach((item, i) =>
    item.questions.forEach((id, j) => {
      const question = byId.get(id);
      if (!question) out.push({ field: `misconceptions[${i}].questions[${j}]`, message: `"${id}" is not a question of this lesson's quiz` });
      else if (!hasWrongAnswerFeedback(question)) out.push({ field: `misconceptions[${i}].questions[${j}]`, message: `"${id}" has no wrong-answer feedback, so it cannot back a misconception` });
    }),
  );
  return out;
}

/** Type-specific consistency of one question: answers refer to its own choices, items, blanks. */
export function checkQuestionShape(question: ContentQuestion): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const dupes = (ids: string[], field: string) => {
    if (new Set(ids).size !== ids.length) out.push({ field, message: "ids must be unique" });
  };
  switch (question.type) {
    case "single": {
      const ids = question.choices.map((c) => c.id);
      dupes(ids, "choices");
      if (!ids.includes(question.answer)) out.push({ field: "answer", message: `"${question.answer}" is not one of the choice ids (${ids.join(", ")})` });
      break;
    }
    case "multiple": {
      const ids = question.choices.map((c) => c.id);
      dupes(ids, "choices");
      dupes(question.answer, "answer");
      for (const a of question.answer) if (!ids.includes(a)) out.push({ field: "answer", message: `"${a}" is not one of the choice ids (${ids.join(", ")})` });
      if (question.answer.length === ids.length) out.push({ field: "answer", message: "every choice is correct; make at least one choice wrong" });
      break;
    }
    case "ordering": {
      const ids = question.items.map((c) => c.id);
      dupes(ids, "items");
      if ([...question.answer].sort().join(",") !== [...ids].sort().join(",")) out.push({ field: "answer", message: "must list every item id exactly once" });
      if (question.answer.join(",") === ids.join(",")) out.push({ field: "items", message: "items are listed in the correct order; list them in another order (students see a shuffle, but reviewers see this file)" });
      break;
    }
    case "matching": {
      const left = question.left.map((c) => c.id);
      const right = question.right.map((c) => c.id);
      dupes(left, "left");
      dupes(right, "right");
      const keys = Object.keys(question.answer);
      for (const l of left) if (!keys.includes(l)) out.push({ field: "answer", message: `left item "${l}" has no match` });
      for (const [l, r] of Object.entries(question.answer)) {
        if (!left.includes(l)) out.push({ field: "answer", message: `"${l}" is not a left item id` });
        if (!right.includes(r)) out.push({ field: "answer", message: `"${r}" is not a right item id` });
      }
      break;
    }
    case "cloze": {
      const blanks = [...question.text.matchAll(/\{\{([a-z0-9-]+)\}\}/g)].map((m) => m[1]!);
      dupes(blanks, "text");
      const keys = Object.keys(question.answer);
      if (blanks.length === 0) out.push({ field: "text", message: "has no {{blank}}" });
      for (const b of blanks) if (!keys.includes(b)) out.push({ field: "answer", message: `blank "${b}" has no accepted answers` });
      for (const k of keys) if (!blanks.includes(k)) out.push({ field: "answer", message: `"${k}" is not a blank in text` });
      break;
    }
    case "numeric":
    case "short_answer":
    case "true_false":
      break;
  }
  return out;
}

const SPANNING_PART: Record<SpanningType, string> = { ordering: "ordering item", matching: "matching pair (left item)", multiple: "correct choice", cloze: "blank" };

/**
 * Evidence that covers the whole answer (docs/CONTENT_FORMAT.md, "Evidence
 * that spans paragraphs"). A spanning question (ordering, matching,
 * multi-select, cloze) names the anchor of every part of its answer in
 * `evidenceFor`; its `evidence` must then cite exactly the anchors its parts
 * rest on. So an answer whose parts sit in three paragraphs cannot pass with
 * one anchor, and no anchor is cited that no part needs.
 */
export function checkEvidenceCoverage(question: ContentQuestion): { field: string; message: string }[] {
  if (!isSpanningType(question.type)) return [];
  const out: { field: string; message: string }[] = [];
  const evidenceFor = ("evidenceFor" in question ? question.evidenceFor : undefined) ?? {};
  const parts = answerParts(question);
  const what = SPANNING_PART[question.type];
  const missing = parts.filter((part) => !(part in evidenceFor));
  if (missing.length) {
    out.push({
      field: "evidenceFor",
      message: `${question.type} answers can span paragraphs, so every ${what} names its own anchor; missing for ${missing.map((m) => `"${m}"`).join(", ")}`,
    });
  }
  for (const part of Object.keys(evidenceFor)) {
    if (!parts.includes(part)) out.push({ field: `evidenceFor.${part}`, message: `"${part}" is not a ${what} of this question (${parts.join(", ")})` });
  }
  const needed = new Set(Object.values(evidenceFor).flatMap((e) => evidenceAnchors(e)));
  const cited = new Set(evidenceAnchors(question.evidence));
  const uncited = [...needed].filter((a) => !cited.has(a));
  const unused = [...cited].filter((a) => !needed.has(a));
  if (uncited.length) out.push({ field: "evidence", message: `the answer rests on ${[...needed].join(", ")} but evidence does not cite ${uncited.join(", ")}; cite every anchor the parts name` });
  if (unused.length && needed.size) out.push({ field: "evidence", message: `cites ${unused.join(", ")}, which no part of the answer names in evidenceFor` });
  return out;
}
