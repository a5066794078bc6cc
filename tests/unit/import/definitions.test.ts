/**
 * In-text definitions (blind rating 6: 11 wrong senses in 81 glossary entries, several taken from an aside in
 * brackets). Only real definitions count: appositives, brackets and dashes that say what a kind of thing is, "known
 * as", "refers to", "means"; asides about one person or photo (party and state, "pictured", ages, "who declined to
 * comment", "file photo") never do. Acronyms spelled out are recorded as what they stand for.
 */
import { describe, expect, it } from "vitest";
import { acronymExpansions, asideReason, definitionProblem, inTextDefinitions } from "@/lib/import/analyze/definitions";
import type { Sentence } from "@/lib/import/types";

const sentences = (texts: string[]): Sentence[] => texts.map((text, i) => ({ id: `s${i + 1}`, paragraph: i, anchor: `p${i + 1}`, text, words: text.split(/\s+/).length, kind: "paragraph", section: -1 }));
const defined = (texts: string[]) => Object.fromEntries(inTextDefinitions(sentences(texts)).map((d) => [d.term, d.definition]));

describe("real in-text definitions", () => {
  it("reads appositives, brackets, dashes, known as, refers to and means", () => {
    const found = defined([
      "Senators threatened a filibuster, a tactic that lets a minority of members delay a final vote, before the recess.",
      "The county needs a quorum (the minimum number of commissioners who must be present to act) before it can adopt the levy.",
      "Republicans turned to reconciliation — a budget procedure that needs only a simple majority in the Senate — to pass the cuts.",
      "Lawmakers used a budget procedure that avoids a long debate, known as reconciliation, twice last year.",
      "The term “gerrymandering” refers to drawing district lines so that one party wins more seats than its share of votes.",
      "Redistricting refers to the redrawing of legislative district boundaries after each census count.",
      "The phrase “sine die” means without setting a day to meet again.",
      "The council approved sanctions, or money penalties, for landlords who ignore repair orders.",
      "Stallholders sell ka'ak (sesame bread rings) and medames (slow-cooked fava beans) until midnight.",
    ]);
    expect(found.filibuster).toMatch(/^A tactic that lets a minority/);
    expect(found.quorum).toMatch(/^The minimum number of commissioners/);
    expect(found.reconciliation).toMatch(/^A budget procedure that needs only a simple majority/);
    expect(found.gerrymandering).toMatch(/^Drawing district lines/);
    expect(found.redistricting).toMatch(/^The redrawing of legislative district boundaries/);
    expect(found["sine die"]).toMatch(/^Without setting a day/);
    expect(found.sanctions).toBe("Money penalties");
    expect(found["ka'ak"]).toBe("Sesame bread rings");
    expect(found.medames).toBe("Slow-cooked fava beans");
  });

  it("never takes an aside in brackets, between commas or dashes for a definition", () => {
    const found = defined([
      "A spokesman (who declined to comment on the record) said the review was still under way.",
      "The governor (pictured) signed the bill on Friday afternoon in the capitol rotunda.",
      "Senator Ted Cruz (R-Texas) and Senator Alex Padilla (D-Calif.) co-sponsored the amendment.",
      "Flood water covered the main street (file photo) for three days last spring.",
      "The defendant (45) told the court he had not seen the letter.",
      "The mayor, a retired teacher who ran unopposed in 2019, said the budget would balance.",
      "The treasurer, a Democrat who was elected in March, said the audit found no fraud.",
      "The chairwoman — a former prosecutor who led the inquiry — said she would not run again.",
      "Her deputy (a longtime aide to the senator) answered questions from reporters.",
      "The inspector (the same one who closed the bridge) returned on Monday.",
      "Residents known as the Friends of Elm Park have asked the city to keep the gates open.",
      "This means higher bills for most households next year, the utility said.",
      "The defendant, a man who lived near the depot, was arrested on Tuesday.",
      "A second vote (see below) is planned for next month.",
      "The envelopes are set aside if the signatures do not match, or the envelope is unsigned, and the voter is told.",
      "The board chose a method called sortition.",
    ]);
    expect(found).toEqual({});
  });

  it("says why a bracketed text is an aside", () => {
    expect(asideReason("(R-Texas)")).toBe("party and state");
    expect(asideReason("D-Calif.")).toBe("party and state");
    expect(asideReason("(pictured)")).toBeDefined();
    expect(asideReason("(file photo)")).toBeDefined();
    expect(asideReason("(who declined to comment)")).toBeDefined();
    expect(asideReason("(45)")).toBeDefined();
    expect(asideReason("(a vote that ends a debate)")).toBeUndefined();
    expect(definitionProblem("quorum", "the minimum number of members who must be present", 4)).toBeUndefined();
    expect(definitionProblem("mayor", "a retired teacher who served two terms", 4)).toBeDefined();
    expect(definitionProblem("treasurer", "a lawyer who served two terms", 4)).toBe("a story in the past tense");
    expect(definitionProblem("veto", "a president's refusal to sign a bill passed by Congress", 4)).toBeUndefined();
  });
});

describe("acronyms spelled out", () => {
  it("records what an acronym stands for when the initials match", () => {
    const found = acronymExpansions(
      sentences([
        "The Federal Emergency Management Agency (FEMA) said teams would arrive by Thursday.",
        "Officials from the EPA (Environmental Protection Agency) tested the wells.",
        "The mayor (R) and the Clean Water Coalition (CWCO) disagreed.",
        "The North Atlantic Treaty Organization (NATO) met in Brussels.",
      ]),
    );
    expect(Object.fromEntries(found.map((d) => [d.term, d.definition]))).toEqual({
      FEMA: "Stands for Federal Emergency Management Agency.",
      EPA: "Stands for Environmental Protection Agency.",
      NATO: "Stands for North Atlantic Treaty Organization.",
    });
  });
});
