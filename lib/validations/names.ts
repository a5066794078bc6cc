/**
 * Names people give themselves or others (display names, class names), made
 * safe to show next to other names: Unicode NFC, no bidirectional controls
 * (a right-to-left override can make "Ada ‮ecalevoL" read as someone else),
 * no zero-width or invisible characters (two names that look the same must
 * be the same), whitespace runs collapsed, and length counted in graphemes
 * (what a person sees as one character: "👩🏽‍🏫" is one, not seven code units).
 */
import { z } from "zod";

/**
 * Bidi embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069,
 * U+200E/200F, U+061C); zero-width space, non-joiner and joiner (U+200B–200D),
 * word joiner and invisible operators (U+2060–2064), the BOM (U+FEFF), soft
 * hyphen (U+00AD), Mongolian vowel separator (U+180E), Hangul fillers
 * (U+115F, U+1160, U+3164, U+FFA0) and other format characters.
 */
const INVISIBLE = /[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

let segmenter: Intl.Segmenter | undefined;

/** How many user-perceived characters `text` has. */
export function graphemeLength(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

export function normalizeName(input: string): string {
  return input.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
}

/** A zod schema for a name of 1–`max` graphemes, normalised; `what` is used in messages ("Names", "Class names"). */
export function nameSchema(max: number, what: string, emptyMessage: string) {
  return z
    .string()
    .max(max * 16, `Use at most ${max} characters.`)
    .transform(normalizeName)
    .pipe(
      z
        .string()
        .min(1, emptyMessage)
        .refine((v) => graphemeLength(v) <= max, `Use at most ${max} characters.`)
        .refine((v) => !CONTROL.test(v) && !/[<>]/.test(v), `${what} can't contain angle brackets or control characters.`),
    );
}
