import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { crc32, createZip } from "@/lib/import/zip";

describe("createZip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  // Read back with fflate (the kept zip library), so the check runs on any machine, with or without an unzip binary.
  it("writes an archive a zip reader reads back", () => {
    const zip = createZip([{ path: "lessons/a/lesson.yaml", contents: "title: Ünïcode “quotes”\n" }, { path: "quizzes/a-quiz.yaml", contents: "id: a-quiz\n" }]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["lessons/a/lesson.yaml", "quizzes/a-quiz.yaml"]);
    expect(strFromU8(files["lessons/a/lesson.yaml"]!)).toBe("title: Ünïcode “quotes”\n");
    expect(strFromU8(files["quizzes/a-quiz.yaml"]!)).toBe("id: a-quiz\n");
  });
});
