import { describe, expect, it } from "vitest";
import { evidenceSentence, splitSentences } from "@/lib/interop/answer-key";

describe("evidence sentence for the printed key", () => {
  const paragraph = "The Council met on Monday. Any one of the five permanent members can block a resolution with a veto. Diplomats expect a vote next week.";

  it("splits a paragraph into sentences", () => {
    expect(splitSentences(paragraph)).toHaveLength(3);
  });

  it("picks the sentence that shares the most words with the question and answer", () => {
    expect(evidenceSentence(paragraph, ["What is the power of a permanent member to block a resolution called?", "veto"])).toBe("Any one of the five permanent members can block a resolution with a veto.");
    expect(evidenceSentence(paragraph, ["When is the vote expected?", "next week"])).toBe("Diplomats expect a vote next week.");
  });

  it("falls back to the first sentence when nothing matches", () => {
    expect(evidenceSentence(paragraph, ["zzz"])).toBe("The Council met on Monday.");
  });
});
