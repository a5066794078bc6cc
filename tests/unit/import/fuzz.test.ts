import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tryDraftFromArticle } from "@/lib/import";
import { ImportError } from "@/lib/import/types";

const glossary = [{ id: "veto", term: "veto", definition: "A no vote that blocks a decision.", aliases: ["vetoed"] }];
const CODES = ["empty", "binary", "too_large", "no_article", "too_short", "not_english", "bad_metadata"];

const word = fc.constantFrom("the", "council", "voted", "said", "Maria Lopez", "$4.5 billion", "30 percent", "on March 3, 2023", "veto", "“We will act,”", "of", "and", "in", "2019", "three", ".", ",", "\"", "<p>", "</p>", "<script>", "<div class=ad>", "&amp;", "\n\n", "—", "Tuesday");
const prose = fc.array(word, { minLength: 0, maxLength: 400 }).map((words) => words.join(" "));
const html = fc.tuple(prose, prose).map(([head, body]) => `<html><head><title>${head.slice(0, 50)}</title></head><body><article><p>${body.split("\n\n").join("</p><p>")}</p></article><script>x()</script></body></html>`);

function expectDraftOrTypedError(run: () => ReturnType<typeof tryDraftFromArticle>) {
  let result;
  try {
    result = run();
  } catch (error) {
    // A thrown ImportError would be a bug too: tryDraftFromArticle turns them into results.
    expect(error).not.toBeInstanceOf(ImportError);
    throw error;
  }
  if (result.ok) {
    expect(typeof result.draft.title).toBe("string");
    const sentences = new Set(result.draft.paragraphSentences.flat());
    for (const q of result.draft.questions) expect(sentences.has(q.evidence)).toBe(true);
  } else {
    expect(CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(10);
  }
}

describe("import pipeline fuzzing", () => {
  it("never crashes on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (content) => expectDraftOrTypedError(() => tryDraftFromArticle({ content }, { glossary }))), { numRuns: 200 });
  });

  it("never crashes on arbitrary bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (content) => expectDraftOrTypedError(() => tryDraftFromArticle({ content }, { glossary }))), { numRuns: 150 });
  });

  it("never crashes on article-like text and HTML, with or without a date", () => {
    fc.assert(
      fc.property(fc.oneof(prose, html), fc.option(fc.constantFrom("2023-03-21", "2017-07-31")), (content, date) =>
        expectDraftOrTypedError(() => tryDraftFromArticle({ content, ...(date ? { date } : {}) }, { glossary })),
      ),
      { numRuns: 120 },
    );
  });
});
