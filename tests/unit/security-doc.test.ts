import fs from "node:fs";
import { expect, it } from "vitest";
import { DOC_PATH, renderMatrix, withCurrentMatrix } from "../security/matrix-doc";

it("docs/SECURITY.md shows the authorization matrix the tests check (regenerate: npx tsx tests/security/matrix-doc.ts --write)", () => {
  const doc = fs.readFileSync(DOC_PATH, "utf8");
  expect(doc).toContain(renderMatrix());
  expect(withCurrentMatrix(doc)).toBe(doc);
});
