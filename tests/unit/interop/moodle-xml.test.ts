import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { writeMoodleXml } from "@/lib/interop/moodle-xml";
import type { ExportQuestion } from "@/lib/interop/types";
import { curriculumExportQuizzes, edgeCaseExportQuiz } from "./fixture";

const ARRAYS = new Set(["question", "answer", "subquestion"]);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => ARRAYS.has(name), parseTagValue: false, trimValues: false });

type Node = Record<string, unknown> & { "@_type"?: string };
const t = (node: unknown): string => {
  const text = (node as { text?: unknown } | undefined)?.text;
  return typeof text === "string" || typeof text === "number" || typeof text === "boolean" ? String(text) : "";
};

/** Moodle's Cloze answers: `{1:SHORTANSWER:=a~=b}` with \-escapes, inside HTML. */
function clozeAnswers(html: string): string[][] {
  return [...html.matchAll(/\{1:SHORTANSWER:((?:\\.|[^}])*)\}/g)].map((m) =>
    m[1]!.split(/(?<!\\)~/).map((a) => a.replace(/^=/, "").replace(/\\(.)/g, "$1").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")),
  );
}

/** Every element Moodle's XML import requires of each question type (question/format/xml/format.php). */
const REQUIRED: Record<string, string[]> = {
  multichoice: ["name", "questiontext", "generalfeedback", "defaultgrade", "single", "shuffleanswers", "answer"],
  truefalse: ["name", "questiontext", "generalfeedback", "defaultgrade", "answer"],
  matching: ["name", "questiontext", "generalfeedback", "defaultgrade", "subquestion"],
  shortanswer: ["name", "questiontext", "generalfeedback", "defaultgrade", "usecase", "answer"],
  numerical: ["name", "questiontext", "generalfeedback", "defaultgrade", "answer"],
  cloze: ["name", "questiontext", "generalfeedback"],
  ordering: ["name", "questiontext", "generalfeedback", "defaultgrade", "layouttype", "selecttype", "gradingtype", "answer"],
};

function expectSame(node: Node, question: ExportQuestion) {
  const { data, key } = question;
  for (const element of REQUIRED[node["@_type"]!] ?? ["(unknown type)"]) expect(node, `${question.id} ${element}`).toHaveProperty(element);
  expect(t(node.generalfeedback)).toBe(key.explanation);
  expect(t(node.name)).toContain(question.id);
  const answers = (node.answer as Node[] | undefined) ?? [];
  switch (data.type) {
    case "single":
    case "multiple": {
      expect(node["@_type"]).toBe("multichoice");
      expect(String(node.single)).toBe(String(data.type === "single"));
      expect(t(node.questiontext)).toBe(data.prompt);
      const right = new Set(key.key.type === "single" ? [key.key.answer] : key.key.type === "multiple" ? key.key.answer : []);
      expect(answers.map(t)).toEqual(data.choices.map((c) => c.text));
      answers.forEach((answer, i) => {
        const fraction = Number(answer["@_fraction"]);
        if (right.has(data.choices[i]!.id)) expect(fraction).toBeCloseTo(100 / right.size, 4);
        else expect(fraction).toBeLessThanOrEqual(0);
        expect(t(answer.feedback)).toBe(key.feedback[data.choices[i]!.id] ?? "");
      });
      break;
    }
    case "true_false": {
      expect(node["@_type"]).toBe("truefalse");
      const right = key.key.type === "true_false" && key.key.answer;
      expect(answers.find((a) => Number(a["@_fraction"]) === 100)?.text).toBe(String(right));
      expect(t(answers.find((a) => a.text === "true")?.feedback)).toBe(key.feedback.true ?? "");
      break;
    }
    case "matching": {
      expect(node["@_type"]).toBe("matching");
      const subs = node.subquestion as Node[];
      const subAnswer = (sub: Node) => t((sub.answer as Node[])[0]);
      const rightText = new Map(data.right.map((r) => [r.id, r.text]));
      const pairs = key.key.type === "matching" ? key.key.answer : {};
      expect(subs.filter((s) => t(s) !== "").map((s) => [t(s), subAnswer(s)])).toEqual(data.left.map((l) => [l.text, rightText.get(pairs[l.id]!)]));
      // Right-hand choices that match nothing travel as subquestions with empty text.
      const used = new Set(Object.values(pairs));
      expect(subs.filter((s) => t(s) === "").map(subAnswer)).toEqual(data.right.filter((r) => !used.has(r.id)).map((r) => r.text));
      break;
    }
    case "short_answer":
      expect(node["@_type"]).toBe("shortanswer");
      expect(answers.map(t)).toEqual(key.key.type === "short_answer" ? key.key.answer : []);
      expect(answers.every((a) => a["@_fraction"] === "100")).toBe(true);
      break;
    case "numeric":
      expect(node["@_type"]).toBe("numerical");
      expect(Number(t(answers[0]))).toBe(key.key.type === "numeric" ? key.key.answer : NaN);
      expect(Number(answers[0]!.tolerance)).toBe(key.key.type === "numeric" ? key.key.tolerance : NaN);
      break;
    case "cloze": {
      expect(node["@_type"]).toBe("cloze");
      const blanks = data.segments.flatMap((s) => ("blank" in s ? [s.blank] : []));
      expect(clozeAnswers(t(node.questiontext))).toEqual(blanks.map((b) => (key.key.type === "cloze" ? key.key.answer[b] : [])));
      break;
    }
    case "ordering": {
      expect(node["@_type"]).toBe("ordering");
      const itemText = new Map(data.items.map((i) => [i.id, i.text]));
      const sorted = [...answers].sort((a, b) => Number(a["@_fraction"]) - Number(b["@_fraction"]));
      expect(sorted.map(t)).toEqual((key.key.type === "ordering" ? key.key.answer : []).map((id) => itemText.get(id)));
      break;
    }
  }
}

describe("Moodle XML export", () => {
  const quizzes = [...curriculumExportQuizzes(), edgeCaseExportQuiz()];

  it("is well-formed XML whose questions read back, type by type, as the quiz and its key", () => {
    const seen = new Set<string>();
    for (const quiz of quizzes) {
      const written = writeMoodleXml(quiz);
      expect(written.skipped).toEqual([]);
      const xml = String(written.body);
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = parser.parse(xml) as { quiz: { question: Node[] } };
      const [category, ...questions] = doc.quiz.question;
      expect(category!["@_type"]).toBe("category");
      expect(t((category as { category: unknown }).category)).toBe(`$course$/Civics Lab/${quiz.title}`);
      expect(questions).toHaveLength(quiz.questions.length);
      questions.forEach((node, i) => {
        expectSame(node, quiz.questions[i]!);
        seen.add(quiz.questions[i]!.type);
      });
    }
    expect(seen.size).toBe(8);
  });
});
