import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLES_DIR, expectationSchema, loadCorpus, squash } from "@/tests/fixtures/articles/expect-schema";

/**
 * The corpus expectations are data that other tests trust: each must parse,
 * and every substring it names must really be in its article.
 */
const corpus = loadCorpus();

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const decodeEntities = (html: string) =>
  html.replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) => (name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? whole)));

describe("article corpus expectations", () => {
  it("has at least 15 articles, 3 per genre, 5 HTML and 3 Markdown", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    for (const genre of expectationSchema.shape.genre.options) expect(corpus.filter((a) => a.expect.genre === genre).length, genre).toBeGreaterThanOrEqual(3);
    expect(corpus.filter((a) => a.expect.format === "html").length).toBeGreaterThanOrEqual(5);
    expect(corpus.filter((a) => a.expect.format === "markdown").length).toBeGreaterThanOrEqual(3);
  });

  it("every expectations file sits next to exactly one article", () => {
    const files = fs.readdirSync(ARTICLES_DIR).filter((f) => f.endsWith(".expect.json"));
    for (const f of files) {
      const stem = f.replace(/\.expect\.json$/, "");
      const siblings = fs.readdirSync(ARTICLES_DIR).filter((x) => x.startsWith(`${stem}.`) && !x.endsWith(".expect.json"));
      expect(siblings, f).toHaveLength(1);
    }
  });

  for (const article of corpus) {
    describe(article.file, () => {
      const { expect: e } = article;
      // HTML entities are decoded so a title like "Q&amp;A" can be named as "Q&A".
      const text = squash(e.format === "html" ? decodeEntities(article.raw) : article.raw);
      const occurs = (label: string, needle: string) => expect(text.includes(squash(needle)), `${label} not in ${article.file}: ${needle}`).toBe(true);

      it("declares the format the file has", () => {
        const ext = path.extname(article.file);
        expect({ ".txt": "text", ".md": "markdown", ".html": "html" }[ext]).toBe(e.format);
      });

      it("is 400 to 1,200 words of article text", () => {
        const prose = article.raw.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]+>/g, " ");
        const words = prose.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
        expect(words).toBeGreaterThanOrEqual(400);
        expect(words).toBeLessThanOrEqual(1500); // page chrome adds words to HTML; the prose itself stays under 1,200
      });

      it("names only substrings that occur in the article", () => {
        occurs("title", e.title);
        if (e.date.text) occurs("date text", e.date.text);
        for (const p of e.people) {
          occurs("person", p.name);
          for (const alias of p.aliases) occurs(`alias of ${p.name}`, alias);
        }
        for (const n of e.notPeople) occurs("non-person", n);
        for (const q of e.quotes) occurs("quote", q.text);
        for (const d of e.dates) occurs("date", d.text);
        for (const o of e.opinions) occurs("opinion", o);
        for (const f of e.furniture) occurs("furniture", f);
        for (const h of e.headings) occurs("heading", h);
        for (const l of e.listItems) occurs("list item", l);
        for (const c of e.compounds) occurs("compound", c);
      });

      it("is internally consistent", () => {
        const names = new Set(e.people.map((p) => p.name));
        for (const q of e.quotes) expect(names.has(q.speaker), `speaker ${q.speaker} is not a listed person`).toBe(true);
        expect(e.date.from === "none").toBe(e.date.iso === null);
        if (e.date.iso) expect(Number.isNaN(Date.parse(e.date.iso))).toBe(false);
        // An alias that is also another person's name or alias would make folding impossible to check.
        const seen = new Map<string, string>();
        for (const p of e.people) for (const form of [p.name, ...p.aliases]) {
          expect(seen.get(form) ?? p.name, `"${form}" names two people`).toBe(p.name);
          seen.set(form, p.name);
        }
        for (const n of e.notPeople) expect(seen.has(n), `${n} is listed as a person and a non-person`).toBe(false);
      });
    });
  }
});
