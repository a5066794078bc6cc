/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- walks untyped parsed XML; every value it reads is asserted below */
import { strFromU8, unzipSync } from "fflate";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { writeCommonCartridge } from "@/lib/interop/qti12";
import type { ExportQuestion, ExportQuiz } from "@/lib/interop/types";
import { clozeBlanks } from "@/lib/interop/types";
import { curriculumExportQuizzes, edgeCaseExportQuiz } from "./fixture";

const ARRAYS = new Set(["item", "response_label", "respcondition", "qtimetadatafield", "itemfeedback", "response_lid", "varequal", "not", "resource", "file", "material"]);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => ARRAYS.has(name), parseTagValue: false, trimValues: false });

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const matText = (node: Node | undefined): string => String(node?.material?.[0]?.mattext?.["#text"] ?? node?.material?.[0]?.mattext ?? "");
const MODIFIED = new Date("2026-12-01T12:00:00Z");

function unpack(quiz: ExportQuiz) {
  const written = writeCommonCartridge(quiz, MODIFIED);
  const files = unzipSync(written.body as Uint8Array);
  return { written, files, text: (name: string) => strFromU8(files[name]!) };
}

function metadata(item: Node): Record<string, string> {
  return Object.fromEntries((item.itemmetadata.qtimetadata.qtimetadatafield as Node[]).map((f) => [f.fieldlabel, String(f.fieldentry)]));
}

/** The response idents (or label idents) that earn points, per condition. */
function scoring(item: Node): { when: Node; set?: string; add?: string }[] {
  return (item.resprocessing.respcondition as Node[])
    .filter((c) => c.setvar !== undefined)
    .map((c) => ({ when: c.conditionvar, set: c.setvar["@_action"] === "Set" ? String(c.setvar["#text"]) : undefined, add: c.setvar["@_action"] === "Add" ? String(c.setvar["#text"]) : undefined }));
}
const values = (nodes: Node[] | undefined): string[] => (nodes ?? []).map((v) => String(v["#text"] ?? v));

function expectSame(item: Node, question: ExportQuestion) {
  const { data, key } = question;
  const meta = metadata(item);
  expect(Number(meta.points_possible)).toBe(question.points);
  expect(Number(meta.cc_weighting)).toBe(question.points);
  const feedback = Object.fromEntries(((item.itemfeedback ?? []) as Node[]).map((f) => [f["@_ident"], matText(f.flow_mat)]));
  expect(feedback.general_fb).toBe(key.explanation);
  const presentation = item.presentation as Node;
  const rules = scoring(item);
  switch (data.type) {
    case "single":
    case "multiple": {
      expect(meta.cc_profile).toBe(data.type === "single" ? "cc.multiple_choice.v0p1" : "cc.multiple_response.v0p1");
      expect(matText(presentation)).toBe(data.prompt);
      const lid = presentation.response_lid[0];
      expect(lid["@_rcardinality"]).toBe(data.type === "single" ? "Single" : "Multiple");
      const labels = lid.render_choice.response_label as Node[];
      expect(labels.map((l) => [l["@_ident"], matText(l)])).toEqual(data.choices.map((c) => [c.id, c.text]));
      expect(rules).toHaveLength(1);
      expect(rules[0]!.set).toBe("100");
      if (data.type === "single") expect(values(rules[0]!.when.varequal)).toEqual([key.key.type === "single" ? key.key.answer : ""]);
      else {
        expect(values(rules[0]!.when.and.varequal).sort()).toEqual([...(key.key.type === "multiple" ? key.key.answer : [])].sort());
        expect((rules[0]!.when.and.not as Node[]).flatMap((n) => values(n.varequal)).length).toBe(data.choices.length - (key.key.type === "multiple" ? key.key.answer.length : 0));
      }
      for (const c of data.choices) expect(feedback[`${c.id.replace(/[^A-Za-z0-9_.-]/g, "_")}_fb`]).toBe(key.feedback[c.id]);
      break;
    }
    case "true_false":
      expect(meta.cc_profile).toBe("cc.true_false.v0p1");
      expect(values(rules[0]!.when.varequal)).toEqual([String(key.key.type === "true_false" && key.key.answer)]);
      expect(feedback.true_fb).toBe(key.feedback.true);
      break;
    case "short_answer":
      expect(meta.cc_profile).toBe("cc.fib.v0p1");
      expect(presentation.response_str.render_fib).toBeDefined();
      expect(values(rules[0]!.when.varequal)).toEqual(key.key.type === "short_answer" ? key.key.answer : []);
      break;
    case "numeric": {
      expect(meta.question_type).toBe("numerical_question");
      const k = key.key.type === "numeric" ? key.key : { answer: NaN, tolerance: NaN };
      expect(Number(rules[0]!.when.or.and.vargte["#text"])).toBeCloseTo(k.answer - k.tolerance, 9);
      expect(Number(rules[0]!.when.or.and.varlte["#text"])).toBeCloseTo(k.answer + k.tolerance, 9);
      break;
    }
    case "cloze": {
      const blanks = clozeBlanks(data);
      const accepted = key.key.type === "cloze" ? key.key.answer : {};
      if (blanks.length === 1) {
        expect(meta.cc_profile).toBe("cc.fib.v0p1");
        expect(values(rules[0]!.when.varequal)).toEqual(accepted[blanks[0]!]);
      } else {
        expect(meta.question_type).toBe("fill_in_multiple_blanks_question");
        for (const blank of blanks) expect(matText(presentation)).toContain(`[${blank}]`);
        const lids = presentation.response_lid as Node[];
        expect(lids.map((lid) => (lid.render_choice.response_label as Node[]).map(matText))).toEqual(blanks.map((b) => accepted[b]));
        expect(rules.reduce((sum, r) => sum + Number(r.add), 0)).toBeCloseTo(100, 2);
      }
      break;
    }
    case "matching": {
      expect(meta.question_type).toBe("matching_question");
      const lids = presentation.response_lid as Node[];
      expect(lids.map(matText)).toEqual(data.left.map((l) => l.text));
      const pairs = key.key.type === "matching" ? key.key.answer : {};
      lids.forEach((lid, i) => {
        expect((lid.render_choice.response_label as Node[]).map(matText)).toEqual(data.right.map((r) => r.text));
        const rule = rules.find((r) => r.when.varequal?.[0]?.["@_respident"] === lid["@_ident"])!;
        expect(values(rule.when.varequal)).toEqual([pairs[data.left[i]!.id]]);
      });
      expect(rules.reduce((sum, r) => sum + Number(r.add), 0)).toBeCloseTo(100, 2);
      break;
    }
    case "ordering":
      throw new Error("ordering is never written to QTI 1.2");
  }
}

describe("Common Cartridge 1.1 / QTI 1.2 export", () => {
  const quizzes = [...curriculumExportQuizzes(), edgeCaseExportQuiz()];

  it("packs a manifest that points at a well-formed assessment, with the CC 1.1 required elements", () => {
    const { files, text, written } = unpack(quizzes[0]!);
    expect(written.filename).toMatch(/\.imscc$/);
    expect(Object.keys(files)).toHaveLength(2);
    expect(Object.keys(files)).toContain("imsmanifest.xml");
    const manifestXml = text("imsmanifest.xml");
    expect(XMLValidator.validate(manifestXml)).toBe(true);
    const manifest = parser.parse(manifestXml).manifest as Node;
    expect(manifest["@_xmlns"]).toBe("http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1");
    expect(manifest.metadata.schema).toBe("IMS Common Cartridge");
    expect(manifest.metadata.schemaversion).toBe("1.1.0");
    expect(manifest.organizations.organization["@_structure"]).toBe("rooted-hierarchy");
    const [resource] = manifest.resources.resource as Node[];
    expect(resource!["@_type"]).toBe("imsqti_xmlv1p2/imscc_xmlv1p1/assessment");
    const href = resource!.file[0]["@_href"] as string;
    expect(files[href]).toBeDefined();
    expect(manifest.organizations.organization.item[0].item[0]["@_identifierref"]).toBe(resource!["@_identifier"]);
    const assessmentXml = text(href);
    expect(XMLValidator.validate(assessmentXml)).toBe(true);
    const root = parser.parse(assessmentXml).questestinterop as Node;
    expect(root["@_xmlns"]).toBe("http://www.imsglobal.org/xsd/ims_qtiasiv1p2");
    const assessmentMeta = Object.fromEntries((root.assessment.qtimetadata.qtimetadatafield as Node[]).map((f) => [f.fieldlabel, f.fieldentry]));
    expect(assessmentMeta.cc_profile).toBe("cc.exam.v0p1");
    expect(root.assessment["@_title"]).toBe(quizzes[0]!.title);
  });

  it("round-trips every question type QTI 1.2 can carry, and leaves out ordering saying why", () => {
    const seen = new Set<string>();
    for (const quiz of quizzes) {
      const { text, written } = unpack(quiz);
      const href = Object.keys(unzipSync(written.body as Uint8Array)).find((n) => n.endsWith("assessment.xml"))!;
      const items = (parser.parse(text(href)).questestinterop.assessment.section.item ?? []) as Node[];
      const kept = quiz.questions.filter((q) => q.type !== "ordering");
      expect(written.skipped.map((s) => s.id)).toEqual(quiz.questions.filter((q) => q.type === "ordering").map((q) => q.id));
      for (const skip of written.skipped) expect(skip.reason).toMatch(/QTI 1\.2 has no ordering/);
      expect(items).toHaveLength(kept.length);
      const idents = new Set(items.map((i) => i["@_ident"]));
      expect(idents.size).toBe(items.length);
      items.forEach((item, i) => {
        expectSame(item, kept[i]!);
        seen.add(kept[i]!.type + (kept[i]!.data.type === "cloze" ? String(Math.min(2, clozeBlanks(kept[i]!.data).length)) : ""));
      });
    }
    expect([...seen].sort()).toEqual(["cloze1", "cloze2", "matching", "multiple", "numeric", "short_answer", "single", "true_false"]);
  });

  it("writes the same bytes for the same quiz and timestamp", () => {
    const quiz = quizzes[1]!;
    expect(Buffer.from(writeCommonCartridge(quiz, MODIFIED).body as Uint8Array).equals(Buffer.from(writeCommonCartridge(quiz, MODIFIED).body as Uint8Array))).toBe(true);
  });
});
