/**
 * The patterns of the third blind rating, as general rules (issue #13): page furniture of every genre never becomes
 * text (captions repeated as paragraphs, podcast greetings and credits, press-release headers and boilerplate,
 * docket numbers, reader prompts), broken markup never costs the rest of the page, and the question generators
 * abstain or attribute where the rater found guesses. All texts are made up for these tests.
 */
import { describe, expect, it } from "vitest";
import { extractArticle, repairHtml } from "@/lib/import/extract";
import { isFurniture } from "@/lib/import/analyze/sentences";

const P = [
  "The Harbor City council voted 6 to 3 on Monday to rebuild the seawall along the old fishing pier, ending a debate that had lasted almost two years.",
  "The project will cost about $48 million, according to the city budget office, and most of the money will come from a state resilience grant approved last spring.",
  "Residents who live near the pier have complained for years that storm surges flood their basements, and several of them spoke at the meeting before the vote.",
  "Council member Rosa Delgado, who voted against the plan, said the city should have studied cheaper options such as restoring the marsh north of the harbor first.",
  "Construction is expected to start next summer and to take three years, during which the pier will stay open to fishing boats but closed to visitors on weekdays.",
];
const page = (body: string) => `<!doctype html><html><head><title>Harbor City votes to rebuild seawall</title></head><body><article><h1>Harbor City votes to rebuild seawall</h1>${body}</article></body></html>`;
const paras = (...idx: number[]) => idx.map((i) => `<p>${P[i]}</p>`).join("");

describe("broken markup keeps the rest of the page", () => {
  it.each([
    ["a self-closing <textarea/>", `<textarea name="comment"/>`],
    ["a self-closing <script/>", `<script src="/tracker.js"/>`],
    ["a comment that never ends", `<!-- ad slot `],
    ["an unclosed <xmp>", `<xmp>`],
    ["an unclosed <plaintext>", `<plaintext>`],
  ])("after %s", (_label, broken) => {
    const result = extractArticle({ content: page(`${paras(0, 1)}${broken}${paras(2, 3, 4)}`) });
    expect(result.paragraphs).toEqual(P);
  });

  it("still drops a closed comment and a closed <xmp> with their contents", () => {
    expect(repairHtml(`<p>a</p><!-- hidden note --><xmp>raw code</xmp>`)).not.toContain("hidden note");
    const result = extractArticle({ content: page(`${paras(0, 1)}<xmp>raw code words here</xmp>${paras(2, 3, 4)}`) });
    expect(result.paragraphs.join(" ")).not.toContain("raw code");
  });
});

describe("furniture of every genre", () => {
  it("drops a photo caption repeated as a plain paragraph next to its figure", () => {
    const caption = "Waves break over the old seawall on Monday morning.";
    const html = page(`${paras(0)}<figure><img src="a.jpg"><figcaption>${caption} Photo by Ana Ruiz / Coast Ledger</figcaption></figure><p>${caption}</p>${paras(1, 2, 3, 4)}`);
    expect(extractArticle({ content: html }).paragraphs).toEqual(P);
  });

  it.each([
    "HOST (JUNE PARK): Hello and welcome to The Civics Hour.",
    "Thanks for listening.",
    "ARTURO BLAINE: Thanks for having me, June.",
    "JUNE PARK: Arturo Blaine, thank you so much.",
    "My pleasure.",
    "That's our show for this week.",
    "The Civics Hour is produced by Dana Whitlock and edited by Sam Ferreira.",
    "Our theme music is by the Lowtide Trio.",
    "If you enjoyed this episode, subscribe wherever you get your podcasts and leave us a review.",
    "FOR IMMEDIATE RELEASE",
    "Contact: Priya Nandakumar, Communications Office",
    "About the Bellmont Water Authority: The authority serves 118,000 customers in Bellmont.",
    "###",
    "Photo caption: The county library in Ashford, where the case began. (Staff photo)",
    "Docket No. 2025-SC-0417",
    "Have a question about voting? Send it to our newsroom and we may answer it.",
    "Send it to our newsroom and we may answer it in a future explainer.",
  ])("“%s” is furniture", (text) => {
    expect(isFurniture(text)).toBe(true);
  });

  it.each([
    "Thanks to a state grant, the town paid for half of the new fixtures.",
    "Contact with the virus is most likely in crowded rooms, the health office said.",
    "About 6,300 homes in Bellmont still receive water through lead pipes.",
    "The board asked residents to send comments to the clerk before Friday.",
  ])("“%s” is not furniture", (text) => {
    expect(isFurniture(text)).toBe(false);
  });

  it("reads a podcast episode title as the title and drops its greeting and credits", () => {
    const text = [
      "The Civics Hour, Episode 58: Who draws the lines?",
      "HOST (JUNE PARK): Hello and welcome to The Civics Hour. I'm June Park, and thanks for listening.",
      `HOST (JUNE PARK): ${P[0]} ${P[1]}`,
      `ARTURO BLAINE: ${P[2]} ${P[3]}`,
      `JUNE PARK: ${P[4]}`,
      "JUNE PARK: That's our show for this week. The Civics Hour is produced by Dana Whitlock and edited by Sam Ferreira.",
    ].join("\n\n");
    const result = extractArticle({ content: text, format: "text" });
    expect(result.title).toBe("The Civics Hour, Episode 58: Who draws the lines?");
    expect(result.paragraphs.join(" ")).not.toMatch(/welcome|produced by/);
    expect(result.paragraphs).toHaveLength(3);
  });

  it("reads a press release's headline, not its contact line, and drops the boilerplate and end mark", () => {
    const text = [
      "FOR IMMEDIATE RELEASE\nContact: Priya Nandakumar, Communications Office, (555) 014-2231",
      "Harbor City approves $48 million plan to rebuild seawall",
      `HARBOR CITY, Oct. 14, 2026 — ${P[0]}`,
      P[1],
      P[2],
      P[3],
      "About the Harbor City Council: The council has nine members elected by district.",
      "###",
    ].join("\n\n");
    const result = extractArticle({ content: text, format: "text" });
    expect(result.title).toBe("Harbor City approves $48 million plan to rebuild seawall");
    expect(result.paragraphs).toEqual(P.slice(0, 4));
  });
});
