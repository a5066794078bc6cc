/**
 * compromise, called the one way the analysis needs it, at less cost and with the same tags:
 * - `nlp(text)` runs every compute hook of the library; the last one, the phrase chunker ("chunks"), only sets
 *   `term.chunk` (its rules carry no tag), and the analysis reads tags alone (people(), organizations(), places()),
 *   so it is skipped.
 * - The post-tagger's sweep (compromise 14.17's `methods.one.bulkMatch`) first lists, per sentence, the rules whose
 *   hook words or tags it contains; the library builds that list with one array copy per hook found and a dictionary
 *   per sentence, about a third of a whole parse. `sweep` below is the library's sweep with that step done in one
 *   pass, giving the same rules in the same order; the rest is the library's code as it is. It is installed only on
 *   the version it was checked against (a newer compromise keeps its own).
 * The golden check (bench/import-golden.ts) compares the whole pipeline's output before and after.
 */
import nlp from "compromise";

type Doc = ReturnType<typeof nlp>;

const SKIPPED_HOOKS = new Set(["chunks"]);

/** compromise's tagged document of `text`, without phrase chunks. */
export function tagText(text: string): Doc {
  installSweep();
  const world = nlp.world() as { hooks: string[] };
  const hooks = world.hooks;
  // nlp() reads the hook list at call time; restored at once (synchronous, so nothing else sees the shorter list).
  world.hooks = hooks.filter((hook) => !SKIPPED_HOOKS.has(hook));
  try {
    return nlp(text);
  } finally {
    world.hooks = hooks;
  }
}

/** The version whose sweep (src/1-one/sweep/methods/sweep/*.js) this file follows. */
const CHECKED_VERSION = "14.17.0";

interface Rule {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}
interface Net {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}
type Term = object;
interface Methods {
  one: {
    cacheDoc: (document: Term[][]) => Set<string>[];
    match: (document: Term[][], rule: Rule) => { ptrs: number[][] };
    bulkMatch: (document: Term[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }) => unknown[];
  };
}

let installed = false;
function installSweep(): void {
  if (installed) return;
  installed = true;
  if ((nlp as unknown as { version: string }).version !== CHECKED_VERSION) return;
  (nlp.world() as { methods: Methods }).methods.one.bulkMatch = sweep;
}

/** True when compromise runs this file's sweep (false on a version it was not checked against). */
export function usesOwnSweep(): boolean {
  installSweep();
  return (nlp.world() as { methods: Methods }).methods.one.bulkMatch === sweep;
}

/**
 * compromise's getHooks: per sentence, the rules of every hook the sentence has, in hook order, first of each match.
 * The library walks all hooks (about 730) for each sentence; a sentence has a few dozen words and tags, so this walks
 * those and puts the hooks found back in hook order.
 */
function getHooks(docCaches: Set<string>[], hooks: Record<string, Rule[]>): Rule[][] {
  const keys = Object.keys(hooks);
  const position = new Map(keys.map((key, i) => [key, i]));
  return docCaches.map((has) => {
    const found: number[] = [];
    for (const item of has) {
      const at = position.get(item);
      if (at !== undefined) found.push(at);
    }
    found.sort((a, b) => a - b);
    const maybe: Rule[] = [];
    const already = new Set<string>();
    for (const at of found) {
      for (const rule of hooks[keys[at]!]!) {
        // The library dedupes through a plain object's keys: a match named "__proto__" is never recorded there.
        const name = String(rule.match);
        if (already.has(name)) continue;
        if (name !== "__proto__") already.add(name);
        maybe.push(rule);
      }
    }
    return maybe;
  });
}

/**
 * compromise's trim-down and too-small filters in one pass: a rule stays when the sentence has all it needs, none of
 * its ifNo, enough of its wants, and at least its minimum of words.
 */
function usable(rule: Rule, haves: Set<string>, words: number): boolean {
  return (
    rule.needs.every((need) => haves.has(need)) &&
    !(rule.ifNo !== undefined && rule.ifNo.some((no) => haves.has(no))) &&
    (rule.wants.length === 0 || rule.wants.filter((want) => haves.has(want)).length >= rule.minWant) &&
    words >= rule.minWords
  );
}

/** compromise's sweep (bulkMatch), with the faster getHooks. */
function sweep(document: Term[][], net: Net, methods: Methods, opts: { matchOne?: boolean } = {}): unknown[] {
  const docCache = methods.one.cacheDoc(document);
  // Rules without hooks ("always") skip the trim-down in the library too; only the word minimum applies to them.
  const maybeList = getHooks(docCache, net.hooks).map((list, i) => [
    ...list.filter((rule) => usable(rule, docCache[i]!, document[i]!.length)),
    ...net.always.filter((rule) => document[i]!.length >= rule.minWords),
  ]);
  const results: unknown[] = [];
  for (let n = 0; n < maybeList.length; n += 1) {
    for (const rule of maybeList[n]!) {
      const res = methods.one.match([document[n]!], rule);
      if (res.ptrs.length > 0) {
        for (const ptr of res.ptrs) {
          ptr[0] = n;
          const todo: Rule & { pointer: number[] } = Object.assign({}, rule, { pointer: ptr });
          if (rule.unTag !== undefined) todo.unTag = rule.unTag;
          results.push(todo);
        }
        if (opts.matchOne === true) return [results[0]];
      }
    }
  }
  return results;
}
