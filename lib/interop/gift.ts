/**
 * GIFT (Moodle's plain-text question format) for a quiz. Pure function; the
 * format is described at docs.moodle.org/en/GIFT_format. One question per
 * block, separated by a blank line, each with a `::title::`, plain-text
 * markers and general feedback (`####`) holding our explanation.
 */
import type { ExportQuestion, ExportQuiz, WrittenExport } from "./types";
import { clozeBlanks, fileSlug, UNSUPPORTED } from "./types";

/** GIFT's control characters are escaped with a backslash; newlines become `\n`. */
export function giftEscape(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/([~=#{}:])/g, "\\$1")
    .replace(/\r?\n/g, "\\n");
}

/** Moodle accepts only certain grade fractions; these are the ones n right choices need (n ≤ 10), written as Moodle writes them. */
export function giftPercent(share: number): string {
  const rounded = Math.round(share * 100 * 100000) / 100000;
  return String(rounded);
}

function feedback(text: string | undefined): string {
  return text ? `#${giftEscape(text)}` : "";
}

function general(question: ExportQuestion): string {
  return question.key.explanation ? `\n\t####${giftEscape(question.key.explanation)}` : "";
}

function title(question: ExportQuestion, index: number): string {
  return `::Q${index + 1} ${giftEscape(question.id)}::`;
}

/** One question in GIFT, or a reason it cannot be written. */
export function giftQuestion(question: ExportQuestion, index: number): { text: string } | { skip: string } {
  const { data, key } = question;
  const head = `${title(question, index)}[plain]`;
  switch (data.type) {
    case "single": {
      if (key.key.type !== "single") break;
      const right = key.key.answer;
      const lines = data.choices.map((c) => `\t${c.id === right ? "=" : "~"}${giftEscape(c.text)}${feedback(key.feedback[c.id])}`);
      return { text: `${head}${giftEscape(data.prompt)} {\n${lines.join("\n")}${general(question)}\n}` };
    }
    case "multiple": {
      if (key.key.type !== "multiple") break;
      const right = new Set(key.key.answer);
      // Civics Lab scores (right picked − wrong picked) / right count, so each wrong choice costs one right share.
      const share = giftPercent(1 / Math.max(1, right.size));
      const lines = data.choices.map((c) => `\t~%${right.has(c.id) ? "" : "-"}${share}%${giftEscape(c.text)}${feedback(key.feedback[c.id])}`);
      return { text: `${head}${giftEscape(data.prompt)} {\n${lines.join("\n")}${general(question)}\n}` };
    }
    case "true_false": {
      if (key.key.type !== "true_false") break;
      const answer = key.key.answer;
      // GIFT: {TRUE#feedback for a wrong answer#feedback for a right answer}
      const wrong = key.feedback[answer ? "false" : "true"];
      const right = key.feedback[answer ? "true" : "false"];
      const fb = wrong || right ? `#${giftEscape(wrong ?? "")}#${giftEscape(right ?? "")}` : "";
      return { text: `${head}${giftEscape(data.prompt)} {${answer ? "TRUE" : "FALSE"}${fb}${general(question)}}` };
    }
    case "matching": {
      if (key.key.type !== "matching") break;
      const pairs = key.key.answer;
      const rightText = new Map(data.right.map((r) => [r.id, r.text]));
      const lines = data.left.map((l) => `\t=${giftEscape(l.text)} -> ${giftEscape(rightText.get(pairs[l.id] ?? "") ?? "")}`);
      return { text: `${head}${giftEscape(data.prompt)} {\n${lines.join("\n")}${general(question)}\n}` };
    }
    case "short_answer": {
      if (key.key.type !== "short_answer") break;
      const lines = key.key.answer.map((a) => `\t=${giftEscape(a)}`);
      return { text: `${head}${giftEscape(data.prompt)} {\n${lines.join("\n")}${general(question)}\n}` };
    }
    case "numeric": {
      if (key.key.type !== "numeric") break;
      const unit = data.unit ? ` (${giftEscape(data.unit)})` : "";
      return { text: `${head}${giftEscape(data.prompt)}${unit} {#${key.key.answer}:${key.key.tolerance}${general(question)}}` };
    }
    case "cloze": {
      if (key.key.type !== "cloze") break;
      const blanks = clozeBlanks(data);
      if (blanks.length !== 1) return { skip: "GIFT's missing-word format holds one blank; this question has several (Moodle XML carries it)." };
      const accepted = key.key.answer[blanks[0]!] ?? [];
      const parts = data.segments.map((s) => ("blank" in s ? ` {${accepted.map((a) => `=${giftEscape(a)}`).join(" ")}${general(question)}} ` : giftEscape(s.text)));
      return { text: `${head}${giftEscape(data.prompt)} ${parts.join("").replace(/\s+$/, "")}` };
    }
    case "ordering":
      return { skip: UNSUPPORTED.gift.ordering! };
  }
  return { skip: "The answer key does not match the question type." };
}

export function writeGift(quiz: ExportQuiz): WrittenExport {
  const blocks: string[] = [`// ${quiz.title.replace(/\r?\n/g, " ")}`, `// Exported from Civics Lab. Lesson: ${quiz.lessonTitle.replace(/\r?\n/g, " ")}`, `$CATEGORY: $course$/Civics Lab/${quiz.title.replace(/[^A-Za-z0-9 ,.()-]+/g, " ").trim()}`];
  const skipped: WrittenExport["skipped"] = [];
  quiz.questions.forEach((question, index) => {
    const written = giftQuestion(question, index);
    if ("skip" in written) skipped.push({ id: question.id, reason: written.skip });
    else blocks.push(written.text);
  });
  return { filename: `${fileSlug(quiz.title)}.gift.txt`, contentType: "text/plain; charset=utf-8", body: `${blocks.join("\n\n")}\n`, skipped };
}
