import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { draftFromArticle, tryDraftFromArticle } from "@/lib/import";
import { parseNumberText } from "@/lib/import/analyze";
import { questionProblems } from "@/lib/import/generate-questions";
import type { ArticleDraft } from "@/lib/import/types";

const FIXTURES = path.resolve("tests/fixtures/articles");
const glossary = loadContent().content.glossary;
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const sentencesOf = (draft: ArticleDraft) => new Set(draft.paragraphSentences.flat());

function expectWellFormed(draft: ArticleDraft) {
  const sentences = sentencesOf(draft);
  for (const question of draft.questions) {
    // Evidence is a sentence of the article, verbatim, inside the paragraph its anchor names.
    expect(sentences.has(question.evidence), question.evidence).toBe(true);
    const paragraph = draft.paragraphs[Number(question.evidenceAnchor.slice(1)) - 1];
    expect(paragraph).toContain(question.evidence);
    expect(question.generator).toBeTruthy();
    expect(questionProblems(question)).toEqual([]);
  }
}

describe("wire story", () => {
  const draft = draftFromArticle({ content: read("wire-story.txt"), date: "2023-03-21" }, { glossary });

  it("splits the story into paragraphs, drops the dateline and takes the headline as title", () => {
    expect(draft.title).toBe("UN Security Council tightens sanctions on Nordavia after missile launch");
    expect(draft.paragraphs).toHaveLength(15);
    expect(draft.paragraphs[0]).toMatch(/^The UN Security Council voted 13-0/);
  });

  it("drafts well-formed questions with a mix of skills, at least 40 % above recall", () => {
    expect(draft.candidateCount).toBeGreaterThanOrEqual(30);
    expect(draft.questions.length).toBeGreaterThanOrEqual(10);
    expectWellFormed(draft);
    const mainSkills = draft.questions.map((q) => q.skills[0]!);
    expect(new Set(mainSkills).size).toBeGreaterThanOrEqual(4);
    const aboveRecall = mainSkills.filter((s) => !["recall", "numeracy", "chronology"].includes(s)).length;
    expect(aboveRecall / mainSkills.length).toBeGreaterThanOrEqual(0.4);
    const generators = new Set(draft.questions.map((q) => q.generator));
    for (const g of ["who-said-what", "author-purpose"]) expect(generators, g).toContain(g);
  });

  it("keeps evidence pairs whole and in order, and offers alternates per skill", () => {
    const parts = draft.questions.filter((q) => q.pair);
    for (const part of parts.filter((q) => q.pair!.part === "A")) {
      const b = draft.questions[draft.questions.indexOf(part) + 1];
      expect(b?.pair).toEqual({ group: part.pair!.group, part: "B" });
    }
    for (const [skill, list] of Object.entries(draft.alternates)) {
      expect(list!.length).toBeLessThanOrEqual(4);
      for (const q of list!) {
        expect(q.skills[0]).toBe(skill);
        expect(questionProblems(q)).toEqual([]);
      }
    }
  });

  it("attributes quotations to the right speakers", () => {
    const matching = draft.questions.find((q) => q.type === "matching");
    if (matching?.type !== "matching") throw new Error("no matching question");
    const pairs = Object.entries(matching.answer).map(([l, r]) => [matching.left.find((x) => x.id === l)!.text, matching.right.find((x) => x.id === r)!.text]);
    const speakers: Record<string, string> = {
      "“These sanctions punish farmers and families, not generals”": "Viktor Rell",
      "“A ban is only as strong as the weakest port that ignores it”": "Maria Lopez",
      "“Today the council has shown that launching missiles over fishing boats has a price”": "Helen Carter",
    };
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    for (const [quote, speaker] of pairs) if (quote! in speakers) expect(speaker).toBe(speakers[quote!]);
    expect(pairs.filter(([quote]) => quote! in speakers).length).toBeGreaterThanOrEqual(2);
  });

  it("makes no ordering item from events that give their place away or hold two dates", () => {
    // v2.4: "The first sanctions … were approved" says it came first, and "An arms embargo was added in 2017, and a ban
    // … followed in 2019" is two events with two dates; the launch alone leaves fewer than three clean events.
    expect(draft.questions.find((q) => q.type === "ordering")).toBeUndefined();
    expect(draft.lesson.timeline.map((e) => e.date)).toEqual([...draft.lesson.timeline.map((e) => e.date)].sort());
  });

  it("finds glossary terms, key facts and actors with what they said", () => {
    const ids = draft.lesson.vocabulary.map((v) => v.glossaryId);
    expect(ids).toEqual(expect.arrayContaining(["sanctions", "veto"]));
    for (const entry of draft.lesson.vocabulary) expect(entry.definition, entry.term).toBeTruthy();
    expect(draft.lesson.keyFacts.length).toBe(5);
    const carter = draft.lesson.actors.find((a) => a.name === "Helen Carter");
    expect(carter?.quotes[0]?.text).toMatch(/^Today the council has shown/);
  });

  it("writes numeric distractors in the article's own format", () => {
    const numeric = [...draft.questions, ...Object.values(draft.alternates).flat()].filter((q) => q?.type === "single" && q.generator === "numeric-choice");
    expect(numeric.length).toBeGreaterThan(0);
    for (const q of numeric) {
      if (q?.type !== "single") continue;
      const key = q.choices.find((c) => c.id === q.answer)!.text;
      // Every choice is written like the key: "$2.9 billion" with "$1.5 billion", "30 percent" with "50 percent".
      const shape = (text: string) =>
        text
          .replace(/,/g, "")
          .replace(/\d+(\.\d+)?/g, "N")
          .replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b/gi, "W");
      for (const choice of q.choices) expect(shape(choice.text)).toBe(shape(key));
    }
  });

  it("is deterministic", () => {
    const again = draftFromArticle({ content: read("wire-story.txt"), date: "2023-03-21" }, { glossary });
    expect(again).toEqual(draft);
  });
});

describe("other article shapes", () => {
  it("imports a Markdown feature, dropping headings and markup", () => {
    const draft = draftFromArticle({ content: read("feature.md") }, { glossary });
    expect(draft.format).toBe("markdown");
    expect(draft.title).toBe("The teenagers who rewrote their town's budget");
    expect(draft.paragraphs.join(" ")).not.toMatch(/[#*]/);
    // 8 since two fixes each cost it one item: the people got roles from "the city's public works director, Samuel
    // Ortiz", so the swap gate refuses a true/false that moved his title onto Priya Natarajan (false on its face); and
    // its blank on "students" ("The process forced ___ to confront the limits of a budget"), which "teenagers" or
    // "them" answers as well, is a common-word blank the gates now refuse.
    // 4 since the ranking keeps recall in proportion to the items above recall (rank.ts, RECALL_PER_ABOVE): only the
    // author's-purpose item reaches above recall here, so the draft keeps its three best recall items (RECALL_FLOOR)
    // instead of eight; the others are alternates the teacher can add in one click.
    expect(draft.questions.length).toBeGreaterThanOrEqual(4);
    expect(Object.values(draft.alternates ?? {}).flat().length).toBeGreaterThanOrEqual(4);
    expectWellFormed(draft);
    expect(draft.lesson.actors.map((a) => a.name)).toContain("Priya Natarajan");
  });

  it("imports an explainer with few quotations", () => {
    const draft = draftFromArticle({ content: read("explainer.txt") }, { glossary });
    expect(draft.questions.length).toBeGreaterThanOrEqual(6);
    expectWellFormed(draft);
    // The article is about a governor's veto: the curriculum's Security Council "veto" is the wrong sense and stays out.
    expect(draft.lesson.vocabulary.map((v) => v.glossaryId)).not.toContain("veto");
    for (const entry of draft.lesson.vocabulary) expect(entry.definition ?? "").not.toMatch(/Security Council|North Korea/);
  });

  it("imports an HTML page without its navigation, ads, scripts or iframes, and reads its metadata", () => {
    const draft = draftFromArticle({ content: read("news-page.html") }, { glossary });
    expect(draft.format).toBe("html");
    expect(draft.title).toBe("County voters approve new library bond");
    expect(draft.source).toEqual({ outlet: "Riverside Ledger", author: "Dana Whitfield", date: "2023-11-08", url: "https://ledger.example.com/news/2023/11/08/library-bond" });
    const text = draft.paragraphs.join("\n");
    expect(draft.paragraphs[0]).toMatch(/^Voters in Riverside County approved a \$35 million bond/);
    for (const junk of ["Injected by script", "Sponsored", "Advertisement", "Most popular", "Subscribe", "Copyright", "loadAd", "trackRead", "football"]) expect(text).not.toContain(junk);
    expectWellFormed(draft);
  });

  it("lets given metadata win over what the page says", () => {
    const draft = draftFromArticle({ content: read("news-page.html"), title: "Library bond passes", date: "2023-11-09", outlet: "Ledger" }, { glossary });
    expect(draft.title).toBe("Library bond passes");
    expect(draft.source.date).toBe("2023-11-09");
    expect(draft.source.outlet).toBe("Ledger");
  });

  // A page pasted from a browser the way a teacher would (browser notice, section label, byline with a time,
  // video timestamps): our own article, shaped like the source report of the first curriculum.
  it("imports a pasted news page cleanly: the headline is the title and the page furniture is left out", () => {
    const draft = draftFromArticle({ content: fs.readFileSync(path.join(FIXTURES, "pasted-page-envoy.txt")), date: "2017-07-31" }, { glossary });
    expect(draft.title).toMatch(/the main burden/);
    expect(draft.paragraphs.join(" ")).not.toMatch(/Chrome Safari|\d{2}:\d{2}$/m);
    expect(draft.paragraphs.join(" ")).not.toMatch(/out of date/);
    expect(draft.questions.length).toBeGreaterThanOrEqual(5);
    expectWellFormed(draft);
  });
});

describe("numbers", () => {
  it.each([
    ["$4.5 billion", 4.5e9],
    ["about 30 percent", 30],
    ["nearly 30%", 30],
    ["1,200", 1200],
    ["three", 3],
    ["twenty-five", 25],
    ["$410 million", 410e6],
  ])("reads %s", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it("does not read labels or ranges as quantities", () => {
    expect(parseNumberText("62-38")).toBeUndefined();
    expect(parseNumberText("a few")).toBeUndefined();
  });
});

describe("bad input", () => {
  const run = (content: string | Uint8Array, extra: Record<string, string> = {}) => tryDraftFromArticle({ content, ...extra }, { glossary });

  it.each([
    ["empty", ""],
    ["whitespace only", "   \n\n\t  "],
  ])("rejects %s input", (_name, content) => {
    expect(run(content)).toMatchObject({ ok: false, error: { code: "empty" } });
  });

  it("rejects binary files", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
    expect(run(bytes)).toMatchObject({ ok: false, error: { code: "binary" } });
    expect(run(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({ ok: false, error: { code: "binary" } });
  });

  it("rejects input over 2 MB", () => {
    const big = "The council met again. ".repeat(100_000);
    expect(run(big)).toMatchObject({ ok: false, error: { code: "too_large" } });
    expect(run(new TextEncoder().encode(big))).toMatchObject({ ok: false, error: { code: "too_large" } });
  });

  it("rejects an HTML page with no article", () => {
    const page = `<html><head><title>Home</title></head><body><nav>${Array.from({ length: 40 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(" ")}</nav><footer>Copyright</footer></body></html>`;
    const result = run(page);
    expect(result).toMatchObject({ ok: false, error: { code: "no_article" } });
    if (!result.ok) expect(result.error.message).toMatch(/couldn't find an article/);
  });

  it("rejects HTML that is only scripts, styles and iframes, and never runs or keeps them", () => {
    const page = `<html><body><script>${"alert('x');".repeat(500)}</script><style>${"p{color:red}".repeat(500)}</style><iframe src="https://evil.example"></iframe></body></html>`;
    expect(run(page)).toMatchObject({ ok: false, error: { code: "no_article" } });
  });

  it("keeps the article but drops scripts, styles, iframes and event handlers mixed into it", () => {
    const story = fs.readFileSync(path.join(FIXTURES, "wire-story.txt"), "utf8").split("\n\n").slice(1);
    const page = `<html><body><article>${story.map((p, i) => `<p onclick="steal()">${p}</p>${i % 3 === 0 ? `<script>evil(${i})</script><style>.x{}</style><iframe src="https://x.example"></iframe><img src=x onerror="alert(1)">` : ""}`).join("")}</article></body></html>`;
    const result = run(page);
    if (!result.ok) throw new Error(result.error.message);
    const json = JSON.stringify(result.draft);
    for (const bad of ["evil(", "steal()", "onerror", "<script", "<iframe", ".x{}"]) expect(json).not.toContain(bad);
    expect(result.draft.paragraphs.length).toBeGreaterThan(10);
  });

  it("rejects non-English text", () => {
    const spanish = Array.from({ length: 12 }, () => "El consejo municipal aprobó ayer un nuevo presupuesto para las escuelas públicas de la ciudad, según informaron los concejales.").join(" ");
    expect(run(spanish)).toMatchObject({ ok: false, error: { code: "not_english" } });
    const chinese = "联合国安理会周二投票通过了一项新的制裁决议，要求所有成员国检查可疑船只。".repeat(30);
    expect(run(chinese)).toMatchObject({ ok: false, error: { code: "not_english" } });
  });

  it("rejects text too short for a lesson", () => {
    expect(run("The council voted on Tuesday. The measure passed.")).toMatchObject({ ok: false, error: { code: "too_short" } });
  });

  it("rejects a bad date or URL with a message naming the field", () => {
    const story = read("wire-story.txt");
    expect(run(story, { date: "2023-13-45" })).toMatchObject({ ok: false, error: { code: "bad_metadata", message: expect.stringMatching(/date/) } });
    expect(run(story, { url: "javascript:alert(1)" })).toMatchObject({ ok: false, error: { code: "bad_metadata", message: expect.stringMatching(/web address/) } });
  });
});
