/**
 * Opinion gate: a question resting on a judgment must say whose judgment it is ("According to the author…",
 * "X claims…"), or ask whether it is a fact or an opinion. It is never keyed as a plain fact.
 */
import type { DraftQuestion, OpinionMark } from "../types";

const ATTRIBUTED = /\b(according to|claims?|argues?|believes?|in the (author|writer)['’]s view|the author|opinion|who would)\b/i;

export function opinionProblem(question: DraftQuestion, opinion: OpinionMark | undefined): string | undefined {
  if (!opinion) return undefined;
  if (question.skills.includes("fact-opinion") || question.skills.includes("main-idea") || question.skills.includes("evidence") || question.skills.includes("vocabulary") || question.skills.includes("author-purpose")) return undefined;
  if (question.type === "true_false" && !ATTRIBUTED.test(question.prompt)) return "an opinion offered as a plain true/false fact";
  if (question.type === "cloze" || question.generator === "numeric-choice") return "a blank in an opinion reads as a fact";
  if (!ATTRIBUTED.test(question.prompt) && question.generator !== "who-said-single" && question.generator !== "who-said-what" && question.generator !== "sourcing-kind") return "an opinion not attributed in the prompt";
  return undefined;
}
