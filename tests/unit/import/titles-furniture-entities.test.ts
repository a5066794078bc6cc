/**
 * Article import v2 (issue #13, the sixth blind rating): headlines found in messy pages and pastes (never
 * "Untitled article" when the page has one, never the headline as the first paragraph), page furniture in the forms
 * the rating found (print-edition notes, "Source: Supplied", image descriptions, share and comment counts, "Powered
 * by", cookie banners), wire datelines with a state, and organisations, ships and places named like people kept
 * out of the people list while titled surnames ("Sen. Halvorsen") stay in. All sample text written for these tests.
 */
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/import/analyze";
import { canBePerson, treatedAsThing } from "@/lib/import/analyze/entities";
import { extractArticle, isHeadlineLike } from "@/lib/import/extract";

const H = "Cooling centres stay open late as heat wave drags on";
const P1 = "Cooling centres in Greyford will stay open until midnight through Sunday, city officials said Monday, as a heat wave that began on Aug. 3 showed no sign of breaking.";
const P2 = "The weather office in Carrow said afternoon temperatures would stay above 100 degrees for at least five more days. Overnight lows have not dropped below 80 degrees since last Tuesday.";
const P3 = "Councilmember Aisha Thornbury, who chairs the council's health committee, said the late hours were meant for people who work day shifts and come home to apartments without air conditioning.";
const BODY = [P1, P2, P3];

const extract = (content: string) => extractArticle({ content: Buffer.from(content, "utf8") });
const html = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;
const paras = BODY.map((p) => `<p>${p}</p>`).join("\n");

describe("HTML headline when <title> or og:title is site furniture", () => {
  it.each([
    ["an <h1> under a site-name <title>", html(`<title>Valley Dispatch | Local news, weather</title>`, `<h1>${H}</h1>${paras}`)],
    ["an <h1> under a site-name og:title", html(`<title>Home - Valley Dispatch</title><meta property="og:title" content="Valley Dispatch">`, `<h1>${H}</h1>${paras}`)],
    ["og:title equal to og:site_name", html(`<meta property="og:site_name" content="The Valley Dispatch"><meta property="og:title" content="The Valley Dispatch">`, `<h1>${H}</h1>${paras}`)],
    ["only a JSON-LD headline", html(`<title>Valley Dispatch - News</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"${H}","datePublished":"2026-08-11"}</script>`, paras)],
    ["a headline paragraph in the body", html(`<title>Valley Dispatch - News</title>`, `<p class="hed"><strong>${H}</strong></p><p>By Marcus Delgado-Reyes</p>${paras}`)],
    ["a headline paragraph and no <title>", html(``, `<p>${H}</p><p>Updated 3 hours ago</p>${paras}`)],
    ["a <title> with the site after the headline", html(`<title>${H} | Valley Dispatch</title>`, paras)],
    ["a <title> with the site's long name after the headline", html(`<title>${H} - Valley Dispatch News</title><meta property="og:site_name" content="Valley Dispatch News">`, paras)],
  ])("takes %s", (_label, page) => {
    const article = extract(page);
    expect(article.title).toBe(H);
    expect(article.paragraphs[0]).toBe(P1);
    expect(article.paragraphs.some((p) => p.includes(H))).toBe(false);
  });

  it("keeps a real og:title that differs from the <h1>", () => {
    const article = extract(html(`<meta property="og:title" content="Greyford keeps cooling centres open until midnight">`, `<h1>${H}</h1>${paras}`));
    expect(article.title).toBe("Greyford keeps cooling centres open until midnight");
  });
});

describe("plain-text headline", () => {
  const text = BODY.join("\n\n");
  it.each([
    ["a first line over the story", `${H}\n${BODY.join("\n\n")}`, H],
    ["a question", `Will Greyford keep its cooling centres open all week?\n\n${text}`, "Will Greyford keep its cooling centres open all week?"],
    ["a closing period", `${H}.\n\n${text}`, H],
    ["the site's name after a bar", `${H} | Valley Dispatch\n\n${text}`, H],
    ["a menu pasted above it", `Skip to content\nMenu\nSearch\n\nValley Dispatch\n\n${H}\n\nBy Marcus Delgado-Reyes\n\n${text}`, H],
    ["a byline and an Updated line under it", `${H}\nBy Marcus Delgado-Reyes\nUpdated 3 hours ago\n\n${text}`, H],
  ])("takes %s", (_label, content, title) => {
    const article = extract(content);
    expect(article.title).toBe(title);
    expect(article.paragraphs[0]).toBe(P1);
  });

  it("does not take a story's long opening sentence for a headline", () => {
    const article = extract(text);
    expect(article.title).not.toBe(P1);
    expect(article.paragraphs[0]).toBe(P1);
  });

  it("strips a wire dateline with a state abbreviation", () => {
    const article = extract(`${H}\n\nGREYFORD, Ariz. (AP) — ${text}`);
    expect(article.paragraphs[0]).toBe(P1);
  });

  it("tells headline lines from furniture lines", () => {
    expect(isHeadlineLike(H)).toBe(true);
    for (const line of ["Skip to content", "Share 18 · Comments 42", "14 comments", "Updated 3 hours ago", "By Marcus Delgado-Reyes", "Powered by Quillsoft", "Facebook Twitter Email", "4 min read"]) {
      expect(isHeadlineLike(line), line).toBe(false);
    }
  });
});

describe("page furniture in new forms", () => {
  const furniture = [
    "Crews work on a damaged transformer beside Pier 4 on Tuesday morning. Source: Supplied",
    "Image description: a ferry tied up at an empty pier in heavy rain.",
    "Print edition: A version of this article appears on page A3 of the Oct. 15 edition.",
    "This article appeared in the print edition of the Valley Dispatch on Aug. 12.",
    "Share 18 · Comments 42",
    "42 comments",
    "Facebook  Twitter  Email",
    "Last updated: 3 hours ago · 4 min read",
    "Powered by Civitas Local Publishing",
    "This site uses cookies to improve your experience. By continuing to browse the site you are agreeing to our use of cookies and our updated privacy notice.",
    "Get the Morning Tide newsletter in your inbox every weekday.",
    "Alt text: Visitors rest on cots at the library.",
    "[Image: volunteers hand out water]",
    "Correction: An earlier version of this article misstated the number of homes without power.",
    "Related: Storm Oskar expected to weaken by Wednesday night",
    "Read more: Where to charge your phone during the outage",
  ];

  it("drops each from an HTML page", () => {
    const article = extract(html(`<title>${H}</title>`, [`<p>${P1}</p>`, ...furniture.map((f) => `<p>${f}</p>`), `<p>${P2}</p>`, `<p>${P3}</p>`].join("\n")));
    expect(article.paragraphs).toEqual(BODY);
  });

  it("drops each from a plain-text paste", () => {
    const article = extract([H, P1, ...furniture, P2, P3].join("\n\n"));
    expect(article.title).toBe(H);
    expect(article.paragraphs).toEqual(BODY);
  });

  it("keeps story sentences that mention print, sources or comments", () => {
    const story = [
      "The county said the source of the outbreak was a supplied water tank at the fairground, and inspectors closed it on Friday.",
      "More than 40 comments were submitted to the council before the vote, most of them opposed to the new parking fees.",
      "The newspaper, which stopped its print edition in 2019, said it would publish the report online on Monday.",
    ];
    const article = extract([H, P1, ...story, P2].join("\n\n"));
    expect(article.paragraphs).toEqual([P1, ...story, P2]);
  });
});

describe("people and organisations named alike", () => {
  it.each([
    ["Cordell Edison", "Cordell Edison, the utility that serves the coast, said it had restored power."],
    ["Brightwater Holdings", "Brightwater Holdings reported a loss."],
    ["Henrietta Lowe", "The largest ferry, the Henrietta Lowe, could load passengers."],
    ["Emmeline Shaw", "The tour boat Emmeline Shaw will stop running in June."],
    ["Marta Kell", "A spokeswoman for Marta Kell said the stores would reopen."],
    ["Delmar Concrete", "Delmar Concrete said it expected 200 workers on site."],
    ["Ravel Okoro", "Ravel Okoro said it would cut 300 jobs. The company has 4,000 workers."],
    ["Fenwick Landing", "He runs a bait shop near Fenwick Landing."],
  ])("%s is not a person", (name, text) => {
    // The rule that says so (a last word only organisations have, or how the sentence treats the name).
    expect(!canBePerson(name) || treatedAsThing(name, text)).toBe(true);
    const entities = analyzeArticle(extract([H, P1, text, P2, P3].join("\n\n")), { glossary: [] }).entities;
    expect(entities.filter((e) => e.kind === "person").map((e) => e.name)).not.toContain(name);
  });

  it("keeps people with a person's cue even beside a company word", () => {
    expect(treatedAsThing("Lydia Okafor", "Lydia Okafor, a spokeswoman for the company, said she would call back.")).toBe(false);
    expect(treatedAsThing("Dana Whitcombe", "said Dana Whitcombe, the bureau's regional director.")).toBe(false);
    expect(treatedAsThing("Tomasz Wren", "Tomasz Wren, who runs a bait shop, said he had lost his stock.")).toBe(false);
  });

  it("keeps titled surnames and resolves a role set before a name", () => {
    const text = [
      H,
      P1,
      "Sen. Halvorsen, who represents the coast, said he had asked Gov. Ibarra to declare a local emergency. Halvorsen said the request was sent on Monday.",
      "The mayor, Renata Quill, called the outage a warning. Quill said the city would ask for a generator.",
      P2,
      P3,
    ].join("\n\n");
    const people = analyzeArticle(extract(text), { glossary: [] }).entities.filter((e) => e.kind === "person");
    const byName = new Map(people.map((p) => [p.name, p]));
    expect(byName.get("Halvorsen")?.roles).toContain("senator");
    expect(byName.get("Ibarra")?.roles).toContain("governor");
    expect(byName.get("Renata Quill")?.roles).toContain("mayor");
    expect(byName.get("Renata Quill")?.variants).toContain("Quill");
    expect(people.filter((p) => /Quill|Halvorsen/.test(p.name))).toHaveLength(2);
  });
});

describe("publication date on messy pages", () => {
  it("reads the article's JSON-LD date, not the site's WebPage date", () => {
    const ld = `{"@graph":[{"@type":"WebPage","datePublished":"2019-03-01"},{"@type":"NewsArticle","headline":"${H}","datePublished":"2026-08-11T06:04:00-07:00"}]}`;
    const article = extract(html(`<title>Valley Dispatch</title><script type="application/ld+json">${ld}</script>`, `<p>Updated 3 hours ago</p>${paras}`));
    expect([article.date, article.dateSource]).toEqual(["2026-08-11", "json-ld"]);
  });

  it("reads a date in the address when the page has no date tags", () => {
    const article = extract(html(`<title>Home - Valley Dispatch</title><link rel="canonical" href="https://valleydispatch.example/2026/08/11/cooling-centres/">`, `<h1>${H}</h1><p>Share 18 · Comments 42</p>${paras}`));
    expect([article.title, article.date, article.dateSource]).toEqual([H, "2026-08-11", "url"]);
  });

  it("reads the byline's date line in a paste, not an 'Updated … ago' line or a date in the story", () => {
    const article = extract(`${H}\nBy Marcus Delgado-Reyes\nUpdated 3 hours ago\nAug. 11, 2026 6:04 p.m.\n\n${BODY.join("\n\n")}`);
    expect([article.date, article.dateSource]).toEqual(["2026-08-11", "dateline"]);
    expect(extract(`${H}\nUpdated 3 hours ago\n\n${BODY.join("\n\n")}`).date).toBeUndefined();
  });
});
