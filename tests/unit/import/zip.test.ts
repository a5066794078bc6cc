import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crc32, createZip } from "@/lib/import/zip";

describe("createZip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it.skipIf(!fs.existsSync("/usr/bin/unzip"))("writes an archive unzip can read back", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zip-"));
    const file = path.join(dir, "out.zip");
    fs.writeFileSync(file, createZip([{ path: "lessons/a/lesson.yaml", contents: "title: Ünïcode “quotes”\n" }, { path: "quizzes/a-quiz.yaml", contents: "id: a-quiz\n" }]));
    execFileSync("unzip", ["-q", file, "-d", dir]);
    expect(fs.readFileSync(path.join(dir, "lessons/a/lesson.yaml"), "utf8")).toBe("title: Ünïcode “quotes”\n");
    expect(fs.readFileSync(path.join(dir, "quizzes/a-quiz.yaml"), "utf8")).toBe("id: a-quiz\n");
  });
});
