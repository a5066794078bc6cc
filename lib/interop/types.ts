/**
 * The quiz as the LMS exporters see it: public data plus the answer key, so it
 * only ever comes from the teacher-only DAL function `getQuizForExport`.
 * Every writer in this folder is a pure function of this shape.
 */
import type { PublicQuestionData, QuestionKeyData, QuestionType } from "../quiz/types";

export interface ExportQuestion {
  id: string;
  type: QuestionType;
  data: PublicQuestionData;
  key: QuestionKeyData;
  /** Points in the LMS. Civics Lab scores every question out of 1 (with partial credit), so 1. */
  points: number;
}

export interface ExportQuiz {
  id: string;
  title: string;
  description: string;
  lessonTitle: string;
  questions: ExportQuestion[];
}

export type ExportFormat = "qti" | "moodle" | "gift";

/** What each format cannot carry, said once here so the UI, docs and writers agree. */
export const UNSUPPORTED: Record<ExportFormat, Partial<Record<QuestionType, string>>> = {
  qti: {
    ordering: "QTI 1.2 has no ordering question type; the question is left out of the .imscc file (use Moodle XML, or recreate it in your LMS).",
  },
  moodle: {},
  gift: {
    ordering: "GIFT has no ordering question type; it is left out (Moodle XML carries it for Moodle 4.4 and later).",
  },
};

/** Things that arrive changed, per format and type (shown beside the download). */
export const CAVEATS: Record<ExportFormat, Partial<Record<QuestionType, string>>> = {
  qti: {
    matching: "Matching, numeric and multi-blank fill-in items are written in plain QTI 1.2, outside the Common Cartridge 1.1 question profile: Canvas imports them; Moodle, Schoology and Blackboard may skip them (use Moodle XML for Moodle).",
    numeric: "Written as Canvas's numerical type (answer ± tolerance), outside the Common Cartridge profile: Canvas imports it; other LMSs may skip it.",
    cloze: "One blank: a Common Cartridge fill-in-the-blank. Several blanks: Canvas's \"fill in multiple blanks\" type.",
  },
  moodle: {
    ordering: "Uses Moodle's ordering question type (standard from Moodle 4.4; a plugin before that).",
    cloze: "Becomes an embedded-answers (Cloze) question, one short-answer field per blank.",
  },
  gift: {
    matching: "Extra right-hand choices that match nothing (distractors) are dropped: GIFT cannot carry them.",
    cloze: "Only single-blank fill-ins map to GIFT's missing-word format; questions with several blanks are left out (use Moodle XML).",
    multiple: "Right choices share 100 % equally; each wrong choice takes away an equal share, like Civics Lab's own scoring.",
  },
};

export interface WrittenExport {
  filename: string;
  contentType: string;
  body: Uint8Array | string;
  /** Question ids left out, with why. */
  skipped: { id: string; reason: string }[];
}

export function fileSlug(title: string): string {
  return title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "quiz";
}

/** The accepted-answer lists of a key as plain strings (cloze blank order follows the segments). */
export function clozeBlanks(data: Extract<PublicQuestionData, { type: "cloze" }>): string[] {
  return data.segments.flatMap((segment) => ("blank" in segment ? [segment.blank] : []));
}
