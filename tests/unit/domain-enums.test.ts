/**
 * Domain enums live below the schema (lib/roles.ts, lib/quiz/types.ts) so domain
 * code never imports db/. Until db/schema.ts imports them instead of declaring
 * its own copies, this keeps the two the same.
 */
import { describe, expect, it } from "vitest";
import { QUESTION_TYPES as SCHEMA_QUESTION_TYPES, QUIZ_MODES as SCHEMA_QUIZ_MODES, ROLES as SCHEMA_ROLES } from "@/db/schema";
import { QUESTION_TYPES, QUIZ_MODES } from "@/lib/quiz/types";
import { ROLES } from "@/lib/roles";

describe("domain enums", () => {
  it("match the schema's columns", () => {
    expect([...SCHEMA_ROLES]).toEqual([...ROLES]);
    expect([...SCHEMA_QUESTION_TYPES]).toEqual([...QUESTION_TYPES]);
    expect([...SCHEMA_QUIZ_MODES]).toEqual([...QUIZ_MODES]);
  });
});
