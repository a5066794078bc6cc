/**
 * Moodle XML (docs.moodle.org/en/Moodle_XML_format) for a quiz: every Civics
 * Lab question type maps. Pure function. Text is written as plain text
 * (`plain_text`) except the Cloze question, whose embedded-answer syntax
 * lives in HTML question text.
 */
import type { ExportQuestion, ExportQuiz, WrittenExport } from "./types";
import { fileSlug } from "./types";
import { htmlEscape, xmlEscape } from "./xml";

function text(value: string): string {
  return `<text>${xmlEscape(value)}</text>`;
}

function plain(tag: string, value: string): string {
  return `<${tag} format="plain_text">${text(value)}</${tag}>`;
}

/** Moodle writes fractions as percentages with up to 7 decimals. */
function fraction(share: number): string {
  return String(Math.round(share * 100 * 100000) / 100000);
}

function common(question: ExportQuestion, index: number, questionText: string, format = "plain_text"): string {
  return [
    `<name>${text(`Q${index + 1} ${question.id}`)}</name>`,
    `<questiontext format="${format}">${text(questionText)}</questiontext>`,
    plain("generalfeedback", question.key.explanation),
    `<defaultgrade>${question.points}</defaultgrade>`,
    "<penalty>0</penalty>",
    "<hidden>0</hidden>",
    `<idnumber>${xmlEscape(question.id)}</idnumber>`,
  ].join("\n    ");
}

function answer(share: number, value: string, feedback?: string, extra = ""): string {
  const fb = feedback ? plain("feedback", feedback) : "";
  return `<answer fraction="${fraction(share)}" format="plain_text">${text(value)}${extra}${fb}</answer>`;
}

/** Moodle's Cloze syntax needs these escaped inside an answer. */
function clozeAnswer(value: string): string {
  return htmlEscape(value).replace(/([\\}#~/"])/g, "\\$1");
}

function combinedFeedback(): string {
  return ["correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"].map((tag) => `<${tag} format="plain_text"><text></text></${tag}>`).join("\n    ");
}

export function moodleQuestion(question: ExportQuestion, index: number): string {
  const { data, key } = question;
  const lines: string[] = [];
  let type: string = data.type;
  switch (data.type) {
    case "single":
    case "multiple": {
      type = "multichoice";
      const rightIds = new Set(key.key.type === "single" ? [key.key.answer] : key.key.type === "multiple" ? key.key.answer : []);
      const share = 1 / Math.max(1, rightIds.size);
      lines.push(common(question, index, data.prompt), `<single>${data.type === "single"}</single>`, "<shuffleanswers>true</shuffleanswers>", "<answernumbering>abc</answernumbering>", combinedFeedback());
      for (const choice of data.choices) {
        const value = rightIds.has(choice.id) ? share : data.type === "single" ? 0 : -share;
        lines.push(answer(value, choice.text, key.feedback[choice.id]));
      }
      break;
    }
    case "true_false": {
      type = "truefalse";
      const right = key.key.type === "true_false" && key.key.answer;
      lines.push(common(question, index, data.prompt), answer(right ? 1 : 0, "true", key.feedback.true), answer(right ? 0 : 1, "false", key.feedback.false));
      break;
    }
    case "matching": {
      type = "matching";
      const pairs = key.key.type === "matching" ? key.key.answer : {};
      const rightText = new Map(data.right.map((r) => [r.id, r.text]));
      const used = new Set(Object.values(pairs));
      lines.push(common(question, index, data.prompt), "<shuffleanswers>true</shuffleanswers>", combinedFeedback());
      for (const left of data.left) lines.push(`<subquestion format="plain_text">${text(left.text)}<answer>${text(rightText.get(pairs[left.id] ?? "") ?? "")}</answer></subquestion>`);
      // A subquestion with empty text is how Moodle stores an extra wrong answer.
      for (const right of data.right) if (!used.has(right.id)) lines.push(`<subquestion format="plain_text"><text></text><answer>${text(right.text)}</answer></subquestion>`);
      break;
    }
    case "short_answer": {
      type = "shortanswer";
      lines.push(common(question, index, data.prompt), "<usecase>0</usecase>");
      for (const accepted of key.key.type === "short_answer" ? key.key.answer : []) lines.push(answer(1, accepted));
      break;
    }
    case "numeric": {
      type = "numerical";
      const k = key.key.type === "numeric" ? key.key : { answer: 0, tolerance: 0 };
      const prompt = data.unit ? `${data.prompt} (${data.unit})` : data.prompt;
      lines.push(common(question, index, prompt), answer(1, String(k.answer), undefined, `<tolerance>${k.tolerance}</tolerance>`), "<unitgradingtype>0</unitgradingtype>", "<showunits>3</showunits>");
      break;
    }
    case "cloze": {
      const accepted = key.key.type === "cloze" ? key.key.answer : {};
      const body = data.segments
        .map((s) => ("blank" in s ? `{1:SHORTANSWER:${(accepted[s.blank] ?? []).map((a) => `=${clozeAnswer(a)}`).join("~")}}` : htmlEscape(s.text)))
        .join("");
      lines.push(common(question, index, `<p>${htmlEscape(data.prompt)}</p><p>${body}</p>`, "html"));
      break;
    }
    case "ordering": {
      const order = key.key.type === "ordering" ? key.key.answer : [];
      const itemText = new Map(data.items.map((item) => [item.id, item.text]));
      lines.push(
        common(question, index, data.prompt),
        "<layouttype>VERTICAL</layouttype>",
        "<selecttype>ALL</selecttype>",
        "<selectcount>0</selectcount>",
        // Closest to Civics Lab's pairwise (Kendall tau) partial credit.
        "<gradingtype>RELATIVE_ALL_PREVIOUS_AND_NEXT</gradingtype>",
        "<showgrading>SHOW</showgrading>",
        "<numberingstyle>none</numberingstyle>",
        combinedFeedback(),
      );
      // qtype_ordering stores the right order as each answer's fraction: 1, 2, 3…
      order.forEach((id, position) => lines.push(`<answer fraction="${position + 1}" format="plain_text">${text(itemText.get(id) ?? "")}</answer>`));
      break;
    }
  }
  return `  <question type="${type}">\n    ${lines.join("\n    ")}\n  </question>`;
}

export function writeMoodleXml(quiz: ExportQuiz): WrittenExport {
  const category = `  <question type="category">\n    <category>${text(`$course$/Civics Lab/${quiz.title}`)}</category>\n    <info format="plain_text">${text(quiz.description)}</info>\n  </question>`;
  const body = [`<?xml version="1.0" encoding="UTF-8"?>`, `<!-- ${xmlEscape(quiz.title).replace(/--/g, "- -")}: exported from Civics Lab -->`, "<quiz>", category, ...quiz.questions.map(moodleQuestion), "</quiz>", ""].join("\n");
  return { filename: `${fileSlug(quiz.title)}.moodle.xml`, contentType: "application/xml; charset=utf-8", body, skipped: [] };
}
