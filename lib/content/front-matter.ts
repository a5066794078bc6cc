/**
 * Splits a Markdown file into its front matter and body. The front matter is
 * YAML 1.2 read by the `yaml` package, the same dialect as every other YAML
 * file in content/ (gray-matter read it as YAML 1.1, where `no` and `on` are
 * booleans).
 */
import YAML from "yaml";

export type FrontMatter =
  /** `bodyLine`: lines before the body, to turn body line numbers into file line numbers. */
  | { ok: true; data: unknown; body: string; bodyLine: number }
  | { ok: false; message: string };

const FENCE = /^---\s*$/;

export function splitFrontMatter(text: string): FrontMatter {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  if (!FENCE.test(lines[0] ?? "")) return { ok: true, data: {}, body: text, bodyLine: 0 };
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close < 0) return { ok: false, message: 'the front matter has no closing "---" line' };
  try {
    const data: unknown = YAML.parse(lines.slice(1, close).join("\n")) ?? {};
    return { ok: true, data, body: lines.slice(close + 1).join("\n"), bodyLine: close + 1 };
  } catch (error) {
    return { ok: false, message: `invalid YAML in the front matter: ${(error as Error).message.split("\n")[0]}` };
  }
}
