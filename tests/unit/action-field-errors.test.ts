/**
 * Errors carry the form fields they belong to (AppError `fields`), and server
 * actions show them there: no action decides a field by reading error text.
 */
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const { publicAction } = await import("@/lib/actions");
const { AppError } = await import("@/lib/errors");

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
