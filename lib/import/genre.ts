/**
 * Genre detection for an extracted article: news, opinion, analysis,
 * interview, feature, press release or court case summary ("legal"). Deterministic cue counting, strongest first: what the
 * page says about itself (schema.org type, section name, URL path), then the
 * shape of the text (Q&A turns, first person, evaluative language, a
 * scene-setting lead, explainer phrasing). News is the default: a story with
 * no other cue is reported news.
 * @see docs/IMPORT.md ("Genre")
 */
import type { Genre, ParagraphKind } from "./types";

export interface GenreInput {
  title: string;
  paragraphs: string[];
  paragraphKinds?: ParagraphKind[];
  url?: string;
  /** The page's own section label (article:section, JSON-LD articleSection), when it has one. */
  section?: string;
  /** The schema.org @type of the article (OpinionNewsArticle, AnalysisNewsArticle, ...). */
  schemaType?: string;
  /** Section headings; explainers ask questions in theirs. */
  headings?: string[];
  /** Paragraphs that are only a bold question (an interviewer's turns). */
  qaTurns?: number;
  /** The first paragraph opened with a wire dateline ("WASHINGTON (AP) — "), removed during extraction. */
  hasDateline?: boolean;
  /**
   * The page as pasted or fetched, before extraction: a columnist's byline or bio ("X is a columnist", "The views
   * expressed …") is dropped as furniture, yet it is the surest sign of a column whose page carries no label.
   */
  pageText?: string;
}

export interface GenreVerdict {
  genre: Genre;
  /** Points per genre; the highest wins when it reaches the threshold. */
  scores: Record<Genre, number>;
  /** Human-readable reasons, for tests and the review screen. */
  cues: string[];
  /**
   * False when another genre came close (a feature's scene-setting lead on a story detected as news): a question
   * keyed on the genre, such as the author's purpose, would then have no safe right answer.
   */
  certain: boolean;
}

const LABELS: [Genre, RegExp][] = [
  ["press-release", /\b(press[- ]?releases?|news[- ]?releases?|media[- ]?releases?|for immediate release|press[- ]?room|newsroom\/releases?|statements?\/press)\b/i],
  ["legal", /\b(case[- ]?summar(?:y|ies)|case[- ]?briefs?|opinion of the court|oyez|docket|cases\/\d)/i],
  ["opinion", /\b(opinion|op-?eds?|commentary|comment-?is-?free|editorials?|columns?|columnists?|viewpoints?|perspectives?|letters?|ideas|voices)\b/i],
  ["analysis", /\b(analysis|explainers?|explained|fact-?checks?|the-?big-?read|news-?analysis)\b/i],
  ["interview", /\b(interviews?|q-?and-?a|q&a|conversations?)\b/i],
  ["feature", /\b(features?|magazine|longreads?|long-?form|profiles?|the-?weekend)\b/i],
];

const SCHEMA: [Genre, RegExp][] = [
  ["opinion", /Opinion|Review|Editorial/i],
  ["analysis", /Analysis|Background|Explainer/i],
  ["interview", /Interview/i],
];

const FIRST_PERSON = /\b(I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|myself|mine)\b/g;
const EVALUATIVE =
  /\b(should|must|ought to|shameful|disgraceful|outrageous|absurd|foolish|misguided|reckless|wrong-?headed|disastrous|terrible|brilliant|admirable|courageous|cowardly|hypocri\w*|failure|wise|unwise|deserves?|it is time|we need to|let us|let's|clearly|surely|of course|frankly)\b/gi;
const EXPLAINER =
  /\b(what (it|this) means|here's (why|what|how)|here’s (why|what|how)|what to know|why (it|this) matters|explained|the question (is|now)|the answer|in other words|that is because|to understand|the reason|analysts say|experts say|could|likely|unlikely|may well|the stakes)\b/gi;
/** The author speaking for a group ("we", "our"); case-sensitive so the country "US" is not "us". */
const PLURAL_FIRST = /\b(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]urs?|us|[Oo]urselves)\b/g;
const SECOND_PERSON = /\b(?:[Yy]ou|[Yy]ou['’](?:re|ve|d|ll)|[Yy]ours?|[Yy]ourself)\b/g;
/** A thesis: what the author wants done, in the author's own voice. */
const THESIS = /\b(should(?:n['’]t)?|must|ought to|need to|needs to|it is time|it['’]s time|let['’]s|let us|cannot afford|can['’]t afford|deserves?)\b/i;
const STRONG_THESIS = /\b(should(?:n['’]t)?|ought to|it is time|it['’]s time|let['’]s|let us|deserves?)\b/i;
/**
 * A columnist's byline or bio, or the page's disclaimer that the piece is one person's view. A reporter's bio ("X
 * covers …", "writes about … for") is not one.
 */
const COLUMN_BYLINE =
  /\b(?:is|was) (?:a|an|the) (?:[\p{L}-]+ ){0,4}(?:columnist|op-ed (?:writer|contributor)|opinion (?:writer|editor|contributor)|editorial (?:writer|board))\b|\bwrites a (?:weekly |monthly |regular )?column\b|\bis the author of\b|\bthe views expressed\b|\bviews (?:are|expressed are) (?:his|her|their|the author['’]s|my) own\b|\b(?:guest|contributing) (?:essay|column|columnist)\b/iu;
/** A time stamp on its own line ("Updated April 8, 2026, 9:41 p.m.", "Nov. 2, 2026 at 7:00 a.m."): page furniture, not the lead. */
const STAMP = /^(?:(?:updated|posted|published|last updated)\b[:\s]*)?(?=.{0,60}$)(?=.*\b(?:1[89]|20)\d{2}\b|.*\b\d{1,2}:\d{2}\b)[\p{L}\d.,:| \-–—]+$/iu;
/** A letter's salutation. */
const SALUTATION = /^(?:to the editor|dear editor|letters? to the editor)\s*[:,]?$/i;
/** An editorial's byline: the board, not a person. */
const EDITORIAL_BYLINE = /^[\s*_]*(?:by )?(?:the )?(?:[\p{Lu}][\p{L}'’]+ ){0,3}editorial board\s*$|^[\s*_]*(?:by )?the editors\s*$|<[^>]*class="[^"]*byline[^"]*"[^>]*>\s*(?:by )?(?:the )?(?:[\p{Lu}][\p{L}'’]+ ){0,3}(?:editorial board|editors)\s*</imu;
/** A recommendation or an obligation laid on someone, in the writer's voice. */
const RECOMMEND = /\b(?:should(?:n['’]t)?|ought to|it is time|it['’]s time|deserves?|(?:we|you) (?:must|need to|cannot afford|can['’]t afford))\b/i;
/** A sentence that reports speech or a document: the recommendation is someone else's. */
const REPORTED_SPEECH = /\b(?:said|says|told|tells|according to|argued|argues|claimed|claims|insisted|warned|urged|recommended|wrote|stated|announced|asked)\b/i;
/** The writer concedes or answers a point of the other side. */
const REBUTTAL =
  /\b(?:that is true|that['’]s true|it is true that|to be sure|(?:a|is a|has a) (?:fair|good|reasonable) (?:point|question|criticism|concern)|has a point|deserves? an answer|(?:is|are) (?:simply |just )?wrong|is neither|the opposite is|misses the point|does not hold up|doesn['’]t hold up|(?:but|yet) the (?:evidence|answer|truth|reality|record|numbers) (?:is|are|does|do|shows?|says?)|the answer is not|that argument|this argument|nonsense)\b/i;
/** The other side named as such. */
const OTHER_SIDE = /\b(?:critics|opponents|supporters|skeptics|sceptics|detractors|defenders|some (?:argue|say|will say|worry|claim)|others (?:argue|say|worry|claim))\b/i;
/** The reader told what to do. */
const CALL_TO_ACTION =
  /^(?:(?:So|Then|Now|And),? )?(?:Vote (?:yes|no|for|against)\b|Tell (?:your|them|the|him|her)\b|Call (?:your|them|the)\b|Write to\b|Show up\b|Speak up\b|Demand\b|Reject\b|Urge\b|Hold (?:them|the \w+|your \w+) (?:to|accountable)\b|Don['’]t let\b|Do not let\b|Ask (?:them|your|the council|the board)\b|Sign\b|Contact your\b)/;
/** A headline that argues: a recommendation or a verdict ("… is a mistake", "… deserves …", "It's time to …"). */
const TAKES_A_SIDE =
  /\b(?:should(?:n['’]t)?|must|ought to|deserves?|needs? to|it['’]s time|it is time|time to|(?:is|are) (?:a|an|the) (?:mistake|fair|good|bad|terrible|better|false|wrong|right|best|worst|only)\b|(?:is|are) (?:wrong|right|worth)|worth (?:every|the))\b/i;
/** A headline that starts with a verb telling someone what to do ("Give ranked-choice voting a fair trial"). */
const IMPERATIVE_TITLE =
  /^(?:Give|Stop|Let|Keep|Don['’]t|Do not|Save|Fix|Reject|Approve|Protect|Fund|Bring|Leave|Restore|Trust|Listen to|Support|Repeal|Rethink|Reform|Scrap|Drop|Rebuild|Renew|Spare|Quit|Remember|Put|Treat|Choose|Say no|Say yes|Vote (?:yes|no))\b(?! (?:of|on|in|to|for|at|as|is|are|was|were)\b)/;

/**
 * A contributor's bio in the page's last lines ("Anneliese Varga is a professor of urban planning at …", "Marisol
 * Okafor teaches government at …"): an outside writer, so a column, unless the bio is a journalist's ("is a
 * correspondent for", "a freelance writer", "covers").
 */
function contributorBio(pageText: string): boolean {
  const lines = pageText
    .slice(-2500)
    .replace(/<[^>]+>/g, "\n")
    .split(/\n+/)
    .map((line) => line.replace(/^[\s*_>#-]+|[\s*_]+$/g, "").trim())
    .filter((line) => line.length >= 20);
  return lines.slice(-4).some(
    (line) =>
      line.length <= 400 &&
      !/\b(?:say|says|said)\b/.test(line) &&
      /^(?:\p{Lu}[\p{L}.'’-]+ ){1,3}(?:is (?:a|an|the) |was (?:a|an|the) |is (?:a )?(?:former|retired) |teaches |taught |edited |directs |chairs |leads |founded |practices |serves (?:as|on) )/u.test(line) &&
      !/\b(?:reporter|correspondent|journalist|writer|staff|photographer|producer|videographer|(?<!former |retired )editor|covers|reports (?:on|for)|contributed|intern|fellow (?:at|with) (?:the )?\p{Lu}\w* (?:news|times|post|herald|ledger|journal))\b/iu.test(line) &&
      !/\b(?:inc|llc|ltd|department|office|agency|company|corporation|nonprofit|organization)\b/i.test(line.split(/ (?:is|was|teaches) /)[0] ?? ""),
  );
}

/** A concession in the writer's own voice, before the "but". */
const CONCESSION = /\b(?:it['’]s true|it is true|to be sure|granted,|admittedly|yes, |sure, )/i;
/** A stance taken in the first person. */
const STANCE =
  /\bI(?:['’]d| would)? (?:don['’]t |do not |can['’]t |cannot )?(?:think|believe|guess|mean|suspect|doubt|see|suppose|argue|hope|wonder|like to think|agree|disagree)\b|\bI['’]m (?:not )?(?:sure|convinced|afraid)\b|\bin my (?:view|opinion)\b/;
/** The reader addressed and invited to weigh something. */
const ADDRESS = /\b(?:you could|you might|you can see|remember(?: when|,)|let['’]s|let us|imagine|ask yourself)\b/i;
/** Contractions of the writer's own prose (possessives are not counted). */
const CONTRACTION = /\b\w+n['’]t\b|\b(?:it|that|there|here|what|who|he|she|they|we|you|I|let)['’](?:s|re|ll|ve|d|m)\b/gi;

/** Causal and explanatory links, the stuff of an explainer. */
const CAUSAL =
  /\b(?:because|due to|as a result|led to|leading to|(?:a|the) consequences? of|factors?|(?:the )?causes? of|caused by|contribut(?:es|ed|ing|or|ors) to|helped (?:fuel|drive|cause)|traced to|the reason|which means|that means|this means)\b/gi;
/** A heading that announces an explanation, without a question mark ("Why Delhi's air gets so bad in November"). */
const EXPLAINING_HEADING = /^(?:why|how)\s+\S+(?:\s+\S+){2,13}$|^what (?:it|this|that) means\b|^what (?:happens|comes) next\b|^the (?:background|bottom line|context)$/i;

/** Lines that stand alone between blank lines in a pasted page (headings there, before extraction drops them). */
function standaloneLines(pageText: string): string[] {
  if (/<[a-z][^>]*>/i.test(pageText.slice(0, 2000))) return [];
  return pageText
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0 && !block.includes("\n") && !/[.!?:;,"”]$/.test(block) && block.split(/\s+/).length <= 16);
}

/** News pegs: a story that opens on when something happened is a report, not a scene. */
const NEWS_PEG = /\b(today|yesterday|tonight|(?<!\b(?:[Aa]|[Ee]very|[Ee]ach|[Oo]ne|[Ll]ate|[Ee]arly) )(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|this week|last week|announced|voted|plans to|will (?:announce|vote|sign|meet))\b/;
/** Scene detail a feature writer gives: the senses, the light and weather, the room, the hands. */
const SENSORY =
  /\b(smell(?:s|ed)?|scent|aroma|sound(?:s|ed)?|hum(?:s|med|ming)?|clatter|creak(?:s|ed)?|glow(?:s|ed)?|light|shadows?|dark|dust(?:y)?|steam(?:ing)?|rain|wind|cold|warm|heat|quiet|noise|bright|dawn|dusk|kitchen|porch|table|hands?|boots|coffee|smoke|mud|taste[sd]?|salt|sweat)\b/gi;
/** A named person or a pronoun doing something in the present tense ("Marisol Ortega lifts", "She walks"). */
const PRESENT_ACTION = /(?:^|[.!?]\s+)(?:(?:\p{Lu}\p{Ll}+ ){1,2}\p{Lu}\p{Ll}+|She|He|They) (?!is\b|has\b|was\b|says\b|does\b)\p{Ll}{2,}s\b/u;
/** A quotation from a person in the present tense ("she says", "says Ortega"): a feature's voice; news says "said". */
const SAYS = /\b(?:[Hh]e|[Ss]he|[Tt]hey|\p{Lu}\p{Ll}+) says\b|\bsays (?:\p{Lu}\p{Ll}+|he|she)\b/gu;
/** Explaining rather than reporting: what something means and what comes next. */
const MEANS = /\b(this means|that means|which means|what['’]s next|what happens (?:next|now)|what comes next|the bottom line|in short|analysts|observers|remains to be seen|it is (?:not )?(?:yet )?clear|it['’]s unclear|it is unclear|over the longer term|in the long run|the (?:first|second|next|key|big|real) (?:test|question)|put (?:simply|another way)|the upshot)\b/gi;
const COURT = /\b(ruled|rulings?|justices?|majority opinion|dissent(?:ed|ing)?|appeals court|supreme court|the court|judge)\b/i;
const REPORTING = /\b(said|says|told|according to|announced|reported|confirmed|stated)\b/i;
const QA_TURN = /^(Q|A|Q\.|A\.|Question|Answer)\s*[:.—-]\s|^[A-Z][\p{L}.'’ -]{1,40}:\s+\S/u;

/** The genre of an article, with the reasons; news unless another genre's cues clearly outweigh it. */
export function detectGenre(input: GenreInput): GenreVerdict {
  const scores: Record<Genre, number> = { news: 1, opinion: 0, analysis: 0, interview: 0, feature: 0, "press-release": 0, legal: 0 };
  const cues: string[] = [];
  const add = (genre: Genre, points: number, cue: string) => {
    scores[genre] += points;
    cues.push(`${genre}: ${cue}`);
  };

  for (const [genre, pattern] of SCHEMA) if (input.schemaType && pattern.test(input.schemaType)) add(genre, 4, `schema type ${input.schemaType}`);
  // A blog post (schema.org BlogPosting, a /blog/ address or a "Blog" section) is usually one writer's commentary, but
  // not always (a newsroom's live blog is news, a lab's blog explains): it counts for opinion only with the text's cues.
  const blogPath = urlPath(input.url);
  const blog =
    (input.schemaType !== undefined && /^BlogPosting$/i.test(input.schemaType)) ||
    (blogPath !== undefined && /(?:^|\/)blogs?(?:\/|$)/.test(blogPath) && !/live/.test(blogPath)) ||
    (input.section !== undefined && /\bblogs?\b/i.test(input.section) && !/\blive\b/i.test(input.section));
  if (blog) add("opinion", 2, "a blog post");
  if (input.schemaType && /Reportage/i.test(input.schemaType)) add("news", 2, `schema type ${input.schemaType}`);
  for (const [genre, pattern] of LABELS) {
    if (input.section && pattern.test(input.section)) add(genre, 3, `section "${input.section}"`);
    const path = urlPath(input.url);
    if (path && pattern.test(path.replace(/[/_]/g, " "))) add(genre, 3, `URL path ${path}`);
  }
  const title = input.title;
  if (/^(opinion|op-ed|column|editorial|commentary)\s*[:|—-]|[|—–-]\s*(opinion|op-ed|column|editorial|commentary)\s*$/i.test(title)) add("opinion", 3, "title label");
  if (/\b(press release|news release|for immediate release)\b|^(statement|readout)\s*[:|—-]/i.test(title)) add("press-release", 4, "title label");
  if (/\b\p{Lu}[\p{L}.'’&-]*(?: [\p{Lu}&][\p{L}.'’&-]*)* v(?:s)?\.? \p{Lu}/u.test(title) || /^in re\b/i.test(title)) add("legal", 3, "case name in the title");
  if (/^(analysis|explainer|fact check)\s*[:|—-]|\bexplained\b|^(why|how|what|where|who|when|which|is|are|can|does|do|will)\b.*\?|\bwhat (you need|to know)\b|\bwhat (the|it|this) .{0,40}means?\b|\band what (it|the data|this)\b|^what (a|an|the) [\p{L} -]{2,40} (is|are|does|do|means?)\b/iu.test(title)) add("analysis", 3, "explainer headline");
  if (/\b(interview|q&a|in conversation|talks to|speaks to)\b/i.test(title)) add("interview", 3, "interview headline");

  // A time stamp or a salutation kept as a paragraph ("Updated April 8, 2026, 9:41 p.m.", "To the editor:") is not the lead.
  const paragraphs = input.paragraphs.filter((p, i) => (input.paragraphKinds?.[i] ?? "paragraph") !== "blockquote" && !STAMP.test(p.trim()) && !SALUTATION.test(p.trim()));
  const text = paragraphs.join(" ");
  const words = Math.max(1, text.split(/\s+/).length);

  // Interview transcripts alternate speaker turns ("Q: ...", "SMITH: ...").
  const turns = input.paragraphs.filter((p) => QA_TURN.test(p)).length;
  const interview = (turns >= 4 && turns / Math.max(1, input.paragraphs.length) >= 0.3) || (input.qaTurns ?? 0) >= 3;
  if (interview) add("interview", 4, `${Math.max(turns, input.qaTurns ?? 0)} question-and-answer turns`);
  // An interview whose questions are plain paragraphs ending in "?" (not bold, no "Q:"): short questions each followed by an answer.
  const questionTurns = paragraphs.filter((p, i) => /\?\s*$/.test(p) && p.split(/\s+/).length <= 60 && !/[“"]/.test(p) && paragraphs[i + 1] !== undefined && !/\?\s*$/.test(paragraphs[i + 1]!)).length;
  if (!interview && questionTurns >= 3 && questionTurns / Math.max(1, paragraphs.length) >= 0.2) add("interview", 4, `${questionTurns} questions each followed by an answer`);
  // Plain-text Q&As: each question is a short line ending in "?" that extraction reads as a heading, answered in the first person.
  const askedHeadings = (input.headings ?? []).filter((h) => /\?$/.test(h)).length;
  const answersInFirstPerson = (text.replace(/[“"][^”"]*[”"]/g, " ").match(FIRST_PERSON)?.length ?? 0) >= 2;
  const headedQa = !interview && askedHeadings >= 3 && answersInFirstPerson;
  if (headedQa) add("interview", 4, `${askedHeadings} question headings answered in the first person`);
  const qa = interview || headedQa || (questionTurns >= 3 && questionTurns / Math.max(1, paragraphs.length) >= 0.2);

  // First person outside quotations marks a columnist (or a first-person feature).
  const unquoted = text.replace(/[“"][^”"]*[”"]/g, " ");
  const firstPerson = unquoted.match(FIRST_PERSON)?.length ?? 0;
  const firstPersonRate = (firstPerson / words) * 1000;
  // In an interview the first person and the questions are the speakers'.
  if (firstPersonRate >= 6 && !qa) add("opinion", firstPersonRate >= 12 ? 3 : 2, `first person (${firstPerson} times outside quotes)`);

  const evaluative = unquoted.match(EVALUATIVE)?.length ?? 0;
  const evaluativeRate = (evaluative / words) * 1000;
  if (evaluativeRate >= 6) add("opinion", evaluativeRate >= 10 ? 2 : 1, `evaluative language (${evaluative})`);
  const rhetorical = paragraphs.filter((p) => /\?\s*$/.test(p) && !/[“"]/.test(p)).length;
  if (rhetorical >= 2 && !qa) add("opinion", 1, `${rhetorical} rhetorical questions`);
  const questionHeadings = (input.headings ?? []).filter((h) => /\?$/.test(h)).length;
  if (questionHeadings >= 2 && !qa) add("analysis", 2, `${questionHeadings} question headings`);
  if (/\bthis (article|story|piece|explainer|guide) (explains|looks at|examines|sets out)\b|\bhere is what (happened|we know)\b|\bhere's what (happened|we know)\b/i.test(unquoted)) add("analysis", 2, "says it explains");

  const explainer = unquoted.match(EXPLAINER)?.length ?? 0;
  const explainerRate = (explainer / words) * 1000;
  if (explainerRate >= 5) add("analysis", explainerRate >= 9 ? 2 : 1, `explainer phrasing (${explainer})`);

  // A column without a label still sounds like one: the author's voice across the piece (singular or plural), talking
  // to the reader, a thesis up front or at the end, questions put to the reader. Wire copy, by contrast, has "said" in
  // most paragraphs (a news point below).
  const unquotedParagraphs = paragraphs.map((p) => p.replace(/[“"][^”"]*[”"]/g, " "));
  const plural = unquoted.match(PLURAL_FIRST)?.length ?? 0;
  const voiced = unquotedParagraphs.filter((p) => (p.match(FIRST_PERSON)?.length ?? 0) > 0 || /\b(?:[Ww]e|[Oo]ur|us)\b/.test(p)).length;
  const voice = !qa && paragraphs.length >= 4 && voiced >= 3 && voiced / paragraphs.length >= 0.3;
  if (voice) add("opinion", 1, `the author's voice in ${voiced} of ${paragraphs.length} paragraphs`);
  if (!qa && (plural / words) * 1000 >= 6 && firstPersonRate < 6) add("opinion", 1, `the author speaks as "we" (${plural} times)`);
  const secondPerson = unquoted.match(SECOND_PERSON)?.length ?? 0;
  if (!qa && voice && (secondPerson / words) * 1000 >= 4) add("opinion", 1, `addresses the reader (${secondPerson} times)`);
  // Without the author's voice only a recommendation counts ("should", "it is time"): "must" there is usually a rule or a step.
  const ends = [...unquotedParagraphs.slice(0, 2), ...unquotedParagraphs.slice(-2)].filter((p) => !REPORTING.test(p) && (voice ? THESIS.test(p) : STRONG_THESIS.test(p)));
  if (!qa && ends.length > 0 && (voice || evaluativeRate >= 4)) add("opinion", 1, "a thesis in the opening or closing paragraphs");
  const asked = unquotedParagraphs.join(" ").match(/[^.!?]{12,}\?(?=\s|$)/g)?.length ?? 0;
  if (!qa && asked >= 3 && rhetorical < 2 && voice) add("opinion", 1, `${asked} questions put to the reader`);
  if (input.pageText && COLUMN_BYLINE.test(input.pageText.slice(0, 2000) + "\n" + input.pageText.slice(-2500))) add("opinion", 3, "a columnist's byline or a views-expressed note");
  else if (!qa && input.pageText && contributorBio(input.pageText)) add("opinion", 2, "a contributor's bio (not a journalist's) at the end");
  if (input.pageText && EDITORIAL_BYLINE.test(input.pageText.slice(0, 3000))) add("opinion", 3, "an editorial board's byline");
  if (SALUTATION.test((input.paragraphs[0] ?? "").trim()) || (input.pageText && /^\s*(?:to the editor|dear editor)\s*[:,]/im.test(input.pageText.slice(0, 1500)))) add("opinion", 3, "a letter to the editor");
  else if (!qa && /\b(?:[Yy]our|[Tt]he) (?:\p{Lu}\p{Ll}{2}\.? \d{1,2}|recent|\p{Lu}\p{Ll}+day['’]s) (?:article|editorial|story|column|report)\b/u.test(paragraphs.slice(0, 2).join(" "))) add("opinion", 1, "answers the paper's own article");
  if (!qa && /\b(?:[Ww]e|[Tt]his (?:newspaper|page|editorial board)) (?:urge|endorse|recommend|call on)\b|\bon this page\b/.test(unquoted)) add("opinion", 1, "the paper speaks for itself (\"we urge\", \"on this page\")");

  // The shape of an argument, which a restrained column keeps even with few "I"s: recommendations in the author's own
  // voice (not reported: "the board should publish …"), the other side's case answered ("Critics say … That is true.
  // But …"), a call to the reader at the end, and a headline that takes a side.
  const sentences = unquotedParagraphs.flatMap((p) => p.split(/(?<=[.!?:;])\s+(?=[\p{Lu}“"‘(])/u)).filter((x) => x.trim().length > 0);
  const recommendations = qa ? 0 : sentences.filter((x) => RECOMMEND.test(x) && !REPORTED_SPEECH.test(x) && !/^(?:If|When|Whether|Who|What|How)\b/.test(x)).length;
  if (recommendations >= 3) add("opinion", recommendations >= 5 ? 2 : 1, `${recommendations} recommendations in the author's voice`);
  const answered = sentences.filter((x) => REBUTTAL.test(x) && !REPORTED_SPEECH.test(x)).length;
  if (!qa && answered > 0 && OTHER_SIDE.test(text)) add("opinion", answered >= 2 ? 2 : 1, `the other side's case answered (${answered})`);
  const closing = unquotedParagraphs.slice(-3).join(" ").split(/(?<=[.!?])\s+/);
  if (!qa && closing.some((x) => CALL_TO_ACTION.test(x.trim()))) add("opinion", 1, "a call to action at the end");
  if (!/[“"]|\b(?:says?|said|tells|told)\b|:/.test(title) && (TAKES_A_SIDE.test(title) || IMPERATIVE_TITLE.test(title))) add("opinion", 1, "a headline that takes a side");
  const reportingParagraphs = paragraphs.filter((p) => /\b(said|told|according to)\b/.test(p)).length;
  const reportedThroughout = paragraphs.length >= 4 && reportingParagraphs / paragraphs.length >= 0.5;

  // Real columns (v2.6): a published column rarely says "should" three times or names its critics; what marks it is
  // the moves of an argument in the writer's own sentences (not reported speech): a concession ("It's true that …",
  // "Yes, there's …"), a stance in the first person ("I don't see the downside", "I'd like to think"), the reader
  // addressed ("You could read these numbers as …", "Let's see …", "Remember when …"), an exclamation, questions put
  // to the reader. Three kinds of move is a column; a news story quotes such moves but does not make them.
  const own = sentences.filter((x) => !REPORTED_SPEECH.test(x) && !/\b(?:say|reported|reportedly)\b/.test(x));
  const moves = qa
    ? []
    : [
        own.some((x) => CONCESSION.test(x)) && "a concession",
        own.some((x) => STANCE.test(x)) && "a stance in the first person",
        own.some((x) => ADDRESS.test(x)) && "the reader addressed",
        own.some((x) => /!\s*$/.test(x.trim())) && "an exclamation",
        own.filter((x) => /\?\s*$/.test(x.trim())).length >= 2 && "questions put to the reader",
      ].filter((m): m is string => Boolean(m));
  const argued = moves.length >= 3;
  if (moves.length >= 2) add("opinion", argued ? 3 : 1, `the moves of an argument (${moves.join(", ")})`);
  // Contractions in the writer's own prose ("doesn't", "there's", "I don't") are a columnist's or a blogger's register;
  // wire and newspaper reporting keeps them inside quotations.
  const contractions = qa ? 0 : (unquoted.match(CONTRACTION) ?? []).length;
  if (!qa && moves.length >= 1 && (contractions / words) * 1000 >= 8 && reportingParagraphs / Math.max(1, paragraphs.length) < 0.4) add("opinion", 1, `a conversational register (${contractions} contractions outside quotes)`);

  // A feature tells a story: present-tense quotes from people ("she says"), scene detail, a person in action up front.
  const says = unquoted.match(SAYS)?.length ?? 0;
  const said = unquoted.match(/\bsaid\b/g)?.length ?? 0;
  if (says >= 3 && says > said) add("feature", 1, `present-tense attribution (${says} "says")`);
  const opening = paragraphs.slice(0, 2).join(" ");
  const firstSentence = (paragraphs[0] ?? "").split(/(?<=[.!?])\s+/)[0] ?? "";
  const sensory = new Set((opening.match(SENSORY) ?? []).map((m) => m.toLowerCase())).size;
  if (sensory >= 2 && !REPORTING.test(firstSentence) && !NEWS_PEG.test(firstSentence)) add("feature", 1, `scene detail in the lead (${sensory})`);
  if (PRESENT_ACTION.test(paragraphs[0] ?? "") && !REPORTING.test(firstSentence) && !NEWS_PEG.test(firstSentence)) add("feature", 1, "a person in action in the lead, present tense");

  // An analysis explains what the news means: one question heading, "this means", analysts, what comes next.
  const means = unquoted.match(MEANS)?.length ?? 0;
  if (questionHeadings === 1 && !qa) add("analysis", 1, "a question heading");
  if (means >= 2 && !voice) add("analysis", 1, `explains what it means (${means})`);
  // An explainer on a real page (v2.6): it explains causes and mechanisms ("because", "due to", "led to", "factors",
  // "a consequence of") far more densely than a report does, and heads its parts "Why …" / "How …" without a
  // question mark. Plain-text pastes lose those headings in extraction, so the page's own lines are read too.
  const causal = qa ? 0 : (unquoted.match(CAUSAL) ?? []).length;
  if (!qa && causal >= 6 && (causal / words) * 1000 >= 7 && reportingParagraphs / Math.max(1, paragraphs.length) < 0.45) add("analysis", 2, `explains causes (${causal} causal links)`);
  const explainingHeadings = new Set(
    [...(input.headings ?? []), ...(input.pageText ? standaloneLines(input.pageText) : [])].filter((h) => EXPLAINING_HEADING.test(h.trim())).map((h) => h.trim().toLowerCase()),
  ).size;
  if (!qa && explainingHeadings >= 1 && questionHeadings < 2) add("analysis", explainingHeadings >= 2 ? 3 : 2, `${explainingHeadings} heading(s) that explain ("Why …", "How …")`);

  // A press release: the issuing office's label and contact lines, "announced today", the end mark "###".
  const top = input.paragraphs.slice(0, 3).join(" ");
  // Extraction drops the label as furniture, so the page's own opening lines are read too.
  if (/\b(press release|news release|for immediate release)\b/i.test(top) || /^\s*(?:for immediate release|press release|news release)\b/im.test(input.pageText?.slice(0, 600) ?? "")) add("press-release", 4, "release label");
  const releaseCues = [
    /\b(today|Monday|Tuesday|Wednesday|Thursday|Friday) announced\b|\bannounced today\b|\bis (pleased|proud|excited) to announce\b/i,
    /\b(media|press) (contact|inquiries)\b|^contact:/im,
    /(^|\s)###(\s|$)|^-\s*30\s*-$/m,
    /\b(the )?office of (the )?(governor|senator|mayor|attorney general|congress(wo)?man|representative|secretary)\b/i,
    /\bfor more information\b|\bvisit (www\.|https?:)/i,
  ].filter((pattern) => input.paragraphs.some((p) => pattern.test(p))).length;
  if (releaseCues >= 2) add("press-release", releaseCues >= 3 ? 3 : 2, `${releaseCues} press-release cues`);

  // A court case summary: the parties' roles, the holding, the disposition; headed Facts / Question / Holding.
  const legalTerms = new Set((text.match(/\b(petitioners?|respondents?|appellants?|appellees?|plaintiffs?|defendants?|held that|the court held|holding|affirmed|reversed|remanded|certiorari|oral argument|precedent|the majority|concurr(?:ed|ing|ence)|dissent(?:ed|ing)?|statute|unconstitutional|lower court|circuit)\b/gi) ?? []).map((m) => m.toLowerCase())).size;
  const legalHeadings = (input.headings ?? []).filter((h) => /^(facts?( of the case)?|background|(the )?questions?( presented)?|(the )?issues?|holding|(the )?decision|conclusion|(the )?(majority|concurring|dissenting) opinions?|procedural history|ruling|outcome|disposition|case summary)\b/i.test(h.trim())).length;
  if (legalHeadings >= 2) add("legal", 3, `${legalHeadings} case-summary headings`);
  if (legalTerms >= 5 && !REPORTING.test(paragraphs.slice(0, 2).join(" "))) add("legal", 2, `legal terms (${legalTerms}) without reporting`);
  if (/\b(argued|decided)\s*:?\s*(on )?\p{Lu}[\p{Ll}]+\.? \d{1,2}, \d{4}\b|\bdocket (no\.|number)|\b\d{2,3} U\.S\. \d+\b/iu.test(input.paragraphs.slice(0, 4).join(" "))) add("legal", 2, "docket or decision line");

  if (/\b(this (interview|conversation) (has been|was) (edited|condensed)|(spoke|talked|sat down) with\b.{0,80}\b(about|on|after|before)\b|in an interview with)/i.test(input.paragraphs.slice(0, 3).join(" ")) && qa) add("interview", 1, "interview introduction");

  // A feature opens on a scene or a person, not on the news: no reporting verb in the first paragraph, and it shows people as characters.
  const lead = paragraphs[0] ?? "";
  // A court ruling reported as news: its lead says what the court ruled, not "said", yet it is a report, not a scene.
  const courtLead = COURT.test(paragraphs.slice(0, 2).join(" "));
  const courtTerms = new Set((text.match(new RegExp(COURT.source, "gi")) ?? []).map((m) => m.toLowerCase())).size;
  // A case summary or an office's release is not a news report of a ruling, and its plain lead is not a scene.
  const document = scores.legal >= 3 || scores["press-release"] >= 3;
  if (courtLead && courtTerms >= 2 && scores.legal < 3) add("news", 3, "court ruling reported");
  // A lead that says when something happened ("on Tuesday", "announced") is a news peg, and one that argues is a column's.
  const leadSentence = lead.split(/(?<=[.!?])\s+/)[0] ?? "";
  const arguing = voice && (THESIS.test(lead) || /\b(I|we) (?:\w+ )?(think|believe|argue|don['’]t|do not)\b/i.test(lead));
  if (lead && !REPORTING.test(lead) && !NEWS_PEG.test(leadSentence) && !arguing && !argued && !courtLead && !document && words >= 300) add("feature", 2, "scene-setting lead");
  if (/^(on a|in the|at the|when|as|by (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dawn|dusk|noon|midnight|morning|evening|nightfall)|the (first|morning|night|afternoon|evening|day|first time)|it was|for (years|decades))\b/i.test(lead) || /^by (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dawn|dusk|noon|midnight|nightfall)\b/i.test(paragraphs[1] ?? "")) add("feature", 1, "narrative opening");
  if (/\b\d{1,3}-year-old\b|\b\p{Lu}\p{Ll}+, \d{2},/u.test(text) && !REPORTING.test(lead)) add("feature", 1, "people described as characters");
  if (/\b(said|says),? (standing|sitting|pointing|laughing|smiling|looking|walking|holding|dragging|leaning|gesturing|pausing)\b/.test(text)) add("feature", 1, "scene in the attribution");
  // Hard news reports in its first paragraph.
  if (REPORTING.test(lead)) add("news", 1, "attribution in the lead");
  if (reportedThroughout && (REPORTING.test(lead) || NEWS_PEG.test(leadSentence))) add("news", 1, `attribution in ${reportingParagraphs} of ${paragraphs.length} paragraphs`);
  if (input.hasDateline || /\((AP|Reuters|AFP)\)/.test(input.paragraphs[0] ?? "") || /^\p{Lu}[\p{Lu} .'’-]{2,40}(?:, \p{Lu}[\p{L}.]+)?\s*(?:\([\p{L} ]+\)\s*)?[—–]\s/u.test(lead)) add("news", 1, "wire dateline");

  const ranked = (Object.entries(scores) as [Genre, number][]).sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
  const [best] = ranked;
  const genre = best && best[0] !== "news" && best[1] >= 3 && best[1] > scores.news ? best[0] : "news";
  const winner = scores[genre];
  const rival = Math.max(...ranked.filter(([g]) => g !== genre).map(([, points]) => points));
  // News is the default: it is certain when no other genre has real cues; another genre must lead by two points.
  // A wire dateline or a reported court ruling is hard news even when the lead has no "said" (a scene-setting cue).
  const hardNews = cues.some((c) => c === "news: wire dateline" || c === "news: court ruling reported");
  const certain = winner - rival >= 2 || (genre === "news" && (rival <= 1 || (hardNews && rival <= winner)));
  return { genre, scores, cues, certain };
}

function order(genre: Genre): number {
  return ["news", "press-release", "legal", "interview", "opinion", "analysis", "feature"].indexOf(genre);
}

function urlPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return undefined;
  }
}
