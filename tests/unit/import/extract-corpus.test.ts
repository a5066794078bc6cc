/**
 * Extraction on the test corpus (tests/fixtures/articles: 15+ articles in
 * five genres, HTML, Markdown and text, with hand-written expectations):
 * format, title, date, genre, headings as sections, list items kept, and no
 * furniture (captions, credits, bylines, prompts, related links) in any
 * paragraph.
 */
import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/import/extract";
import { loadCorpus, squash } from "../../fixtures/articles/expect-schema";

const corpus = loadCorpus();

describe.each(corpus.map((article) => [article.name, article] as const))("%s", (_name, article) => {
  const extracted = extractArticle({ content: article.raw });
  const paragraphs = extracted.paragraphs.map(squash);

  it("is read in its format with its title", () => {
    expect(extracted.format).toBe(article.expect.format);
    expect(squash(extracted.title)).toBe(squash(article.expect.title));
  });

  it("finds the publication date where the page gives it", () => {
    if (article.expect.date.iso === null) expect(extracted.date).toBeUndefined();
    else expect(extracted.date).toBe(article.expect.date.iso);
  });

  it("keeps no furniture in any paragraph", () => {
    for (const furniture of article.expect.furniture) {
      expect(paragraphs.filter((p) => p.includes(squash(furniture))), furniture).toEqual([]);
    }
  });

  it("turns headings into sections and keeps list items", () => {
    const titles = extracted.sections.map((s) => squash(s.title));
    for (const heading of article.expect.headings) expect(titles.some((t) => t.includes(squash(heading))), heading).toBe(true);
    for (const item of article.expect.listItems) {
      const index = paragraphs.findIndex((p) => p.includes(squash(item)));
      expect(index, item).toBeGreaterThanOrEqual(0);
      expect(extracted.paragraphKinds[index], item).toBe("list-item");
    }
  });

  it("detects the genre", () => {
    expect(extracted.genre).toBe(article.expect.genre);
  });
});
