/**
 * Import (issue #13, after the sixth blind rating): a lesson summary that reads on its own, names cut from longer
 * names or counted as a family, follow prompts, photo credits and slideshow counters as furniture, in-text
 * "definitions" that are the writer's aside, and vocabulary distractors of another kind (a person's definition for an
 * event). All sample text, including the fixture feature-orchard-cooperative.html, written for these tests.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromArticle } from "@/lib/import";
import { countedName, cutFromLongerName, danglingPronoun, findEntities } from "@/lib/import/analyze/entities";
import { inTextDefinitions } from "@/lib/import/analyze/definitions";
import { isFurniture } from "@/lib/import/analyze/sentences";
import { balancedQuotes, summaryLength } from "@/lib/import/draft-lesson";
import { extractArticle } from "@/lib/import/extract";
import { animacyOf } from "@/lib/import/generators/vocabulary";
import type { Sentence } from "@/lib/import/types";

const FIXTURE = path.join(__dirname, "../../fixtures/articles/feature-orchard-cooperative.html");
const draft = draftFromArticle({ content: fs.readFileSync(FIXTURE) }, { glossary: [] });

const sentence = (text: string, i = 0): Sentence => ({ id: `s${i}`, text, paragraph: i, anchor: `p${i + 1}`, kind: "paragraph", words: text.split(/\s+/).length }) as unknown as Sentence;

describe("summary sentences stand on their own", () => {
  it("flags a person's pronoun before anyone is named", () => {
    expect(danglingPronoun("In smart homes, he expects watches to measure how warm a room should be.", ["Boris Kingma", "Kingma"])).toBe(true);
    expect(danglingPronoun("In January, his team published a study on the chair.", ["Edward Arens"])).toBe(true);
    // A name or a noun for a person of the same sex before the pronoun is its referent.
    expect(danglingPronoun("Kingma says his model may overestimate the rate.", ["Boris Kingma", "Kingma"])).toBe(false);
    expect(danglingPronoun("The mayor said she would sign the bill.", [])).toBe(false);
    // "Mother … him": the noun cannot be what "him" stands for.
    expect(danglingPronoun("Mother remembered visiting him during the summer holidays.", [])).toBe(true);
    // Pronouns inside a quotation are the speaker's, and a sentence without one is fine.
    expect(danglingPronoun("“He never came back,” the report says of the ferry's owner.", [])).toBe(false);
    expect(danglingPronoun("The council voted 5 to 2 to buy the land.", [])).toBe(false);
  });

  it("flags a quotation cut off by the sentence split", () => {
    expect(balancedQuotes("“These findings could be significant,” he wrote.")).toBe(true);
    expect(balancedQuotes("He also said: “I am guilty.")).toBe(false);
  });

  it("fills a summary to three sentences when the page has only an introduction and one section", () => {
    const intro = ["The county opened two new polling places in the north of the city on Monday, election officials said.", "Voters in the northern wards had waited more than two hours to cast ballots in the spring primary election."];
    const section = ["The new sites are in the Maple Street library and the Harbor Road fire station, the county clerk said.", "Both sites will have ballot drop boxes that stay open until the polls close at eight in the evening.", "Officials said the county would add more voting machines to the busiest sites before the November election."];
    const page = `<html><body><article><h1>County adds polling places</h1>${intro.map((p) => `<p>${p}</p>`).join("")}<h2>Where to vote</h2>${section.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const lesson = draftFromArticle({ content: Buffer.from(page) }, { glossary: [] }).lesson;
    expect(lesson.sections.map((s) => s.title)).toEqual(["Introduction", "Where to vote"]);
    expect(lesson.summary.split(/(?<=\.)\s+(?=\p{Lu})/u).length).toBeGreaterThanOrEqual(3);
  });

  it("takes three to five sentences by the article's length", () => {
    const analysis = (words: number) => ({ sentences: [sentence(Array.from({ length: words }, () => "word").join(" "))] }) as never;
    expect(summaryLength(analysis(500))).toBe(3);
    expect(summaryLength(analysis(1000))).toBe(4);
    expect(summaryLength(analysis(2000))).toBe(5);
  });

  it("leaves out pronoun-led sentences, captions, credits and prompts from the fixture's summary", () => {
    const summary = draft.lesson.summary;
    expect(summary.length).toBeGreaterThan(100);
    expect(summary).not.toMatch(/In March, her committee/);
    expect(summary).not.toMatch(/In the end, he said/);
    expect(summary).not.toMatch(/Photograph by|Photo 3 of 12|Follow Lena|windfall apples/);
    // In reading order, and no sentence twice.
    const parts = summary.split(/(?<=[.!?”])\s+(?=\p{Lu})/u);
    expect(new Set(parts).size).toBe(parts.length);
  });
});

describe("names cut from longer names, counted families and follow prompts", () => {
  it("a name only ever followed by more of a name is cut from it", () => {
    const text = "Roof entered Emanuel African Methodist Episcopal Church on the evening of June 17. Emanuel African Methodist Episcopal Church is the oldest in the South.";
    expect(cutFromLongerName("Emanuel African", text)).toBe(true);
    expect(cutFromLongerName("Owen Haskett", "Owen Haskett said the vote was fair. Owen Haskett Jr. agreed.")).toBe(false);
    expect(cutFromLongerName("Owen Haskett", "Her nephew, Owen Haskett, argued against it.")).toBe(false);
  });

  it("a surname counted ('four Dr. Woods', 'Two Hasketts') names a family, not one person", () => {
    expect(countedName("Wood", "We have four Dr. Woods in this house.")).toBe(true);
    expect(countedName("Haskett", "Two Hasketts sit on the board.")).toBe(true);
    expect(countedName("Owen Haskett", "Two Hasketts sit on the board.")).toBe(false);
    expect(countedName("Wood", "Dr. Wood said the clinic would open.")).toBe(false);
  });

  it("keeps the fixture's people whole and drops the credit, the prompt and the store", () => {
    const names = draft.lesson.actors.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(["Mara Haskett", "Owen Haskett", "Delia Okafor"]));
    expect(names.some((n) => /Follow|Brennan|Tomas Ridley|Lena Marwick|^Haskett$|^Hasketts$/.test(n))).toBe(false);
    const text = JSON.stringify(draft.questions);
    expect(text).not.toMatch(/Follow Lena|Tomas Ridley|Photo 3 of 12|Brennan Hardware(?! Supply)/);
  });

  it("a two-word surname used alone is the person whose name it ends", () => {
    const text = "“We hope for the best,” said Linda Black Elk, a medic at the camp. “They are testing new weapons on us,” Black Elk said.";
    const people = findEntities(text, text.split(/(?<=\.)\s+/).map((s, i) => sentence(s, i))).filter((e) => e.kind === "person");
    const linda = people.find((e) => e.name === "Linda Black Elk");
    expect(linda?.variants).toContain("Black Elk");
    expect(people.some((e) => e.name === "Black Elk")).toBe(false);
  });

  it("a follow prompt's verb is not part of a person's name", () => {
    const text = "Kingma said the model was old. On Twitter: Follow Wendy Koch and get more energy coverage. Wendy Koch said it too.";
    const people = findEntities(text, text.split(/(?<=\.)\s+/).map((s, i) => sentence(s, i))).map((e) => e.name);
    expect(people).not.toContain("Follow Wendy Koch");
  });

  it("reads follow prompts, photo credits, transcript announcements and slideshow counters as furniture", () => {
    expect(isFurniture("On Twitter: Follow Wendy Koch and get more environment and energy coverage.")).toBe(true);
    expect(isFurniture("Follow Lena Marwick on Twitter for more coverage.")).toBe(true);
    expect(isFurniture("Photograph by Tomas Ridley, Hillcrest Courier")).toBe(true);
    expect(isFurniture("Here is a transcript of the first part of the conversation.")).toBe(true);
    expect(isFurniture("Photo 3 of 12")).toBe(true);
    // Story sentences that mention a photograph or a transcript stay.
    expect(isFurniture("The photograph by the river showed the flood line on the mill wall.")).toBe(false);
    expect(isFurniture("The court released a transcript of the hearing on Monday.")).toBe(false);
    const page = `<html><body><article><h1>Orchard</h1><p>${"The cooperative sells its cider at the market every Saturday morning. ".repeat(4)}</p><p>Photo 3 of 12</p><p>On Twitter: Follow Lena Marwick for more coverage.</p><p>${"The board meets in November to set next year's prices. ".repeat(4)}</p></article></body></html>`;
    const paragraphs = extractArticle({ content: Buffer.from(page) }).paragraphs;
    expect(paragraphs.some((p) => /Photo 3 of 12|Follow Lena/.test(p))).toBe(false);
    expect(paragraphs).toHaveLength(2);
  });
});

describe("vocabulary worth asking", () => {
  it("a bracketed aside about the writer or pointing back into the text is not a definition", () => {
    const defs = inTextDefinitions([
      sentence("She preferred the security of medicine (the path my brother took) or the academy (a shabby cousin to these grander professions)."),
      sentence("The board's minutes are posted on the library door (the one my grandmother painted green).", 1),
      sentence("A quorum (the minimum number of members who must be present) was reached at nine.", 2),
    ]);
    expect(defs.map((d) => d.term)).toEqual(["quorum"]);
  });

  it("no aside from the fixture becomes a glossary entry or a key", () => {
    expect(draft.lesson.vocabulary.some((v) => /grandmother|painted green/.test(v.definition ?? ""))).toBe(false);
    const vocab = draft.questions.filter((q) => q.generator === "vocabulary-in-context");
    for (const q of vocab) expect(JSON.stringify(q)).not.toMatch(/grandmother|painted green/);
  });

  it("tells a definition of a person from a definition of a thing or an event", () => {
    expect(animacyOf("prosecutors")).toBe("being");
    expect(animacyOf("criminal")).toBe("being");
    expect(animacyOf("massacre")).toBe("thing");
    expect(animacyOf("testimony")).toBe("thing");
  });
});
