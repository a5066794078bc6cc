/**
 * Extraction ("structure in"): messy HTML, Markdown and plain-text samples,
 * written for these tests, go in; body blocks with their kinds, sections,
 * quote speakers, dates and genre come out. Captions, credits, related links
 * and sign-up prompts never become paragraphs.
 */
import { describe, expect, it } from "vitest";
import { dateFromText, dateFromUrl, extractArticle, repairHtml } from "@/lib/import/extract";
import { detectGenre } from "@/lib/import/genre";

const P1 = "The Harbor City council voted 6 to 3 on Monday to rebuild the seawall along the old fishing pier, ending a debate that had lasted almost two years.";
const P2 = "The project will cost about $48 million, according to the city budget office, and most of the money will come from a state resilience grant approved last spring.";
const P3 = "Residents who live near the pier have complained for years that storm surges flood their basements, and several of them spoke at the meeting before the vote.";
const P4 = "Council member Rosa Delgado, who voted against the plan, said the city should have studied cheaper options such as restoring the marsh north of the harbor first.";
const P5 = "Construction is expected to start next summer and to take three years, during which the pier will stay open to fishing boats but closed to visitors on weekdays.";
const P6 = "The state grant requires the city to finish the design by the end of March, so engineers will present a first draft to the council within the next few weeks.";

function page(body: string, head = ""): string {
  return `<!doctype html><html><head><title>Harbor City votes to rebuild seawall | Coast Ledger</title>${head}</head><body><main><article>${body}</article></main></body></html>`;
}

describe("HTML extraction", () => {
  const html = page(
    `<h1>Harbor City votes to rebuild seawall</h1>
     <p>${P1}</p>
     <figure><img src="pier.jpg"><figcaption>Waves break over the old seawall in January. Photo: Coast Ledger</figcaption></figure>
     <p>${P2}</p>
     <div class="newsletter-signup"><p>Get the morning briefing in your inbox. Sign up for our newsletter today, it is free.</p></div>
     <h2>Why residents wanted it</h2>
     <p>${P3}</p>
     <p>The plan includes three parts:</p>
     <ul><li>A concrete wall two feet higher than the current one</li><li>New pumps under the pier parking lot</li><li>A public walkway on top of the wall</li></ul>
     <blockquote><p>We have waited long enough for the water to stop coming into our homes.</p><footer>— Amara Okafor, a pier resident</footer></blockquote>
     <h3>The vote against</h3>
     <p>${P4}</p>
     <figure><blockquote>Marsh restoration would protect us for less money and help the fish too.</blockquote><figcaption>Rosa Delgado</figcaption></figure>
     <p>${P5}</p>
     <p class="photo-credit">Photo by Lena Park for the Coast Ledger</p>
     <p>${P6}</p>
     <p>Photo: Waves over the pier on a stormy night last winter, seen from the harbor.</p>
     <p>Staff writer Sam Ito contributed to this report.</p>
     <p>(Reuters)</p>
     <h2>Related stories</h2>
     <ul><li><a href="/a">Storm season forecast for the coast is out now</a></li><li><a href="/b">Fishing fleet numbers fall for the third year</a></li></ul>`,
    `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":"NewsArticle","headline":"Harbor City votes to rebuild seawall","datePublished":"2024-02-12T18:04:00-05:00","articleSection":"Local"}]}</script>`,
  );
  const article = extractArticle({ content: html });

  it("keeps prose, list items and block quotes in reading order, and nothing else", () => {
    expect(article.paragraphs).toEqual([
      P1,
      P2,
      P3,
      "The plan includes three parts:",
      "A concrete wall two feet higher than the current one",
      "New pumps under the pier parking lot",
      "A public walkway on top of the wall",
      "We have waited long enough for the water to stop coming into our homes.",
      P4,
      "Marsh restoration would protect us for less money and help the fish too.",
      P5,
      P6,
    ]);
    expect(article.paragraphKinds).toEqual(["paragraph", "paragraph", "paragraph", "paragraph", "list-item", "list-item", "list-item", "blockquote", "paragraph", "blockquote", "paragraph", "paragraph"]);
  });

  it("attributes block quotes to the speaker named in their footer or their figure's caption", () => {
    expect(article.quoteSpeakers[7]).toBe("Amara Okafor");
    expect(article.quoteSpeakers[9]).toBe("Rosa Delgado");
    expect(article.quoteSpeakers.filter(Boolean)).toHaveLength(2);
  });

  it("turns h2-h4 headings into sections that start at the right paragraph", () => {
    expect(article.sections).toEqual([
      { title: "Why residents wanted it", firstParagraph: 2 },
      { title: "The vote against", firstParagraph: 8 },
    ]);
  });

  it("reads the date from JSON-LD inside @graph, skipping the web page's own date", () => {
    expect(article.date).toBe("2024-02-12");
    expect(article.dateSource).toBe("json-ld");
    expect(article.title).toBe("Harbor City votes to rebuild seawall");
  });

  it("keeps the rest of the page after an unclosed <textarea>", () => {
    const broken = page(`<p>${P1}</p><p>${P2}</p><form><textarea name="comment">Leave a comment<p>${P3}</p><p>${P4}</p><p>${P5}</p>`);
    const result = extractArticle({ content: broken });
    expect(result.paragraphs).toEqual([P1, P2, P3, P4, P5]);
  });

  it("keeps the rest of the page after a stray <body> or </body> in the middle", () => {
    const broken = page(`<p>${P1}</p><p>${P2}</p></body><body class="x"><p>${P3}</p></body></html><p>${P4}</p><p>${P5}</p>`);
    expect(extractArticle({ content: broken }).paragraphs).toEqual([P1, P2, P3, P4, P5]);
  });

  it("still drops closed scripts and textareas with their contents", () => {
    const repaired = repairHtml(`<p>a</p><textarea>secret draft</textarea><script>alert(1)</script><textarea>unclosed<p>b</p>`);
    expect(repaired).toContain("<textarea>secret draft</textarea>");
    expect(repaired).toContain("<script>alert(1)</script>");
    expect(repaired).toContain("unclosed<p>b</p>");
    expect(repaired.match(/<textarea>/g)).toHaveLength(1);
    const result = extractArticle({ content: page(`<p>${P1}</p><textarea>secret draft words</textarea><p>${P2}</p><p>${P3}</p><p>${P4}</p>`) });
    expect(result.paragraphs.join(" ")).not.toContain("secret draft");
  });
});

describe("dates", () => {
  const body = `<p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p>`;
  it.each([
    ['<meta property="article:published_time" content="2017-07-31T10:00:00Z">', "2017-07-31"],
    ['<meta name="parsely-pub-date" content="2017-07-30T22:00:00Z">', "2017-07-30"],
    ['<meta name="parsely-page" content=\'{"title":"x","pub_date":"2016-05-04T09:00:00Z"}\'>', "2016-05-04"],
    ['<meta name="DC.date" content="2015-03-02">', "2015-03-02"],
    ['<meta itemprop="datePublished" content="2014-11-20">', "2014-11-20"],
    ['<meta name="sailthru.date" content="2013-09-09 08:15:00">', "2013-09-09"],
  ])("reads %s", (meta, date) => {
    const result = extractArticle({ content: page(body, meta) });
    expect(result.date).toBe(date);
    expect(result.dateSource).toBe("meta");
  });

  it("falls back to the date in the URL, then to a dateline", () => {
    const fromUrl = extractArticle({ content: page(body, '<link rel="canonical" href="https://coast.example.com/2017/07/31/seawall-vote">') });
    expect(fromUrl).toMatchObject({ date: "2017-07-31", dateSource: "url" });
    const fromDateline = extractArticle({ content: `Harbor City votes to rebuild seawall\n\nPublished July 31, 2017 at 4:05 p.m.\n\n${P1}\n\n${P2}\n\n${P3}\n\n${P4}` });
    expect(fromDateline).toMatchObject({ date: "2017-07-31", dateSource: "dateline" });
  });

  it("lets a given date win, and does not take an event date inside a sentence for the dateline", () => {
    expect(extractArticle({ content: page(body, '<meta name="DC.date" content="2015-03-02">'), date: "2020-10-10" })).toMatchObject({ date: "2020-10-10", dateSource: "given" });
    const noDate = extractArticle({ content: `${P1} It was first proposed on March 3, 2021, by the mayor.\n\n${P2}\n\n${P3}\n\n${P4}` });
    expect(noDate.date).toBeUndefined();
  });

  it("parses URL and text dates strictly", () => {
    expect(dateFromUrl("https://x.example/news/2019/02/30/story")).toBeUndefined();
    expect(dateFromUrl("https://x.example/2019-02-28/story.html")).toBe("2019-02-28");
    expect(dateFromText("Updated 31 July 2017, 10:01")).toBe("2017-07-31");
    expect(dateFromText("Sept. 4, 2018")).toBe("2018-09-04");
  });
});

describe("Markdown extraction", () => {
  const md = `---\nlayout: post\n---\n# Harbor City votes to rebuild seawall\n\n![The pier](pier.jpg)\n*Photo: Coast Ledger*\n\n${P1}\n\n${P2}\n\n## Why residents wanted it\n\n${P3}\n\nThe plan has three parts:\n\n- A concrete wall two feet higher\n- New pumps under the **pier** parking lot\n- A public walkway on top of the wall\n\n> We have waited long enough for the water to stop coming into our homes.\n> — Amara Okafor\n\n### The vote against\n\n${P4}\n\n${P5}\n\n_Sam Ito contributed to this report._\n`;
  const article = extractArticle({ content: md });

  it("keeps headings as sections, list items and quotes with their speaker, and drops captions and credits", () => {
    expect(article.format).toBe("markdown");
    expect(article.title).toBe("Harbor City votes to rebuild seawall");
    expect(article.paragraphs).toEqual([
      P1,
      P2,
      P3,
      "The plan has three parts:",
      "A concrete wall two feet higher",
      "New pumps under the pier parking lot",
      "A public walkway on top of the wall",
      "We have waited long enough for the water to stop coming into our homes.",
      P4,
      P5,
    ]);
    expect(article.paragraphKinds.slice(3, 8)).toEqual(["paragraph", "list-item", "list-item", "list-item", "blockquote"]);
    expect(article.quoteSpeakers[7]).toBe("Amara Okafor");
    expect(article.sections).toEqual([
      { title: "Why residents wanted it", firstParagraph: 2 },
      { title: "The vote against", firstParagraph: 8 },
    ]);
  });
});

describe("plain-text extraction", () => {
  const text = [
    "Watch CBS News",
    "Harbor City votes to rebuild seawall",
    `HARBOR CITY (AP) — ${P1}`,
    "Seawall vote explained 02:14",
    P2,
    "Mayor Tom Reyes welcomed the result and listed what comes next. He also said:",
    "- Engineers will publish the design by March\n- Residents get two public hearings\n• The pier stays open to boats",
    "Why residents wanted it",
    P3,
    "Photo: Waves over the pier on a stormy night last winter.",
    P4,
    "Sign up for our morning newsletter",
    "Related:",
    "- Storm season forecast for the coast\n- Fishing fleet numbers fall again",
    P5,
    "Associated Press writer Sam Ito contributed to this report.",
  ].join("\n\n");
  const article = extractArticle({ content: text });

  it("keeps the list after “He also said:” and the heading, and drops furniture, captions, related links and credits", () => {
    expect(article.title).toBe("Harbor City votes to rebuild seawall");
    expect(article.paragraphs).toEqual([
      P1,
      P2,
      "Mayor Tom Reyes welcomed the result and listed what comes next. He also said:",
      "Engineers will publish the design by March",
      "Residents get two public hearings",
      "The pier stays open to boats",
      P3,
      P4,
      P5,
    ]);
    expect(article.paragraphKinds).toEqual(["paragraph", "paragraph", "paragraph", "list-item", "list-item", "list-item", "paragraph", "paragraph", "paragraph"]);
    expect(article.sections).toEqual([{ title: "Why residents wanted it", firstParagraph: 6 }]);
    expect(article.genre).toBe("news");
  });
});

describe("genre detection", () => {
  const news = [P1, P2, P3, P4, P5, P6];

  it("calls reported news news", () => {
    expect(detectGenre({ title: "Harbor City votes to rebuild seawall", paragraphs: news, hasDateline: true }).genre).toBe("news");
  });

  it("uses the page's section, URL path and schema type", () => {
    expect(detectGenre({ title: "The seawall is a mistake", paragraphs: news, url: "https://coast.example.com/opinion/2024/02/12/seawall" }).genre).toBe("opinion");
    expect(detectGenre({ title: "Seawall", paragraphs: news, section: "Analysis" }).genre).toBe("analysis");
    expect(detectGenre({ title: "Seawall", paragraphs: news, schemaType: "OpinionNewsArticle" }).genre).toBe("opinion");
  });

  it("finds a column from first person and evaluative language", () => {
    const column = [
      "I have lived two blocks from the pier for most of my life, and I have never seen the council make a more reckless choice than the one it made on Monday.",
      "My neighbors deserve protection from the water. But a $48 million wall is the wrong answer, and I think the council knows it.",
      "We should restore the marsh first. It is cheaper, it protects the fish, and it would have been ready years before any wall.",
      "Why does the council keep choosing concrete? Why does it never ask the people who fish here?",
      "It is time for the council to admit that the marsh plan was the wiser one, and I hope voters remember this vote in November.",
      "I will be at the next meeting, and I urge my neighbors to come too, because the design is not final and we must be heard.",
    ];
    const verdict = detectGenre({ title: "The council chose the wrong wall", paragraphs: column });
    expect(verdict.genre).toBe("opinion");
    expect(verdict.cues.some((c) => c.includes("first person"))).toBe(true);
  });

  it("finds an interview from question-and-answer turns", () => {
    const turns = [
      "Rosa Delgado has served on the Harbor City council for six years. We spoke after Monday's vote.",
      "Q: Why did you vote against the seawall?",
      "A: Because I think the marsh would protect the same homes for less money, and the engineers told us so in 2022.",
      "Q: What happens now?",
      "A: The design goes out for comment, and I will push for the marsh to be part of it.",
      "Q: Do you expect to win that argument?",
      "A: Not this year, but the grant rules give us another chance in the spring.",
    ];
    expect(detectGenre({ title: "A council member on her seawall vote", paragraphs: turns }).genre).toBe("interview");
  });

  it("finds an explainer and a scene-setting feature", () => {
    expect(detectGenre({ title: "Explainer: what the seawall vote means for the pier", paragraphs: news }).genre).toBe("analysis");
    const feature = [
      "On a gray morning in late January, Amara Okafor stood in her basement in rubber boots and watched the harbor come up through the floor drain, the way it does every winter.",
      "She is 71 and has lived on Pier Street since the fishing boats still unloaded at dawn. Her late husband built the shelves that now hold sandbags instead of jam.",
      ...news,
      "Okafor went to every meeting. When the vote came on Monday, she was in the front row, and she did not cheer, because she has heard promises before.",
    ];
    expect(detectGenre({ title: "The woman who waited for the wall", paragraphs: [...feature, ...feature] }).genre).toBe("feature");
  });
});
