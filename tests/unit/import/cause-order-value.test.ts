/**
 * Import v2.4: cause and effect only between full clauses (across two sentences when it can, tagged recall when the
 * "because" sits in the effect's own sentence), ordering items only from clean past events with distinct dates, the
 * value gate on recall items (central sentences, numbers that matter, no give-away blanks) and the main idea's
 * attributed lead and standfirst. All texts are made up for these tests.
 */
import { describe, expect, it } from "vitest";
import { draftFromArticle } from "@/lib/import";
import { findCauses } from "@/lib/import/analyze/causes";
import { hasFiniteVerb, isFullClause, isPastEvent } from "@/lib/import/analyze/clauses";
import { captionParagraphs } from "@/lib/import/generators/cause-effect";
import { eventClause, listedAwayFrom } from "@/lib/import/generators/timeline";
import { datesDistinct, orderingEventProblem, orderingItemsProblem } from "@/lib/import/gates/ordering";
import { numberProblem, obviousBlank, revealsOrder, swappedPart } from "@/lib/import/gates/trivia";
import type { DateMention, DraftQuestion, Sentence } from "@/lib/import/types";

const sentence = (id: string, text: string, paragraph = 0): Sentence => ({ id, paragraph, anchor: `p${paragraph + 1}`, text, words: text.split(/\s+/).length, kind: "paragraph", section: -1 });
const date = (sentenceId: string, text: string, iso: string): DateMention => ({ sentenceId, text, iso, precision: iso.length === 4 ? "year" : iso.length === 7 ? "month" : "day", explicit: true, certain: true });

describe("clauses", () => {
  it("tells a full clause from a fragment, a noun phrase or a gerund phrase", () => {
    expect(isFullClause("The council delayed the vote on the harbour plan")).toBe(true);
    expect(isFullClause("There is no money left in the repair fund")).toBe(true);
    expect(isFullClause("After the storm flooded the depot, the city moved its buses")).toBe(true);
    expect(isFullClause("Don't undo things just")).toBe(false);
    expect(isFullClause("Threatening calls to the county offices")).toBe(false);
    expect(isFullClause("Although no damage was found, many of the calls")).toBe(false);
    expect(isFullClause("the closure of the bridge")).toBe(false);
    expect(hasFiniteVerb("The mayor signed the order")).toBe(true);
  });

  it("knows a past event with an actor from a forecast, a plan, a statistic or a pronoun", () => {
    expect(isPastEvent("The county commission voted 4-1 to study a new bridge.")).toBe(true);
    expect(isPastEvent("Rebels blew up the two pipelines near the border.")).toBe(true);
    expect(isPastEvent("The agency expects ridership to reach 40,000 a day.")).toBe(false);
    expect(isPastEvent("Unemployment rose 3.2 percent to 4,100 claims.")).toBe(false);
    expect(isPastEvent("The council will vote on the plan.")).toBe(false);
    expect(isPastEvent("She signed the order the same day.")).toBe(false);
  });
});

describe("causes", () => {
  it("marks whether both sides are full clauses, within a sentence and across two", () => {
    const causes = findCauses([
      sentence("s1", "The river rose three feet overnight and flooded the rail depot.", 0),
      sentence("s2", "As a result, the transit agency suspended service on the north line.", 0),
      sentence("s3", "The school closed early because of the storm warning.", 1),
      sentence("s4", "The clerk delayed the count because two ballot boxes arrived unsealed.", 2),
    ]);
    const across = causes.find((c) => c.sentenceId === "s2")!;
    expect(across).toMatchObject({ causeSentenceId: "s1", clauses: true });
    expect(across.effect).toBe("the transit agency suspended service on the north line");
    expect(causes.find((c) => c.sentenceId === "s3")?.clauses).toBe(false);
    expect(causes.find((c) => c.sentenceId === "s4")).toMatchObject({ clauses: true, cause: "two ballot boxes arrived unsealed" });
  });
});

describe("captions", () => {
  it("finds a dated scene line or a credit, but not a short verbless answer", () => {
    const found = captionParagraphs([
      { paragraph: 0, text: "Volunteers at a shelter in Marlow on Tuesday.", verbless: true },
      { paragraph: 0, text: "The shelter took in 40 families.", verbless: false },
      { paragraph: 1, text: "Rarely.", verbless: true },
      { paragraph: 1, text: "Only twice has the assembly removed a government.", verbless: false },
      { paragraph: 2, text: "(Reuters)", verbless: true },
    ]);
    expect([...found].sort()).toEqual([0, 2]);
  });
});

describe("ordering events", () => {
  it("rewrites an event as a short clause without its date, or drops it", () => {
    const s = "The complaint says that on or about May 2, 2024, Dorr sent a threatening letter to the county clerk.";
    expect(eventClause(s, [date("s1", "May 2, 2024", "2024-05-02")])).toBe("The complaint says that Dorr sent a threatening letter to the county clerk.");
    expect(eventClause("Additionally, the board fired its treasurer in March 2021.", [date("s1", "March 2021", "2021-03")])).toBe("The board fired its treasurer.");
    // Two dates are two events; a forecast is no event; "first" tells the order.
    expect(eventClause("A tariff was added in 2017, and a quota followed in 2019.", [date("s1", "in 2017", "2017"), date("s1", "in 2019", "2019")])).toBeUndefined();
    expect(eventClause("In 2030, the port is expected to handle twice the cargo.", [date("s1", "In 2030", "2030")])).toBeUndefined();
    expect(eventClause("The first strike at the port was called in 1998 by the dockworkers' union.", [date("s1", "1998", "1998")])).toBeUndefined();
    expect(eventClause("Instead, parents found out from a notice in July 2022.", [date("s1", "July 2022", "2022-07")])).toBeUndefined();
  });

  it("refuses items that show a date, hang, are cut short or are no event", () => {
    expect(orderingEventProblem("The council voted to close the pool.")).toBeUndefined();
    expect(orderingEventProblem("The indictment charges that beginning on or about, and continuing, Dorr made calls.")).toMatch(/hanging/);
    expect(orderingEventProblem("The council voted to close the pool and…")).toMatch(/cut short/);
    expect(orderingEventProblem("Later, the council voted to reopen the pool.")).toMatch(/order/);
    expect(orderingEventProblem("Turnout was 41 percent, up from 35 percent.")).toBeDefined();
    expect(orderingItemsProblem(["The council voted to close the pool.", "The pool reopened in 2019."])).toMatch(/2019/);
  });

  it("needs dates that can be told apart", () => {
    expect(datesDistinct(["1997", "1998", "2003-05"])).toBe(true);
    expect(datesDistinct(["2017", "2017-03-07"])).toBe(false);
  });
});

describe("value gate", () => {
  it("asks a number only when it is the point: in the lead, compared or repeated", () => {
    const s = "The city filled 18,204 potholes on its side streets.";
    expect(numberProblem(s, "18,204", false, 1)).toMatch(/not the story's point/);
    expect(numberProblem(s, "18,204", true, 1)).toBeUndefined();
    expect(numberProblem(s, "18,204", false, 2)).toBeUndefined();
    expect(numberProblem("The city filled 18,204 potholes, up from 9,000 a year earlier.", "18,204", false, 1)).toBeUndefined();
  });

  it("refuses a blank the sentence or the headline already shows", () => {
    expect(obviousBlank("Portuguese {{blank}} Ana Ribeiro called an early election.", "Prime Minister", "")).toMatch(/title/);
    expect(obviousBlank("The {{blank}} were lifted, and the sanctions office closed.", "sanctions", "")).toMatch(/elsewhere/);
    expect(obviousBlank("Some militia leaders will still face {{blank}}.", "sanctions", "Council to Lift Trade Sanctions")).toMatch(/headline/);
    expect(obviousBlank("If the county misses the deadline, the {{blank}} can be restored.", "embargo", "Council to Lift Trade Sanctions")).toBeUndefined();
  });

  it("finds what a true/false swap changed, so a swapped date is judged like a number", () => {
    expect(swappedPart("Dorr sent a letter on or about May 2, 2024, to the clerk.", "Dorr sent a letter on or about June 2, 2024, to the clerk.")).toBe("May");
  });

  it("keeps an ordering item and a recall item on one of its events apart", () => {
    const ordering = { type: "ordering", items: [{ id: "e1", text: "The assembly removed the government of Leo Haas." }], answer: ["e1"], skills: ["chronology"], evidence: "" } as unknown as DraftQuestion;
    const tf = { type: "true_false", prompt: "True or false? In 1987, the assembly removed the government of Leo Haas.", skills: ["recall"], evidence: "In 1987, the assembly removed the government of Leo Haas." } as unknown as DraftQuestion;
    expect(revealsOrder(ordering, tf)).toBe(true);
    expect(revealsOrder(tf, { ...tf, evidence: "Voters chose a new assembly." })).toBe(false);
  });
});

const FERRY = `Harbour Board Halts Ferry Fare Rise After Protest

The Kestrel Bay harbour board has halted a planned rise in ferry fares after hundreds of island residents protested at its meeting, board members said Tuesday.

The board had proposed raising the return fare from 12 dollars to 18 dollars to pay for two new engines. Residents packed the hall and many of them spoke against the plan for more than three hours.

In 1994, a storm sank the old ferry Greylag off the north point. The board bought two smaller boats to replace it. In 2008, the island council sold its share of the ferry company to a private firm. The firm lost its licence in 2016 after inspectors found cracked hulls on both boats.

The island's only school relies on the ferry to bring teachers from the mainland. Nurses at the clinic cross twice a day. The chamber of commerce warned that shops on the island would lose customers.

Engineers told the board the engines on the newer boat were failing. As a result, the board cancelled the Sunday evening crossing last month. Islanders now wait for the first morning boat on Mondays.

The board chair, Ilse Brandvold, said the board would look for a state grant instead. "We heard the island loud and clear," she said. A new vote on the fares is planned for the spring.

Fishing crews say the harbour itself needs dredging. The board set aside money for a survey of the channel, and a contractor measured the depth of the inner basin.`;

describe("the pipeline on a short story of our own", () => {
  const draft = draftFromArticle({ content: FERRY, date: "2026-03-11" }, { glossary: [] });

  it("asks cause and effect across two sentences, with full-clause choices from elsewhere in the article", () => {
    const item = draft.questions.find((q) => q.generator === "cause-effect");
    if (item?.type !== "single") throw new Error("no cause-effect item");
    expect(item.skills[0]).toBe("cause-effect");
    expect(item.prompt).toMatch(/^According to the article, what led to this: “The board cancelled the Sunday evening crossing last month”\?$/);
    const key = item.choices.find((c) => c.id === item.answer)!.text;
    expect(key).toBe("Engineers told the board the engines on the newer boat were failing");
    for (const choice of item.choices) {
      expect(isFullClause(choice.text), choice.text).toBe(true);
      expect(choice.text).not.toMatch(/Halts Ferry Fare|Islanders now wait|Nurses at the clinic/);
    }
  });

  it("orders only clean, dated past events and shows none of their dates", () => {
    const ordering = draft.questions.find((q) => q.type === "ordering");
    if (ordering?.type !== "ordering") throw new Error("no ordering item");
    expect(ordering.items.length).toBeGreaterThanOrEqual(3);
    for (const item of ordering.items) expect(orderingEventProblem(item.text), item.text).toBeUndefined();
    const texts = ordering.answer.map((id) => ordering.items.find((i) => i.id === id)!.text);
    expect(texts[0]).toBe("A storm sank the old ferry Greylag off the north point.");
    // Neither the listed order nor the ids (both reach the browser) give the key away.
    const listed = ordering.items.map((i) => i.id);
    expect(listed).not.toEqual(ordering.answer);
    expect(listed).not.toEqual([...ordering.answer].reverse());
    expect([...ordering.answer].sort()).not.toEqual(ordering.answer);
  });

  it("lists ordering items in an order drawn from their text that is never the answer or its reverse", () => {
    for (let n = 3; n <= 5; n += 1) {
      for (let variant = 0; variant < 40; variant += 1) {
        const answer = Array.from({ length: n }, (_, i) => `Event ${i} of story ${variant}`);
        const listed = listedAwayFrom(answer);
        expect([...listed].sort()).toEqual([...answer].sort());
        expect(listed).not.toEqual(answer);
        expect(listed).not.toEqual([...answer].reverse());
        expect(listedAwayFrom(answer)).toEqual(listed);
      }
    }
  });

  it("keys the attributed lead as the main idea", () => {
    const main = draft.questions.find((q) => q.generator === "main-idea");
    if (main?.type !== "single") throw new Error("no main-idea item");
    expect(main.choices.find((c) => c.id === main.answer)!.text).toMatch(/^The Kestrel Bay harbour board has halted a planned rise in ferry fares/);
  });
});
