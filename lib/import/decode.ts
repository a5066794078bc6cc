/**
 * The byte-level checks every import starts with (size, binary content,
 * control characters). Kept apart from the parsers so the CLI can refuse bad
 * input before it loads any language library.
 */
import { ImportError, MAX_INPUT_BYTES } from "./types";

export function decodeInput(content: string | Uint8Array): string {
  if (typeof content !== "string") {
    if (content.byteLength > MAX_INPUT_BYTES) throw tooLarge();
    if (content.includes(0)) throw binary();
    const text = new TextDecoder("utf-8").decode(content);
    const replacements = text.match(/\uFFFD/g)?.length ?? 0;
    if (replacements > 0 && replacements / Math.max(1, text.length) > 0.01) throw binary();
    return stripControl(text);
  }
  if (new TextEncoder().encode(content).byteLength > MAX_INPUT_BYTES) throw tooLarge();
  if (content.includes("\0")) throw binary();
  const controls = content.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (controls > 0 && controls / Math.max(1, content.length) > 0.01) throw binary();
  return stripControl(content);
}

function stripControl(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

function tooLarge() {
  return new ImportError("too_large", "That file is larger than 2 MB. Save just the article page, or paste the article's text instead.");
}

function binary() {
  return new ImportError("binary", "That doesn't look like text. Upload a web page saved as .html, or a .txt or .md file, or paste the article's text.");
}

/** Decoded text, or the "nothing to import" error for empty input. */
export function decodeNonEmpty(content: string | Uint8Array): string {
  const text = decodeInput(content);
  if (text.trim() === "") throw new ImportError("empty", "There is nothing to import. Paste an article or choose a file.");
  return text;
}
