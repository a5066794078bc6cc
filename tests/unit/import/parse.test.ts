/**
 * lib/import/analyze/parse.ts runs compromise without its phrase chunker and with a faster copy of its post-tagger
 * sweep. Both must leave every term's tags, and so every person, organization and place found, as the library's own
 * `nlp(text)` gives them.
 */
import fs from "node:fs";
import path from "node:path";
import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { tagText, usesOwnSweep } from "@/lib/import/analyze/parse";

const FIXTURES = path.resolve("tests/fixtures");
const TEXTS = [
  "articles/wire-story.txt",
  "articles/feature.md",
  "articles/interview-former-president.txt",
  "articles/opinion-voting-age.txt",
  "genres/news-senators.txt",
  "genres/press-release.txt",
  "import-dev/podcast-civics-hour.txt",
].map((file) => fs.readFileSync(path.join(FIXTURES, file), "utf8"));

type Tagged = ReturnType<typeof nlp>;
const summary = (doc: Tagged) => ({
  tags: (doc.json({ terms: { tags: true } }) as { terms: { text: string; tags: string[] }[] }[]).map((s) => s.terms.map((t) => [t.text, ...t.tags].join(" "))),
  people: doc.people().out("array") as string[],
  organizations: doc.organizations().out("array") as string[],
  places: doc.places().out("array") as string[],
});

describe("tagText", () => {
  it("tags every term as compromise's own parse does, so the same people, organizations and places are found", () => {
    // The library's results first: tagText installs its sweep into compromise for the rest of the process.
    const library = TEXTS.map((text) => summary(nlp(text)));
    const ours = TEXTS.map((text) => summary(tagText(text)));
    expect(library.flatMap((s) => s.people).length).toBeGreaterThan(10);
    for (const [i, expected] of library.entries()) expect(ours[i]).toEqual(expected);
  });

  it("runs with its own sweep on the compromise version it was checked against", () => {
    // A new compromise keeps its own sweep (correct, slower): compare its sweep with parse.ts and update CHECKED_VERSION.
    expect(usesOwnSweep(), `compromise ${(nlp as unknown as { version: string }).version}`).toBe(true);
  });
});
