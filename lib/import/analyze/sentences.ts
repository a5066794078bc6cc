/**
 * Sentence splitting with wink-nlp (the best splitter measured in the ecosystem guide), one paragraph at a time.
 * A quotation that runs over several sentences stays one evidence sentence. Each sentence keeps its tokens,
 * part-of-speech tags and wink's number entities for the later stages.
 */
import type { ItemEntity, ItemSentence } from "wink-nlp";
import { getNlp } from "../../text/readability";
import type { ArticleSection, ParagraphKind, Sentence } from "../types";
import { isShowFurniture } from "./show-furniture";
import { countWords } from "./text";

export interface SentenceTokens {
  tokens: string[];
  pos: string[];
  /** wink entities (MONEY, PERCENT, CARDINAL, DATE…) with their text. */
  entities: { text: string; type: string }[];
}

export function splitSentences(
  paragraphs: string[],
  kinds: ParagraphKind[],
  sections: ArticleSection[],
): { sentences: Sentence[]; tokens: Map<string, SentenceTokens> } {
  const wink = getNlp();
  const its = wink.its;
  const sentences: Sentence[] = [];
  const tokens = new Map<string, SentenceTokens>();
  paragraphs.forEach((paragraph, index) => {
    const doc = wink.readDoc(paragraph);
    const parts: ({ text: string } & SentenceTokens)[] = [];
    doc.sentences().each((s: ItemSentence) => {
      const entities: { text: string; type: string }[] = [];
      s.entities().each((e: ItemEntity) => {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's `its` helpers are stateless functions meant to be passed.
        entities.push({ text: e.out(), type: e.out(its.type) });
      });
      // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's `its` helpers are stateless functions meant to be passed.
      const pos = s.tokens().out(its.pos);
      parts.push({ text: s.out(), tokens: s.tokens().out(), pos, entities });
    });
    const merged: typeof parts = [];
    for (const part of parts) {
      const previous = merged.at(-1);
      if (previous && (hasOpenQuote(previous.text) || falseBreak(previous.text, part.text)) && paragraph.includes(`${previous.text} ${part.text}`)) {
        previous.text = `${previous.text} ${part.text}`;
        previous.tokens.push(...part.tokens);
        previous.pos.push(...part.pos);
        previous.entities.push(...part.entities);
      } else merged.push({ ...part, tokens: [...part.tokens], pos: [...part.pos], entities: [...part.entities] });
    }
    const section = sectionOf(index, sections);
    for (const part of merged) {
      const text = part.text.trim();
      if (!text) continue;
      const id = `s${sentences.length + 1}`;
      const hasVerb = part.pos.some((tag) => tag === "VERB" || tag === "AUX");
      sentences.push({ id, paragraph: index, anchor: `p${index + 1}`, text, words: countWords(text), kind: kinds[index] ?? "paragraph", section, ...(hasVerb ? {} : { verbless: true }) });
      tokens.set(id, { tokens: part.tokens, pos: part.pos, entities: part.entities });
    }
  });
  return { sentences, tokens };
}

export function sectionOf(paragraph: number, sections: ArticleSection[]): number {
  let found = -1;
  sections.forEach((section, i) => {
    if (section.firstParagraph <= paragraph) found = i;
  });
  return found;
}

/** Titles before a name: a sentence never ends on one ("Arkansas Sens. Blanche Lincoln"). */
const TITLE_ABBREVIATION = /(?:^|[\s(“"])(?:Sens?|Reps?|Govs?|Lt|Gen|Atty|Col|Maj|Capt|Sgt|Cpl|Cmdr|Adm|Dr|Drs|Mr|Mrs|Ms|Messrs|Prof|Rev|Hon|Supt|Pres|Sec|Secs|Dept|Asst|Assn|Gov|Insp|Det|Ald|Del|Sta|St|Mt|Ft|No|Nos|Nr|Art|Sect|Vol|vs|v)\.$/;
/** Abbreviations that can also end a sentence ("… in Little Rock, Ark."): a false break only before a lowercase word or a digit. */
const OTHER_ABBREVIATION = /(?:^|[\s(“"])(?:Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Penn|Tenn|Tex|Va|Vt|Wash|Wis|Wyo|Ave|Blvd|Rd|Jr|Sr|Inc|Corp|Co|Ltd|Bros|approx|est|[ap]\.m|U\.S|U\.N|U\.K|E\.U|D\.C|N\.Y|N\.J|N\.H|N\.M|N\.C|N\.D|S\.C|S\.D|R\.I|W\.Va)\.$/;

/**
 * wink ends a sentence after some abbreviations and initials, and inside parentheses. True when the break between
 * `previous` and `next` is one of those: `previous` ends on a title abbreviation, on an initial before a name
 * ("R. J. Harris"), on another abbreviation before a lowercase word or a digit, or inside a parenthesis that `next`
 * closes.
 */
export function falseBreak(previous: string, next: string): boolean {
  const before = previous.trimEnd();
  const after = next.trimStart();
  if (TITLE_ABBREVIATION.test(before) && /^[\p{Lu}\d“"(]/u.test(after)) return true;
  if (/(?:^|[\s(])\p{Lu}\.$/u.test(before) && /^\p{Lu}[\p{L}'’.-]*/u.test(after) && !/(?:^|\s)(?:I|A)\.$/.test(before)) return true;
  if (OTHER_ABBREVIATION.test(before) && /^[\p{Ll}\d]/u.test(after)) return true;
  const opens = before.match(/\(/g)?.length ?? 0;
  const closes = before.match(/\)/g)?.length ?? 0;
  if (opens > closes) {
    const nextCloses = after.match(/\)/g)?.length ?? 0;
    const nextOpens = after.match(/\(/g)?.length ?? 0;
    if (nextCloses > nextOpens && after.length < 400) return true;
  }
  return false;
}

export function hasOpenQuote(text: string): boolean {
  const opens = text.match(/“/g)?.length ?? 0;
  const closes = text.match(/”/g)?.length ?? 0;
  const straight = text.match(/"/g)?.length ?? 0;
  return opens > closes || straight % 2 === 1;
}

/** Credit lines, captions and prompts that survive extraction are never evidence for a question. */
const FURNITURE = [
  /\bcontributed (reporting )?to this (report|story|article)\b/i,
  /^(photo|image|video|file photo|caption|credit)\b[:|]/i,
  /\((AP|Reuters|Getty Images|AFP)( Photo)?[^)]*\)\s*$/,
  /\b(sign up|subscribe) (for|to) (our|the)\b/i,
  /^(read more|related|watch|listen|click here|follow us)\b/i,
  /\b(reporting|writing|editing) by [A-Z]/,
  /^[A-Z][\w.' -]+ (reported|wrote) from [A-Z][\w ]+\.?$/,
  /^This (story|article) (has been|was) (updated|corrected)\b/i,
  /^(Analysis|Commentary|Opinion|Reporting|Story|Interview) by \p{Lu}/u,
  /^Views expressed\b/i,
  /\b(opinions|views) expressed (here |in [\p{L} ]+ )?are (those of the|the author['’]s)/iu,
  // "By Jane Roe, Staff Writer" is a byline; "By Friday, the council had voted …" is a sentence.
  /^By (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Then|Now|Noon|Midnight)\b)\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,3}(?:,|$)/u,
  /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3} (?:covers|writes about|is (?:the|a|an) [\p{L}'’ ]*(?:correspondent|editor|reporter|columnist|writer|contributor))\b/u,
  // Author bios of any trade ("X is a retired schoolteacher and a member of …", "X joined the paper in 2021"), contact lines.
  /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3} (?:is an? (?:retired |former |freelance |staff |contributing |senior )?[\p{L}'’ -]{0,40}(?:who lives|and a member of|based in)|joined (?:the|our) (?:paper|newsroom|staff))\b/u,
  /^(?:She|He|They) joined (?:the|our) (?:paper|newsroom|staff)\b/,
  /^Reach (?:him|her|them|the author) at\b/i,
  // A columnist's or letter writer's furniture: "X writes a weekly column about …", the salutation, the letters page's rules.
  /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3} writes a (?:weekly |monthly |regular |twice-monthly )?column\b/u,
  /^(?:To the editor|Dear editor)\s*[:,]?$/i,
  /^Letters (?:should|must|may) (?:be|include|not)\b|^(?:To )?submit a letter\b/i,
  // A time stamp on its own: "Updated April 8, 2026, 9:41 p.m.", "Nov. 2, 2026 at 7:00 a.m."
  /^(?:(?:updated|published|posted|last updated):?\s+)?(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2},? \d{4}|\d{1,2} \p{Lu}\p{Ll}{2,8} \d{4})(?:,? (?:at )?\d{1,2}:\d{2}\s*[ap]\.?\s?m\.?)?\.?$/iu,
  /\b[\w.-]+@[\w-]+\.[\w.]+\b/,
  // Funding and support notes.
  /\b(?:produced|made possible|supported|funded|underwritten)(?: in part)? (?:with (?:the )?support (?:of|from)|(?:by|with|through) (?:a )?grants? from)\b/i,
  /^(?:This|Our|Local) [\p{L} ]{0,30}(?:coverage|reporting|story|article|journalism|series) (?:is|was) (?:supported|funded|produced|made possible)\b/u,
  /\b(?:donors|funders|sponsors) (?:have|has) no (?:say|control|influence)\b/i,
  /^(?:Local )?(?:news )?coverage is supported\b/i,
  // Reader prompts and page controls pasted with the text.
  /^(?:comments?\s*\(\d+\)|\d+ comments?|gift this article|listen to this article|share this (?:story|article)|save\s*·|read more\s*:|more coverage|most read|posted\s+(?:\d|on |at |[A-Z][a-z]{2,8}\.? \d))/iu,
  /\bThe views expressed (?:here|in this [\p{L}]+) are (?:his|her|their|the author['’]s) own\b/iu,
  /^(?:This|The) interview (?:has been|was) (?:edited|condensed|lightly edited)\b/i,
  // A transcript announced ("Here is a transcript of the first part"), follow prompts, photo credits, slideshow counters.
  /^(?:here(?:['’]s| is)|(?:the following|what follows|below) is) (?:a |an |the )?(?:full |edited |partial |complete )?transcript\b/i,
  /^on (?:twitter|x|instagram|facebook|bluesky|threads|mastodon|tiktok)\s*:|^follow\s+(?:@?[\w.'’-]+\s+){1,4}(?:on|at)\s+(?:twitter|x|instagram|facebook|bluesky|threads)\b/i,
  /^(?:[Pp]hotograph|[Pp]hotos?|[Ii]llustration|[Ii]mage|[Vv]ideo)s? (?:by|courtesy of)\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}(?:\s*[,/|]\s*[\p{L}'’. /-]{0,60})?\.?$/u,
  /^(?:slide|photo|image|picture) \d{1,3} (?:of|\/) \d{1,3}\b/i,
];

export function isFurniture(text: string): boolean {
  return FURNITURE.some((pattern) => pattern.test(text)) || isShowFurniture(text);
}
