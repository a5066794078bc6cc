/**
 * IMS QTI 1.2 items inside an IMS Common Cartridge 1.1 package (.imscc).
 *
 * Types in the CC 1.1 QTI profile (multiple choice, multiple response,
 * true/false, fill in the blank) carry `cc_profile` so any CC importer reads
 * them; matching, numeric and multi-blank fill-ins are written as plain QTI
 * 1.2 with Canvas's `question_type` vocabulary (Canvas imports them; strict
 * CC importers may skip them). Every item also carries `question_type` and
 * `points_possible` (Canvas) and `cc_weighting` (CC). Ordering has no QTI 1.2
 * form and is left out. Feedback uses Canvas's itemfeedback idents
 * (`general_fb`, `correct_fb`, `<choice>_fb`), which are plain QTI 1.2.
 */
import { zipSync, strToU8 } from "fflate";
import type { ExportQuestion, ExportQuiz, WrittenExport } from "./types";
import { clozeBlanks, fileSlug, UNSUPPORTED } from "./types";
import { xmlEscape } from "./xml";

/** QTI/CC identifiers are XML NCNames: letters, digits, `_`, `-`, `.`, not starting with a digit. */
export function ident(...parts: string[]): string {
  const joined = parts.join("_").replace(/[^A-Za-z0-9_.-]/g, "_");
  return /^[A-Za-z_]/.test(joined) ? joined : `i_${joined}`;
}

const mat = (value: string) => `<material><mattext texttype="text/plain">${xmlEscape(value)}</mattext></material>`;
const field = (label: string, entry: string | number) => `<qtimetadatafield><fieldlabel>${label}</fieldlabel><fieldentry>${xmlEscape(String(entry))}</fieldentry></qtimetadatafield>`;
const feedbackBlock = (id: string, value: string) => `<itemfeedback ident="${id}"><flow_mat>${mat(value)}</flow_mat></itemfeedback>`;
const show = (id: string) => `<displayfeedback feedbacktype="Response" linkrefid="${id}"/>`;
const decvar = `<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>`;

/** CC 1.1 profile name and Canvas question_type for each type we write. */
function kinds(question: ExportQuestion): { cc?: string; canvas: string } | null {
  switch (question.data.type) {
    case "single": return { cc: "cc.multiple_choice.v0p1", canvas: "multiple_choice_question" };
    case "multiple": return { cc: "cc.multiple_response.v0p1", canvas: "multiple_answers_question" };
    case "true_false": return { cc: "cc.true_false.v0p1", canvas: "true_false_question" };
    case "short_answer": return { cc: "cc.fib.v0p1", canvas: "short_answer_question" };
    case "cloze": return clozeBlanks(question.data).length === 1 ? { cc: "cc.fib.v0p1", canvas: "short_answer_question" } : { canvas: "fill_in_multiple_blanks_question" };
    case "matching": return { canvas: "matching_question" };
    case "numeric": return { canvas: "numerical_question" };
    case "ordering": return null;
  }
}

/** The prompt and the cloze text as students read it, blanks shown as a line. */
function clozeText(data: Extract<ExportQuestion["data"], { type: "cloze" }>, blankMark: (blank: string) => string): string {
  return `${data.prompt}\n${data.segments.map((s) => ("blank" in s ? blankMark(s.blank) : s.text)).join("")}`;
}

function itemBody(question: ExportQuestion): { presentation: string; processing: string[]; feedback: Record<string, string> } {
  const { data, key } = question;
  const feedback: Record<string, string> = {};
  const processing: string[] = [];
  if (key.explanation) {
    feedback.general_fb = key.explanation;
    processing.push(`<respcondition continue="Yes"><conditionvar><other/></conditionvar>${show("general_fb")}</respcondition>`);
  }
  const choiceFeedback = (choiceId: string, text: string | undefined) => {
    if (!text) return;
    const id = ident(choiceId, "fb");
    feedback[id] = text;
    processing.push(`<respcondition continue="Yes"><conditionvar><varequal respident="response1">${xmlEscape(choiceId)}</varequal></conditionvar>${show(id)}</respcondition>`);
  };
  const labels = (choices: { id: string; text: string }[]) => choices.map((c) => `<response_label ident="${xmlEscape(c.id)}">${mat(c.text)}</response_label>`).join("");
  const fib = (respident = "response1") => `<response_str ident="${respident}" rcardinality="Single"><render_fib><response_label ident="answer1" rshuffle="No"/></render_fib></response_str>`;
  const accepted = (values: string[], respident = "response1") => values.map((v) => `<varequal respident="${respident}" case="No">${xmlEscape(v)}</varequal>`).join("");

  switch (data.type) {
    case "single": {
      const right = key.key.type === "single" ? key.key.answer : "";
      for (const c of data.choices) choiceFeedback(c.id, key.feedback[c.id]);
      processing.push(`<respcondition continue="No"><conditionvar><varequal respident="response1">${xmlEscape(right)}</varequal></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`);
      return { presentation: `${mat(data.prompt)}<response_lid ident="response1" rcardinality="Single"><render_choice>${labels(data.choices)}</render_choice></response_lid>`, processing, feedback };
    }
    case "multiple": {
      const right = new Set(key.key.type === "multiple" ? key.key.answer : []);
      for (const c of data.choices) choiceFeedback(c.id, key.feedback[c.id]);
      const all = data.choices.map((c) => (right.has(c.id) ? `<varequal respident="response1">${xmlEscape(c.id)}</varequal>` : `<not><varequal respident="response1">${xmlEscape(c.id)}</varequal></not>`)).join("");
      processing.push(`<respcondition continue="No"><conditionvar><and>${all}</and></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`);
      return { presentation: `${mat(data.prompt)}<response_lid ident="response1" rcardinality="Multiple"><render_choice>${labels(data.choices)}</render_choice></response_lid>`, processing, feedback };
    }
    case "true_false": {
      const answer = key.key.type === "true_false" && key.key.answer;
      choiceFeedback("true", key.feedback.true);
      choiceFeedback("false", key.feedback.false);
      processing.push(`<respcondition continue="No"><conditionvar><varequal respident="response1">${answer ? "true" : "false"}</varequal></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`);
      const choices = [{ id: "true", text: "True" }, { id: "false", text: "False" }];
      return { presentation: `${mat(data.prompt)}<response_lid ident="response1" rcardinality="Single"><render_choice>${labels(choices)}</render_choice></response_lid>`, processing, feedback };
    }
    case "short_answer": {
      const values = key.key.type === "short_answer" ? key.key.answer : [];
      processing.push(`<respcondition continue="No"><conditionvar>${accepted(values)}</conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`);
      return { presentation: `${mat(data.prompt)}${fib()}`, processing, feedback };
    }
    case "numeric": {
      const k = key.key.type === "numeric" ? key.key : { answer: 0, tolerance: 0 };
      const prompt = data.unit ? `${data.prompt} (${data.unit})` : data.prompt;
      processing.push(
        `<respcondition continue="No"><conditionvar><or><varequal respident="response1">${k.answer}</varequal><and><vargte respident="response1">${k.answer - k.tolerance}</vargte><varlte respident="response1">${k.answer + k.tolerance}</varlte></and></or></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`,
      );
      return { presentation: `${mat(prompt)}<response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal"><response_label ident="answer1"/></render_fib></response_str>`, processing, feedback };
    }
    case "cloze": {
      const answers = key.key.type === "cloze" ? key.key.answer : {};
      const blanks = clozeBlanks(data);
      if (blanks.length === 1) {
        processing.push(`<respcondition continue="No"><conditionvar>${accepted(answers[blanks[0]!] ?? [])}</conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`);
        return { presentation: `${mat(clozeText(data, () => "_____"))}${fib()}`, processing, feedback };
      }
      // Canvas's fill_in_multiple_blanks: [blank] markers in the text, one response_lid per blank listing its accepted answers.
      const share = Math.round((100 / blanks.length) * 10000) / 10000;
      const responses = blanks
        .map((blank) => {
          const options = (answers[blank] ?? []).map((value, i) => `<response_label ident="${ident(blank, String(i + 1))}">${mat(value)}</response_label>`).join("");
          const conditions = (answers[blank] ?? []).map((_, i) => `<varequal respident="${ident("response", blank)}">${ident(blank, String(i + 1))}</varequal>`).join("");
          processing.push(`<respcondition><conditionvar><or>${conditions}</or></conditionvar><setvar varname="SCORE" action="Add">${share}</setvar></respcondition>`);
          return `<response_lid ident="${ident("response", blank)}">${mat(blank)}<render_choice>${options}</render_choice></response_lid>`;
        })
        .join("");
      return { presentation: `${mat(clozeText(data, (blank) => `[${blank}]`))}${responses}`, processing, feedback };
    }
    case "matching": {
      const pairs = key.key.type === "matching" ? key.key.answer : {};
      const share = Math.round((100 / Math.max(1, data.left.length)) * 10000) / 10000;
      const responses = data.left
        .map((left) => {
          processing.push(`<respcondition><conditionvar><varequal respident="${ident("response", left.id)}">${xmlEscape(pairs[left.id] ?? "")}</varequal></conditionvar><setvar varname="SCORE" action="Add">${share}</setvar></respcondition>`);
          return `<response_lid ident="${ident("response", left.id)}">${mat(left.text)}<render_choice>${labels(data.right)}</render_choice></response_lid>`;
        })
        .join("");
      return { presentation: `${mat(data.prompt)}${responses}`, processing, feedback };
    }
    case "ordering":
      throw new Error("ordering has no QTI 1.2 form");
  }
}

export function qtiItem(question: ExportQuestion, index: number): string | null {
  const kind = kinds(question);
  if (!kind) return null;
  const body = itemBody(question);
  const metadata = [...(kind.cc ? [field("cc_profile", kind.cc)] : []), field("question_type", kind.canvas), field("points_possible", question.points), field("cc_weighting", question.points)].join("");
  const feedback = Object.entries(body.feedback).map(([id, value]) => feedbackBlock(id, value)).join("\n        ");
  return [
    `      <item ident="${ident("q", question.id)}" title="${xmlEscape(`Question ${index + 1}`)}">`,
    `        <itemmetadata><qtimetadata>${metadata}</qtimetadata></itemmetadata>`,
    `        <presentation>${body.presentation}</presentation>`,
    `        <resprocessing>${decvar}${body.processing.join("")}</resprocessing>`,
    ...(feedback ? [`        ${feedback}`] : []),
    "      </item>",
  ].join("\n");
}

export function qtiAssessment(quiz: ExportQuiz): { xml: string; skipped: WrittenExport["skipped"] } {
  const skipped: WrittenExport["skipped"] = [];
  const items: string[] = [];
  let number = 0;
  for (const question of quiz.questions) {
    const item = qtiItem(question, number);
    if (item === null) skipped.push({ id: question.id, reason: UNSUPPORTED.qti[question.type] ?? "No QTI 1.2 form." });
    else {
      items.push(item);
      number += 1;
    }
  }
  const xml = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd">`,
    `  <assessment ident="${ident("a", quiz.id)}" title="${xmlEscape(quiz.title)}">`,
    `    <qtimetadata>${field("cc_profile", "cc.exam.v0p1")}${field("qmd_assessmenttype", "Examination")}${field("qmd_scoretype", "Percentage")}${field("cc_maxattempts", "unlimited")}</qtimetadata>`,
    `    <rubric><material><mattext texttype="text/plain">${xmlEscape(quiz.description)}</mattext></material></rubric>`,
    `    <section ident="root_section">`,
    ...items,
    "    </section>",
    "  </assessment>",
    "</questestinterop>",
    "",
  ].join("\n");
  return { xml, skipped };
}

export function ccManifest(quiz: ExportQuiz, assessmentHref: string): string {
  const res = ident("res", quiz.id);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<manifest identifier="${ident("cc", quiz.id)}" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd">`,
    "  <metadata>",
    "    <schema>IMS Common Cartridge</schema>",
    "    <schemaversion>1.1.0</schemaversion>",
    `    <lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string language="en">${xmlEscape(quiz.title)}</lomimscc:string></lomimscc:title><lomimscc:description><lomimscc:string language="en">${xmlEscape(quiz.description)}</lomimscc:string></lomimscc:description></lomimscc:general></lomimscc:lom>`,
    "  </metadata>",
    "  <organizations>",
    `    <organization identifier="org_1" structure="rooted-hierarchy">`,
    `      <item identifier="root">`,
    `        <item identifier="${ident("item", quiz.id)}" identifierref="${res}"><title>${xmlEscape(quiz.title)}</title></item>`,
    "      </item>",
    "    </organization>",
    "  </organizations>",
    "  <resources>",
    `    <resource identifier="${res}" type="imsqti_xmlv1p2/imscc_xmlv1p1/assessment">`,
    `      <file href="${xmlEscape(assessmentHref)}"/>`,
    "    </resource>",
    "  </resources>",
    "</manifest>",
    "",
  ].join("\n");
}

/** The .imscc file: imsmanifest.xml at the root and the assessment in its own folder. `modified` fixes the zip timestamps (same input, same bytes). */
export function writeCommonCartridge(quiz: ExportQuiz, modified: Date): WrittenExport {
  const folder = ident("res", quiz.id);
  const href = `${folder}/assessment.xml`;
  const { xml, skipped } = qtiAssessment(quiz);
  const body = zipSync({ "imsmanifest.xml": strToU8(ccManifest(quiz, href)), [href]: strToU8(xml) }, { level: 6, mtime: modified });
  return { filename: `${fileSlug(quiz.title)}.imscc`, contentType: "application/zip", body, skipped };
}
