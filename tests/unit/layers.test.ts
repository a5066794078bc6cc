/**
 * The layer rules (eslint.layers.mjs) catch what they promise: an import up a
 * layer, app/ reaching db/, a cycle between two folders, a cycle inside one.
 * Fixtures live in a scratch project so nothing touches the real tree; the
 * rule objects are the ones eslint.config.mjs uses, and the last test checks
 * that the real config really turns them on.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedTargets, cycleRules, layerGlobs, layerRules, LAYERS } from "../../eslint.layers.mjs";

const FILES: Record<string, string> = {
  "db/client.ts": "export const getDb = () => 1;\n",
  "lib/data/reader.ts": 'import { getDb } from "../../db/client";\nexport const read = () => getDb();\n',
  "lib/data/a.ts": 'import { b } from "./b";\nexport const a = (): number => b() + 1;\n',
  "lib/data/b.ts": 'import { a } from "./a";\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n',
  "lib/quiz/grade.ts": 'import { load } from "../content/load";\nexport const grade = () => load;\n',
  "lib/content/load.ts": 'import { grade } from "../quiz/grade";\nexport const load = () => grade;\n',
  "app/page.ts": 'import { getDb } from "../db/client";\nimport { read } from "../lib/data/reader";\nexport const page = () => [getDb(), read()];\n',
};

/** "app/**\/*.bench.ts" → a RegExp over repository paths. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split("**/")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*$/, "\0").replace(/\*/g, "[^/]*").replace("\0", ".*"))
    .join("(?:.*/)?");
  return new RegExp(`^${source}$`);
}

let root: string;
let results: Map<string, string[]>;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "layers-"));
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.ts"],
        plugins: { import: importPlugin },
        languageOptions: { parser: tseslint.parser },
        settings: { "boundaries/root-path": root, "import/parsers": { "@typescript-eslint/parser": [".ts"] }, "import/resolver": { node: { extensions: [".ts"] } } },
      },
      ...layerRules,
      ...cycleRules,
    ],
  });
  const linted = await eslint.lintFiles(["."]);
  results = new Map(linted.map((r) => [path.relative(root, r.filePath), r.messages.map((m) => `${m.ruleId}: ${m.message}`)]));
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("layer rules", () => {
  it("let a layer import the ones below it", () => {
    expect(results.get("lib/data/reader.ts")).toEqual([]);
    expect(results.get("db/client.ts")).toEqual([]);
  });

  it("stop app/ from importing db/, while its import of lib/data passes", () => {
    const messages = results.get("app/page.ts")!;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^boundaries\/dependencies: Layer break: app may not import db \(db\/client\.ts\)/);
  });

  it("stop a cycle between two folders at the import that runs up", () => {
    const up = results.get("lib/quiz/grade.ts")!;
    expect(up.filter((m) => m.startsWith("boundaries/"))).toEqual([expect.stringMatching(/Layer break: quiz may not import content/)]);
    // The import running down is fine by the layers; no-cycle still names both ends.
    expect(results.get("lib/content/load.ts")).toEqual([expect.stringMatching(/^import\/no-cycle/)]);
  });

  it("stop a cycle between two modules of one layer", () => {
    expect(results.get("lib/data/a.ts")).toEqual([expect.stringMatching(/^import\/no-cycle/)]);
    expect(results.get("lib/data/b.ts")).toEqual([expect.stringMatching(/^import\/no-cycle/)]);
  });

  it("place every source file in a layer (the plugin skips files that have none)", () => {
    const globs = LAYERS.flatMap(layerGlobs).map(globToRegExp);
    const sources = ["app", "lib", "db", "bench", "scripts"].flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => `${dir}/${file.split(path.sep).join("/")}`));
    const code = [...sources.filter((file) => /\.(ts|tsx|mjs)$/.test(file) && !file.startsWith("db/migrations/")), "proxy.ts", "instrumentation.ts"];
    expect(code.length).toBeGreaterThan(200);
    expect(code.filter((file) => !globs.some((glob) => glob.test(file)))).toEqual([]);
    expect(globs.some((glob) => glob.test("lib/newthing/x.ts"))).toBe(false);
  });

  it("keep CLIs and benchmarks out of lib/, and in app/ only the bench routes (*.bench.ts[x]) Next.js must find there", () => {
    const homes = LAYERS.filter((layer) => layer.type === "bench" || layer.type === "scripts").flatMap((layer) => (Array.isArray(layer.pattern) ? layer.pattern : [layer.pattern]));
    expect(homes.filter((pattern) => pattern.startsWith("lib"))).toEqual([]);
    expect(homes.filter((pattern) => pattern.startsWith("app") && !/\.bench\.tsx?$/.test(pattern))).toEqual([]);
    expect(fs.existsSync("lib/scripts")).toBe(false);
  });

  it("give the database to lib/data, scripts and benchmarks only", () => {
    const dbUsers = LAYERS.map((layer) => layer.type).filter((type) => allowedTargets(type).includes("db"));
    expect(dbUsers).toEqual(["bench", "scripts", "data"]);
  });

  it("are switched on in the real eslint.config.mjs", async () => {
    const config = (await new ESLint({ cwd: process.cwd() }).calculateConfigForFile("lib/data/attempts.ts")) as { rules: Record<string, unknown[]> };
    expect(config.rules["boundaries/dependencies"]?.[0]).toBe(2);
    expect(config.rules["import/no-cycle"]?.[0]).toBe(2);
  });
});
