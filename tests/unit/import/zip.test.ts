import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createZip } from "@/lib/import/zip";

const FILES = [
  { path: "lessons/a/lesson.yaml", contents: "title: Ünïcode “quotes”\n" },
  { path: "quizzes/a-quiz.yaml", contents: "id: a-quiz\n" },
];

describe("createZip", () => {
  it("writes an archive a zip reader reads back, UTF-8 intact", () => {
    const files = unzipSync(createZip(FILES));
    expect(Object.keys(files).sort()).toEqual(["lessons/a/lesson.yaml", "quizzes/a-quiz.yaml"]);
    expect(strFromU8(files["lessons/a/lesson.yaml"]!)).toBe("title: Ünïcode “quotes”\n");
    expect(strFromU8(files["quizzes/a-quiz.yaml"]!)).toBe("id: a-quiz\n");
  });

  it("gives the same bytes for the same files, and different bytes for another date", () => {
    expect(createZip(FILES)).toEqual(createZip(FILES));
    expect(createZip(FILES, new Date(Date.UTC(2025, 5, 1)))).not.toEqual(createZip(FILES));
  });
});
