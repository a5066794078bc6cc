/**
 * Errors carry the form fields they belong to (AppError `fields`), and server
 * actions show them there: no action decides a field by reading error text.
 */
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const { publicAction } = await import("@/lib/actions");
const { AppError } = await import("@/lib/errors");
const { questionErrorOf } = await import("@/app/import/[draftId]/question-error");

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const schema = z.object({ username: z.string(), password: z.string() });

describe("errors that name their fields", () => {
  it("show each field's own words, with the error's message on top", async () => {
    const action = publicAction(schema, async () => {
      throw new AppError("conflict", "That username or email can't be used.", { fields: { username: "Check this.", email: "Or this." } });
    });
    const state = await action({ status: "idle" }, form({ username: "ada", password: "secret words" }));
    expect(state).toMatchObject({ status: "invalid", message: "That username or email can't be used.", fieldErrors: { username: ["Check this."], email: ["Or this."] } });
  });

  it("show the message itself beside each field given as a list, and never echo a password", async () => {
    const action = publicAction(schema, async () => {
      throw new AppError("bad_request", "Use a longer password.", { fields: ["password"] });
    });
    const state = await action({ status: "idle" }, form({ username: "ada", password: "short" }));
    expect(state).toEqual({ status: "invalid", message: "Please fix the highlighted field.", fieldErrors: { password: ["Use a longer password."] }, values: { username: "ada" } });
  });

  it("leave an error without fields as a plain error", async () => {
    const action = publicAction(schema, async () => {
      throw new AppError("not_found", "We couldn't find that.");
    });
    expect(await action({ status: "idle" }, form({ username: "ada", password: "x" }))).toMatchObject({ status: "error", message: "We couldn't find that." });
  });
});

describe("the import review editor's question errors", () => {
  it("go beside the question the field names, from the first state that names one", async () => {
    const action = publicAction(z.object({}), async () => {
      throw new AppError("bad_request", "Question 3: prompt: must not be empty", { fields: { "questions.2": "prompt: must not be empty" } });
    });
    const refused = await action({ status: "idle" }, form({}));
    expect(questionErrorOf({ status: "ok" }, refused)).toEqual({ index: 2, message: "prompt: must not be empty" });
    expect(questionErrorOf({ status: "invalid", message: "x", fieldErrors: { "questions.0": ["first"] } }, refused)).toEqual({ index: 0, message: "first" });
  });

  it("stay at the bottom of the page when no question field is named, whatever the message says", () => {
    expect(questionErrorOf({ status: "error", message: "Question 1: prompt: must not be empty" })).toBeNull();
    expect(questionErrorOf({ status: "invalid", message: "Please fix the highlighted field.", fieldErrors: { title: ["Too long."] } })).toBeNull();
    expect(questionErrorOf({ status: "idle" }, { status: "ok" })).toBeNull();
  });
});
