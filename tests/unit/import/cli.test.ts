import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsx = path.resolve("node_modules/.bin/tsx");
// The way `npm run -s import` runs it: the launcher compiles on first use, then runs the bundle.
const run = (...args: string[]) => spawnSync(process.execPath, ["scripts/import-launcher.mjs", ...args], { encoding: "utf8", timeout: 120_000 });

describe("npm run import", { timeout: 180_000 }, () => {
  it("prints the draft as JSON on stdout, with evidence sentences taken verbatim from the article", () => {
    const result = run("tests/fixtures/articles/wire-story.txt", "--date", "2023-03-21", "--source", "Civics Wire", "--url", "https://example.com/story");
    expect(result.status).toBe(0);
    const draft = JSON.parse(result.stdout) as { title: string; paragraphs: string[]; source: Record<string, string>; questions: { type: string; prompt: string; answer: unknown; evidence: string; choices?: unknown[] }[] };
    expect(draft.title).toBe("UN Security Council tightens sanctions on Nordavia after missile launch");
    expect(draft.source).toEqual({ outlet: "Civics Wire", date: "2023-03-21", url: "https://example.com/story" });
    expect(draft.paragraphs.length).toBe(15);
    expect(draft.questions.length).toBeGreaterThanOrEqual(10);
    const text = draft.paragraphs.join("\n");
    for (const q of draft.questions) {
      expect(typeof q.type).toBe("string");
      expect(q.prompt.length).toBeGreaterThan(0);
      expect(q.answer).toBeDefined();
      expect(text).toContain(q.evidence);
    }
    expect(result.stderr).toMatch(/candidate questions/);
  });

  it("writes content/ files with --out", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
    const result = run("tests/fixtures/articles/news-page.html", "--out", out);
    expect(result.status).toBe(0);
    expect(fs.existsSync(path.join(out, "lessons/county-voters-approve-new-library-bond/lesson.yaml"))).toBe(true);
    expect(fs.existsSync(path.join(out, "quizzes/county-voters-approve-new-library-bond-quiz.yaml"))).toBe(true);
    const check = spawnSync(tsx, ["scripts/content-check.ts", out], { encoding: "utf8", timeout: 120_000 });
    expect(check.stdout).toContain("content OK");
    expect(check.status).toBe(0);
  });

  it("exits non-zero with a clear message and no JSON on bad input", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-bad-"));
    const binary = path.join(dir, "photo.jpg");
    fs.writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
    const bad = run(binary);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/doesn't look like text/);
    const missing = run(path.join(dir, "nope.txt"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    const badDate = run("tests/fixtures/articles/explainer.txt", "--date", "yesterday");
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toMatch(/YYYY-MM-DD/);
  });

  it("refuses an empty file without loading the pipeline", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-empty-"));
    const empty = path.join(dir, "empty.txt");
    fs.writeFileSync(empty, "  \n");
    const result = run(empty);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/nothing to import/);
  });
});

describe("the compiled CLI", { timeout: 180_000 }, () => {
  type Launcher = { build: (dir: string) => Promise<string>; isFresh: (dir: string) => boolean; currentBundle: (dir: string) => string | undefined };
  // @ts-expect-error -- plain JavaScript launcher, no type declarations
  const loadLauncher = async () => (await import("../../../scripts/import-launcher.mjs")) as Launcher;

  it("is rebuilt when one of its sources changes", async () => {
    const launcher = await loadLauncher();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-build-"));
    const dir = await launcher.build(out);
    expect(fs.existsSync(path.join(dir, "import.mjs"))).toBe(true);
    expect(launcher.currentBundle(out)).toBe(dir);
    expect(launcher.isFresh(out)).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(["scripts/import.ts", "lib/import/extract.ts", "package-lock.json"]));
    // A source whose size or modification time differs from what the bundle was built from makes it stale. The
    // recorded stamp is changed rather than the file's time: restoring a file's mtime through a Date can land a
    // fraction of a millisecond off and look like a change of its own.
    const manifestPath = path.join(dir, "manifest.json");
    const original = fs.readFileSync(manifestPath, "utf8");
    try {
      const edited = JSON.parse(original) as { inputs: Record<string, string> };
      expect(edited.inputs["lib/import/genre.ts"]).toBeDefined();
      edited.inputs["lib/import/genre.ts"] = "0:0";
      fs.writeFileSync(manifestPath, JSON.stringify(edited));
      expect(launcher.isFresh(out)).toBe(false);
    } finally {
      fs.writeFileSync(manifestPath, original);
    }
    expect(launcher.isFresh(out)).toBe(true);
  });

  it("never pulls a bundle away from a run that is loading it when others rebuild at the same time", async () => {
    // A blind rater started twelve imports at once after a source change; three failed with ENOENT because another
    // run had removed the bundle folder to swap in its own build.
    const launcher = await loadLauncher();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-race-"));
    fs.writeFileSync(path.join(out, "import.mjs"), "// a bundle of the earlier single-folder layout\n");
    const dirs = await Promise.all([launcher.build(out), launcher.build(out), launcher.build(out)]);
    expect(new Set(dirs).size).toBe(3);
    for (const dir of dirs) {
      expect(fs.existsSync(path.join(dir, "import.mjs")), dir).toBe(true);
      expect(fs.existsSync(path.join(dir, "import-worker.mjs")), dir).toBe(true);
    }
    expect(dirs).toContain(launcher.currentBundle(out));
    // The old layout's files go; the builds of this hour stay for whoever is still loading them.
    expect(fs.existsSync(path.join(out, "import.mjs"))).toBe(false);
    // A run that loads its own folder works even though newer builds exist.
    const { status, stderr } = spawnSync(process.execPath, [path.join(dirs[0], "import.mjs"), "tests/fixtures/articles/wire-story.txt"], { encoding: "utf8", timeout: 120_000 });
    expect(stderr).toMatch(/kept/);
    expect(status).toBe(0);
  });
});
