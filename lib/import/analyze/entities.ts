/**
 * People, organizations and places. compromise gives candidates; this module cleans them and resolves them within
 * the article into one entity each: "Barack Obama" = "Mr Obama" = "Obama" = "President Obama"; a surname two
 * people share ("Tom Reyes" and "Ana Reyes") is an alias of neither; nationalities, diseases and organizations are
 * never people. Roles come from titles ("Ambassador Liu Jieyi") and appositives ("Liu Jieyi, China's ambassador"),
 * so a description such as "Beijing's U.N. ambassador" can be resolved to the person the article names.
 */
import type { EntityKind, NamedEntity, Sentence } from "../types";
import { tagText } from "./parse";
import { escapeRegex, wordPattern } from "./text";

/** Titles that can precede a name; the role noun is the last word ("Foreign Minister" → minister). */
const TITLES = [
  "president", "vice president", "former president", "president-elect", "prime minister", "minister", "foreign minister", "defense minister", "secretary", "secretary of state",
  "secretary-general", "senator", "sen.", "representative", "rep.", "governor", "gov.", "mayor", "judge", "justice", "chief justice",
  "ambassador", "speaker", "leader", "majority leader", "minority leader", "chairman", "chairwoman", "chair", "general", "gen.",
  "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", "professor", "commissioner", "councilmember", "council member", "officer", "sheriff",
  "attorney general", "atty. gen.", "atty.", "sens.", "reps.", "govs.", "lt. gov.", "lt. governor", "lieutenant governor", "director", "library director", "executive director", "spokesman", "spokeswoman", "spokesperson", "deputy", "envoy", "sgt.", "lt.", "col.", "capt.", "rev.",
  "king", "queen", "prince", "princess", "pope", "chancellor", "premier", "dean", "coach", "captain", "detective", "superintendent", "principal",
  "councillor", "councilor", "chief constable", "constable", "deputy ambassador", "finance minister", "justice minister", "interior minister", "health minister", "minister of state",
];
const TITLE_ALTERNATION = TITLES.map(escapeRegex).sort((a, b) => b.length - a.length).join("|");
/** Titles as written before a name, lowercase or capitalized ("ambassador Haley", "Foreign Minister Wang Yi"); case-sensitive so the name stays capitalized. */
const TITLE_CASED = TITLES.flatMap((t) => [t, t.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())])
  .map(escapeRegex)
  .sort((a, b) => b.length - a.length)
  .join("|");
const TITLE_PREFIX = new RegExp(`^(?:(?:${TITLE_ALTERNATION}|house|senate|state|former|u\\.s\\.|us)(?:\\s+|$))+`, "i");
const HONORIFIC = /^(mr|mrs|ms|dr|miss|sir|dame)\.?$/i;

/** Role nouns: what the article may call a person instead of naming them. */
export const ROLE_NOUNS = [
  "ambassador", "president", "minister", "secretary", "senator", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "chairman",
  "chairwoman", "director", "professor", "researcher", "analyst", "economist", "scientist", "envoy", "judge", "lawyer", "attorney", "chief",
  "leader", "author", "writer", "reporter", "editor", "teacher", "student", "doctor", "nurse", "founder", "executive", "commissioner", "diplomat",
  "historian", "activist", "lawmaker", "representative", "congressman", "congresswoman", "candidate", "manager", "coach", "farmer", "owner",
  "librarian", "chancellor", "premier", "king", "queen", "general", "officer", "sheriff", "principal", "superintendent", "councilmember", "official",
  "councillor", "councilor", "constable", "auditor", "clerk", "organiser", "organizer", "volunteer", "fisherman", "vendor", "resident",
];
const ROLE_SET = new Set(ROLE_NOUNS);

const MONTHS_AND_DAYS = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const ORGANIZATION_WORD = /\b(federation|alliance|coalition|trust|society|committee|association|institute|department|agency|party|court|congress|ministry|office|board|commission|university|school|college|foundation|bank|company|corporation|union|programme|program|league|network|center|centre|administration|assembly|parliament|senate|house|force|forces|army|navy|police|group|inc|corp|ltd|times|post|news|press|service|organization|organisation|fund|club|team|authority|government)$/i;
/** Words compromise sometimes tags as people that never are: nationalities, diseases, groups. */
const ORG_NAME = /(?<![\p{L}])(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:Federation|Authority|Union|Council|Committee|Association|Institute|Agency|Party|Court|Ministry|Commission|University|Foundation|Bank|Company|Corporation|League|Network|Assembly|Parliament|Department|Office|Board|Service|Organization|Organisation|Fund|Alliance|Coalition|Trust|Society|Group)\b/gu;
const NOT_PEOPLE = new RegExp(
  "^(american|americans|chinese|british|french|german|germans|russian|russians|iranian|iranians|israeli|israelis|palestinian|palestinians|korean|koreans|north korean|south korean|japanese|indian|indians|mexican|mexicans|canadian|canadians|european|europeans|african|africans|asian|asians|arab|arabs|muslim|muslims|christian|christians|jewish|jews|democrat|democrats|republican|republicans|ukrainian|ukrainians|syrian|syrians|iraqi|iraqis|afghan|afghans|cuban|cubans|venezuelan|venezuelans|brazilian|brazilians|australian|australians|italian|italians|spanish|dutch|swedish|turkish|saudi|saudis|egyptian|egyptians|pakistani|pakistanis|nigerian|nigerians|latino|latinos|hispanic|hispanics|covid|covid-19|ebola|zika|alzheimer|alzheimer's|parkinson|parkinson's|aids|hiv|sars|mers|god|allah|lord|christmas|easter|ramadan|internet|twitter|facebook|google|youtube|instagram|tiktok)$",
  "i",
);
const DISEASE_WORD = /\b(disease|syndrome|virus|fever|flu|influenza|cancer|disorder|infection|pox)$/i;
const NOT_NAMES = new Set(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "the", "a", "an", "this", "that", "officials", "critics", "supporters", "but", "and", "in", "on"]);

export function cleanEntity(raw: string): string | undefined {
  let name = raw
    .replace(/[“”"‘]/g, "")
    .replace(/[’']s$/i, "")
    .replace(/[\s.,;:!?)(’'—–-]+$/g, "")
    .replace(/^[(‘'’]+/, "")
    .replace(/^the\s+/i, "")
    .trim();
  name = name.replace(TITLE_PREFIX, "").trim();
  // A social-media prompt's verb is not part of the name ("Follow Wendy Koch", "Email Dana Reyes").
  name = name.replace(/^(?:Follow|Contact|Email|E-mail|Message|Subscribe|Watch|Listen)\s+(?=\p{Lu})/u, "").trim();
  // Datelines and headlines glued to a name ("UNITED NATIONS (Wire) — The UN") are not names.
  if (/[()—–]/.test(name) || name.split(/\s+/).length > 5) return undefined;
  if (MONTHS_AND_DAYS.test(name)) return undefined;
  if (/^[A-Z]{5,}$/.test(name)) name = name[0] + name.slice(1).toLowerCase();
  if (!name || NOT_NAMES.has(name.toLowerCase()) || TITLE_ABBREVIATION.test(name)) return undefined;
  if (!/^\p{Lu}/u.test(name) || name.length < 2) return undefined;
  return name;
}

/** A title on its own ("Gov", "Sens.") is not a name. */
const TITLE_ABBREVIATION = /^(?:sens?|reps?|govs?|lt|gen|atty|col|capt|sgt|adm|supt|pres|sec|dept|mr|mrs|ms|dr|prof|rev|hon)\.?$/i;
/** Words that start a noun phrase, not a name ("Every Virginia voter", "Each Senate seat"). */
const DETERMINER_START = /^(?:Every|Each|All|Some|Many|Most|Few|No|Any|Other|Another|Several|Both|Either|Neither|This|That|These|Those|Our|Your|My|Their|Its|His|Her|More|Less|Such)\s/;
/** Headline verbs in title case ("Smith Signs SB 12", "Council Backs Plan"): a headline fragment, not a name. */
const HEADLINE_VERB = /\s(?:Signs|Says|Said|Vetoes|Vetoed|Passes|Passed|Announces|Announced|Wins|Won|Calls|Urges|Backs|Blocks|Rejects|Approves|Approved|Unveils|Launches|Slams|Seeks|Faces|Plans|Pushes|Names|Sues|Warns|Votes|Voted|Introduces|Files|Asks|Joins|Leads|Takes|Gets|Makes|Ends|Opens|Defends|Proposes|Supports|Opposes|Is|Are|Was|Were|To|Will|Would|And|Or|For|With|On|In|At|Of)(?:\s|$)/;

/** A name that can be a person: not an acronym, nationality, disease or organization word, nor a headline fragment. */
export function canBePerson(name: string): boolean {
  if (DETERMINER_START.test(`${name} `) || HEADLINE_VERB.test(name)) return false;
  // A short all-capitals word inside a name is a bill or agency code ("SB", "HB", "EPA"), never part of a person's name.
  if (name.split(/\s+/).some((part, i) => i > 0 && /^[A-Z]{2,4}$/.test(part))) return false;
  if (/^[\p{Lu}.]+$/u.test(name.replace(/\s/g, "")) || /\.\p{Lu}/u.test(name)) return false;
  if (NOT_PEOPLE.test(name) || DISEASE_WORD.test(name) || ORGANIZATION_WORD.test(name) || ORG_LAST_WORD.test(name)) return false;
  if (/\d/.test(name)) return false;
  // Storms and institutions named like people ("Hurricane Tessa", "Riverbend General", "St Mary's Memorial").
  if (/^(Hurricane|Typhoon|Cyclone|Storm|Tropical Storm|Tropical Depression|Operation|Project|Camp|Fort|Lake|Mount|River)\s/.test(name)) return false;
  if (/\s(General|Memorial|Hospital|Clinic|Medical|Library|Museum|Airport|Station|Street|Avenue|Road|Park|Square|Bridge|Hall|Capitol|County|City|Island|Sound|Valley|Courier|Ledger|Gazette|Tribune|Herald|Daily|Journal|Review|Desk)$/.test(name)) return false;
  // Place names compromise sometimes tags as people ("New York", "West Bank", "Port Carrick").
  if (/^(New|North|South|East|West|Western|Eastern|Northern|Southern|Upper|Lower|Port|Fort|Mount|Lake|San|Santa|Los|Las|El|Saint|St\.?|Cape|Gulf)\s/.test(name)) return false;
  return name.split(/\s+/).every((part) => /^\p{Lu}[\p{L}'’.-]*$/u.test(part) || /^(de|da|van|von|bin|al|del|la|le)$/.test(part));
}

/**
 * Last words that make a name a company, agency, utility, place or structure, never a person ("Cordell Edison",
 * "Kestrel Energy", "Brightwater Co-op", "Sunrise Haulage", "Fenwick Landing", "Carver Dam"). Words that are also
 * common surnames ("Power", "Bank") are left to the context rules below, except "Edison" (the utilities' name).
 */
const ORG_LAST_WORD =
  /\s(?:Edison|Energy|Electric|Utilities|Utility|Co-op|Coop|Cooperative|Haulage|Logistics|Airlines|Airways|Motors|Foods|Holdings|Partners|Capital|Media|Labs|Systems|Technologies|Pharmaceuticals|Pharma|Insurance|Mutual|Railway|Railroad|Transit|Ferries|Shipping|Concrete|Steel|Construction|Realty|Properties|Studios|Brewing|Industries|Enterprises|Inc|LLC|Ltd|Corp|Co|PLC|Bancorp|Financial|Ventures|Solutions|Communications|Telecom|Wireless|Networks|Software|Analytics|Consulting|Manufacturing|Chemicals|Mining|Petroleum|Resources|Healthcare|Pharmacy|Landing|Coast|Harbor|Harbour|Bay|Beach|Heights|Springs|Falls|Creek|Point|Pier|Terminal|Wharf|Plaza|Dam|Reservoir|District|Township|Borough|Parish|Province|Region|Stadium|Arena|Center|Centre|Mall|Tower|Towers|Building|Institute|Academy|Department|Bureau|Authority)\.?$/;

/** Nouns that name what an organization, a vessel, a storm or a place is ("Cordell Edison, the utility that …"). */
const THING_NOUN =
  "company|utility|firm|agency|department|bureau|authority|district|co-op|cooperative|nonprofit|charity|organization|organisation|union|corporation|retailer|chain|manufacturer|maker|carrier|airline|bank|insurer|lender|developer|contractor|operator|publisher|newspaper|outlet|broadcaster|university|hospital|club|ship|vessel|ferry|boat|tanker|tug|barge|yacht|freighter|liner|storm|hurricane|typhoon|cyclone|river|lake|town|city|village|county|park|bridge|building|tower|restaurant|store|shop|brand|app|platform|startup|supplier|grocer|supermarket|landlord|owner of|plant|mill|mine|dam|reservoir|landing|pier|terminal";

/**
 * True when the article treats a capitalized name as an organization, a vessel, a storm or a place: an appositive
 * ("Cordell Edison, the utility that …"; "the largest ferry, the Henrietta Lowe"; "the tour boat Emmeline Shaw"), a
 * spokesperson or staff "for" it, "it" as its pronoun ("X said it …", "X, which …"), a possessive only companies,
 * ships and storms take ("X's shares", "X's crew"), "The company said" right after a sentence it opens, or "the"
 * before every mention. A name with a person's cue (a title, an age, "who", "he/she said") stays a person.
 */
export function treatedAsThing(name: string, text: string): boolean {
  const n = escapeRegex(name);
  const at = `(?<![\\p{L}])${n}(?![\\p{L}])`;
  const personCue = new RegExp(`${at},\\s+(?:\\d{1,3},|who\\b)|${at}(?:,[^,.]{1,80},)?\\s+(?:said|says|told)\\s+(?:he|she|him|her)\\b|(?:^|[.!?]\\s+)${at}\\s+(?:said|says)\\s+(?:his|her)\\b`, "u");
  const roleAppositive = new RegExp(`${at},\\s+(?:the|a|an|[\\p{L}.]+['’]s)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:${ROLE_NOUNS.join("|")})\\b(?!['’])`, "u");
  if (personCue.test(text) || roleAppositive.test(text)) return false;
  const cues = [
    new RegExp(`${at},\\s+(?:the|a|an)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:${THING_NOUN})\\b(?!['’])`, "u"),
    new RegExp(`\\b(?:the|a|an|its|their)\\s+(?:[\\p{Ll}-]+\\s+){0,2}(?:${THING_NOUN})(?:\\s+(?:called|named))?,?\\s+(?:the\\s+)?${at}`, "iu"),
    new RegExp(`\\b(?:spokes(?:man|woman|person)|representatives?|chief executive|CEO|employees?|workers|customers|shareholders|subscribers|a unit|a subsidiary|owners?)\\s+(?:for|of|at)\\s+(?:the\\s+)?${at}`, "u"),
    new RegExp(`${at}(?:,[^,.]{1,100},)?\\s+(?:said|says|reported|announced|added|stated|confirmed|warned|expects|expected)\\s+(?:on\\s+\\p{Lu}\\p{Ll}+\\s+)?(?:that\\s+)?(?:it|its)\\b`, "u"),
    new RegExp(`${at},\\s+which\\b`, "u"),
    new RegExp(`${at}['’]s\\s+(?:chief executive|CEO|board|shares|stock|customers|headquarters|spokes(?:man|woman|person)|employees|subsidiar\\w+|factory|stores|branches|crew|hull|passengers|landfall|winds|eye)\\b`, "u"),
    new RegExp(`(?:^|[.!?]\\s+)${at}\\b[^.!?]{0,200}[.!?]\\s+The\\s+(?:company|firm|utility|agency|co-op|cooperative|carrier|airline|bank|retailer|chain|group)\\s+(?:said|says|has|had|is|was|also)\\b`, "u"),
  ];
  if (cues.some((cue) => cue.test(text))) return true;
  const mentions = [...text.matchAll(new RegExp(`(\\S+\\s+)?${at}`, "gu"))];
  return mentions.length > 0 && mentions.every((m) => /^the\s+$/i.test(m[1] ?? ""));
}

const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2}";
const SAID_NAME = new RegExp(`\\b(?:said|says|told reporters|added|wrote|argued|explained)\\s+(?:\\p{Ll}+\\s+)?(${NAME})|(${NAME}),?\\s+(?:said|says|told|added|wrote|argued|explained)\\b`, "gu");
const KIN = "mother|father|son|daughter|wife|husband|sister|brother|grandmother|grandfather|granddaughter|grandson|aunt|uncle|niece|nephew|mom|dad";
const PERSON_APPOSITIVE = new RegExp(
  `(?<![\\p{L}])(${NAME}),\\s+(?:who\\s+[^,]{3,80}|an?\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?:nurse|teacher|farmer|worker|resident|owner|student|plumber|mother|father|driver|captain|volunteer|retiree|organizer|organiser|doctor|lawyer|pastor|activist|founder)[^,]{0,60}),\\s+(?:said|says|told|worries|argues|added|recalled|explained)\\b|(?<![\\p{L}])(${NAME}),\\s+\\d{1,3},|\\b(?:[Hh]is|[Hh]er|[\\p{Lu}][\\p{L}'’-]+['’]s)\\s+(?:${KIN}),\\s+(${NAME}),`,
  "gu",
);
const SURNAME_AS_PERSON = /(?:^|[.!?]\s+)(\p{Lu}[\p{L}'’-]+),\s+\d{1,3},|(?<![\p{L}]\s)(?<![\p{L}])(\p{Lu}[\p{L}'’-]+)\s+(?:said|says|told|laughed|added)\b/gu;
const TITLED_NAME = new RegExp(`(?<![\\p{L}])(${TITLE_CASED})\\s+(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})`, "gu");

interface Draft {
  name: string;
  kind: EntityKind;
  titled: boolean;
  variants: Set<string>;
  roles: Set<string>;
}

export function findEntities(text: string, sentences: Sentence[], quoteSpeakers: (string | undefined)[] = []): NamedEntity[] {
  const doc = tagText(text);
  const raw: { value: string; kind: EntityKind; titled: boolean }[] = [
    // The page's own attribution of a block quote ("— Adaeze Nwosu, elections commissioner") names a person.
    ...quoteSpeakers.flatMap((speaker) => {
      const name = speaker ? /^[—–-]?\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})/u.exec(speaker)?.[1] : undefined;
      return name && canBePerson(name) ? [{ value: name, kind: "person" as const, titled: true }] : [];
    }),
    ...(doc.people().out("array") as string[]).map((value) => ({ value, kind: "person" as const, titled: false })),
    ...(doc.organizations().out("array") as string[]).map((value) => ({ value, kind: "organization" as const, titled: false })),
    ...(doc.places().out("array") as string[]).map((value) => ({ value, kind: "place" as const, titled: false })),
  ];
  // Every "Given Surname" of the text for a surname, scanned once per surname (a surname recurs in many sentences).
  const fullNamesBySurname = new Map<string, string[]>();
  const fullNamesOf = (surname: string): string[] => {
    let names = fullNamesBySurname.get(surname);
    if (!names) {
      names = [];
      for (const full of text.matchAll(new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]+) ${escapeRegex(surname)}(?![\\p{L}])`, "gu"))) {
        const name = `${full[1]} ${surname}`;
        if (!TITLE_PREFIX.test(name) && !MONTHS_AND_DAYS.test(full[1]!) && !/^(The|A|An|In|On|At|And|But|When|Her|His|Their|Mr|Ms|Mrs|Dr)$/.test(full[1]!) && canBePerson(name)) names.push(name);
      }
      fullNamesBySurname.set(surname, names);
    }
    return names;
  };
  // compromise misses many names; "said Priya Natarajan", "Priya Natarajan said" and "Ambassador Liu Jieyi" are reliable cues.
  const titledForms: { title: string; name: string }[] = [];
  for (const sentence of sentences) {
    // "The Estmark Dockworkers' Federation", "Halverstad Port Authority": capitalized words ending in an organization word.
    for (const match of sentence.text.matchAll(ORG_NAME)) raw.push({ value: match[0], kind: "organization", titled: false });
    for (const match of sentence.text.matchAll(SAID_NAME)) {
      const name = match[1] ?? match[2];
      if (name) raw.push({ value: name, kind: "person", titled: false });
    }
    // Appositives only people take: "Tamsin Greer, who organised the rally, said", "Delphine Marsh, a night nurse at
    // …, said", "Moll, 61, has crossed", "Her father, Anton Moll," / "Ekdahl's son, Jonas Ekdahl,".
    for (const match of sentence.text.matchAll(PERSON_APPOSITIVE)) {
      const name = match[1] ?? match[2] ?? match[3];
      if (name && canBePerson(name)) raw.push({ value: name, kind: "person", titled: false });
    }
    // A surname used as a person ("Moll, 61, has crossed", "Greer said"): every "Given Surname" in the text is a person.
    for (const match of sentence.text.matchAll(SURNAME_AS_PERSON)) {
      const surname = match[1] ?? match[2];
      if (!surname || MONTHS_AND_DAYS.test(surname)) continue;
      for (const name of fullNamesOf(surname)) raw.push({ value: name, kind: "person", titled: false });
    }
    for (const match of sentence.text.matchAll(TITLED_NAME)) {
      const title = match[1]!;
      // "The President said" is not a title before a name; the title must be capitalized or an honorific.
      if (!/^\p{Lu}/u.test(title) && !ROLE_SET.has(title.toLowerCase())) continue;
      // "would judge Karesh" is a verb, not a title.
      if (!/^\p{Lu}/u.test(title) && /\b(would|will|to|can|could|should|may|might|must|did|does|do|not|cannot)\s+$/i.test(sentence.text.slice(0, match.index))) continue;
      const name = trimTrailingCommonWords(match[2]!.replace(/['’]s$/, ""));
      if (!name || !canBePerson(name)) continue;
      titledForms.push({ title, name });
      raw.push({ value: name, kind: "person", titled: true });
    }
  }

  const byKey = new Map<string, Draft>();
  for (const { value, kind: rawKind, titled } of raw) {
    let kind: EntityKind = rawKind !== "person" && TITLE_PREFIX.test(value) && !/^(the\s+)?(house|senate|state|u\.s\.|us)\b/i.test(value) ? "person" : rawKind;
    const name = cleanEntity(value);
    if (!name) continue;
    if (ORGANIZATION_WORD.test(name)) kind = "organization";
    if (kind === "person" && !canBePerson(name)) {
      // "U.N", "NATO", "Chinese": compromise's person tag on these is wrong. Acronyms are organizations.
      if (/^[\p{Lu}.]{2,}$/u.test(name)) kind = "organization";
      else continue;
    }
    const key = keyOf(name);
    const existing = byKey.get(key);
    if (existing) {
      if (titled) existing.titled = true;
      if (existing.kind !== "person" && kind === "person" && (titled || rawKind === "person")) existing.kind = "person";
      continue;
    }
    byKey.set(key, { name, kind, titled, variants: new Set(), roles: new Set() });
  }

  // A name the article treats as a company, ship, storm or place is not a person, unless a title says otherwise.
  for (const draft of byKey.values()) if (draft.kind === "person" && !draft.titled && treatedAsThing(draft.name, text)) draft.kind = "organization";
  // A name that is only ever the start of a longer one ("Emanuel African" of "Emanuel African Methodist Episcopal
  // Church", "Dana F" of "Dana F Holdings") or a count of people sharing a name ("four Dr. Woods") is nobody.
  for (const [key, draft] of byKey) if (draft.kind === "person" && (cutFromLongerName(draft.name, text) || countedName(draft.name, text))) byKey.delete(key);

  // People: full names are canonical; a one-word name folds into the one full name it belongs to.
  const people = () => [...byKey.values()].filter((e) => e.kind === "person");
  const fullNames = people().filter((p) => p.name.includes(" "));
  const surnameCount = new Map<string, number>();
  for (const person of fullNames) {
    const surname = surnameOf(person.name);
    surnameCount.set(surname, (surnameCount.get(surname) ?? 0) + 1);
  }
  const ambiguous = new Set([...surnameCount].filter(([, n]) => n > 1).map(([s]) => s));
  // A two-word surname used alone ("Black Elk said" after "Linda Black Elk") is the one longer name it ends.
  for (const short of people()) {
    if (!short.name.includes(" ")) continue;
    const owners = fullNames.filter((p) => p !== short && p.name.endsWith(` ${short.name}`));
    if (owners.length === 1) {
      owners[0]!.variants.add(short.name);
      if (short.titled) owners[0]!.titled = true;
      byKey.delete(keyOf(short.name));
    }
  }
  for (const short of people()) {
    if (short.name.includes(" ")) continue;
    const owners = fullNames.filter((p) => surnameOf(p.name) === short.name || p.name.split(/\s+/)[0] === short.name);
    byKey.delete(keyOf(short.name));
    // A surname shared by two people (father and son) is an alias of neither.
    if (owners.length === 1 && !ambiguous.has(short.name)) owners[0]!.variants.add(short.name);
    else if (owners.length === 0 && short.titled) byKey.set(keyOf(short.name), short);
  }
  // A full name that is a longer form of another full name ("Barack H. Obama" vs "Barack Obama") is the same person.
  for (const person of fullNames) {
    if (!byKey.has(keyOf(person.name))) continue;
    for (const other of fullNames) {
      if (other === person || !byKey.has(keyOf(other.name))) continue;
      const a = person.name.split(/\s+/);
      const b = other.name.split(/\s+/);
      if (a.length > b.length && a[0] === b[0] && a.at(-1) === b.at(-1)) {
        person.variants.add(other.name);
        byKey.delete(keyOf(other.name));
      }
    }
  }
  const givenCount = new Map<string, number>();
  for (const person of people()) if (person.name.includes(" ")) givenCount.set(person.name.split(/\s+/)[0]!, (givenCount.get(person.name.split(/\s+/)[0]!) ?? 0) + 1);
  for (const person of people()) {
    if (!person.name.includes(" ")) continue;
    const surname = surnameOf(person.name);
    if (!ambiguous.has(surname) && surname.length > 2) person.variants.add(surname);
    // A given name used alone ("Eirik said") is the person's when no one else of the article has it.
    const given = person.name.split(/\s+/)[0]!;
    if (givenCount.get(given) === 1 && given.length > 2 && !HONORIFIC.test(given) && !surnameCount.has(given) && new RegExp(`(?<![\\p{L}])${escapeRegex(given)}(?!\\s+\\p{Lu})(?![\\p{L}])`, "u").test(text)) person.variants.add(given);
  }
  // Titles and honorifics seen before a person's name or surname are aliases too ("Mr Obama", "President Obama").
  for (const { title, name } of titledForms) {
    const owner = people().find((p) => p.name === name || p.variants.has(name));
    if (!owner) continue;
    owner.variants.add(`${title} ${name}`);
    const role = roleOf(title);
    if (role) owner.roles.add(role);
    // The full title too ("prime minister"), so "the prime minister" is not taken for the finance minister.
    const full = title.toLowerCase().replace(/\.$/, "");
    if (role && full.includes(" ")) owner.roles.add(full);
  }
  // Appositives: "Liu Jieyi, China's ambassador to the U.N., said" gives Liu the role "ambassador".
  for (const person of people()) {
    const forms = [person.name, ...person.variants];
    const appositive = new RegExp(`${wordPattern(forms, false).source},\\s+(?:the|a|an|[\\p{Lu}][\\p{L}.]*['’]s)\\s+((?:[\\p{L}.'’-]+\\s+){0,3}?)(${ROLE_NOUNS.join("|")})\\b`, "gu");
    // And the other way round: "The mayor, Renata Quill, called …", "the county's sheriff, Ann Cole, said".
    const reverse = new RegExp(`(?<![\\p{L}])(?:[Tt]he|[\\p{L}.]+['’]s)\\s+((?:[\\p{Ll}.'’-]+\\s+){0,2}?)(${ROLE_NOUNS.join("|")}),\\s+${wordPattern(forms, false).source}(?=[,.;]|\\s+(?:said|says|told|called|added)\\b)`, "gu");
    for (const sentence of sentences) {
      for (const match of [...sentence.text.matchAll(appositive), ...sentence.text.matchAll(reverse)]) {
        person.roles.add(match[2]!.toLowerCase());
        const modifier = match[1]!.trim().split(/\s+/).at(-1)?.toLowerCase();
        if (modifier && /^[a-z]+$/.test(modifier)) person.roles.add(`${modifier} ${match[2]!.toLowerCase()}`);
      }
    }
  }

  // Organizations and places: "U.N.", "U.N" and "UN" are one; an acronym folds into the name it abbreviates.
  const others = [...byKey.values()].filter((e) => e.kind !== "person");
  for (const acronym of others) {
    const letters = acronym.name.replace(/\./g, "");
    if (!/^\p{Lu}{2,6}$/u.test(letters)) continue;
    const full = others.find((o) => o !== acronym && o.name.includes(" ") && initials(o.name) === letters);
    if (full && byKey.has(keyOf(acronym.name))) {
      full.variants.add(acronym.name);
      byKey.delete(keyOf(acronym.name));
    }
  }

  const entities: NamedEntity[] = [...byKey.values()].map((e) => ({ name: e.name, kind: e.kind, variants: [...e.variants].filter((v) => v !== e.name), roles: [...e.roles].sort(), mentions: 0, sentenceIds: [] }));
  for (const entity of entities) {
    const pattern = wordPattern([entity.name, ...entity.variants], false);
    const forms = [entity.name, ...entity.variants];
    for (const sentence of sentences) {
      if (!forms.some((f) => sentence.text.includes(f))) continue;
      const found = sentence.text.match(pattern)?.length ?? 0;
      if (found > 0) {
        entity.mentions += found;
        entity.sentenceIds.push(sentence.id);
      }
    }
  }
  return entities.filter((e) => e.mentions > 0).sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

const PERSON_PRONOUN = /\b(?:he|she|him|her|his|hers|himself|herself)\b/i;
const FEMALE_NOUN = "woman|women|girl|mother|daughter|wife|sister|grandmother|granddaughter|aunt|niece|queen|mom|chairwoman|spokeswoman|actress";
const MALE_NOUN = "man|men|boy|father|son|husband|brother|grandfather|grandson|uncle|nephew|king|dad|chairman|spokesman|actor";
/** Nouns that name the person a pronoun stands for in the same sentence ("The mayor said she …"). */
const PERSON_NOUN = new RegExp(
  `\\b(?:${FEMALE_NOUN}|${MALE_NOUN}|mayor|governor|president|senator|minister|official|spokesperson|judge|lawyer|attorney|researcher|scientist|professor|author|writer|teacher|student|doctor|nurse|director|chief|leader|officer|owner|resident|worker|witness|victim|suspect|defendant|candidate|member|founder|chair|secretary|ambassador|commissioner|councillor|councilor|prosecutor|farmer|driver|coach|player|artist|singer|reporter|editor)s?\\b`,
  "gi",
);

/**
 * True when a sentence leans on a person it does not name: "he", "she", "his" or "her" (outside quotations) before
 * any name of the article's people or a noun for a person of the same sex ("In smart homes, he expects …"; "In
 * January, his team …"; "Mother remembered visiting him …").
 */
export function danglingPronoun(text: string, names: readonly string[]): boolean {
  const prose = text.replace(/[“"][^”"]*[”"]/g, (q) => " ".repeat(q.length));
  const pronoun = PERSON_PRONOUN.exec(prose);
  if (!pronoun) return false;
  const before = prose.slice(0, pronoun.index);
  if (names.some((name) => name.length > 1 && new RegExp(`(?<![\\p{L}])${escapeRegex(name)}(?![\\p{L}])`, "u").test(before))) return false;
  const female = /^(?:she|her|hers|herself)$/i.test(pronoun[0]);
  const nouns = [...before.matchAll(PERSON_NOUN)].map((m) => m[0].toLowerCase().replace(/(?<!s)s$/, ""));
  return !nouns.some((noun) => !new RegExp(`^(?:${female ? MALE_NOUN : FEMALE_NOUN})$`).test(noun));
}

/**
 * True when every mention of `name` runs on into more capitalized words of the same name ("Emanuel African Methodist
 * Episcopal Church"; "Dana F Holdings"): the name was cut from a longer one. A suffix such as "Jr." does not count.
 */
export function cutFromLongerName(name: string, text: string): boolean {
  const mentions = [...text.matchAll(new RegExp(`(?<![\\p{L}])${escapeRegex(name)}(?![\\p{L}])([ \\t]+\\S+)?`, "gu"))];
  if (mentions.length === 0) return false;
  return mentions.every((m) => {
    const next = (m[1] ?? "").trim();
    return /^\p{Lu}[\p{L}'’-]*$/u.test(next) && !/^(?:Jr|Sr|II|III|IV)$/.test(next);
  });
}

/** True when the name is counted ("four Dr. Woods", "two Smiths"): a family or a group sharing it, not one person. */
export function countedName(name: string, text: string): boolean {
  const surname = name.split(/\s+/).at(-1)!;
  const count = "(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ss]everal|[Mm]any|\\d+)";
  return new RegExp(`\\b${count}\\s+(?:(?:Dr|Mr|Mrs|Ms|Drs)\\.?\\s+)?${escapeRegex(surname.replace(/s$/, ""))}s\\b`, "u").test(text) && !/\s/.test(name);
}

function keyOf(name: string): string {
  return name.replace(/\./g, "").replace(/[’']/g, "'").toLowerCase();
}

function surnameOf(name: string): string {
  return name.split(/\s+/).at(-1)!;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

function roleOf(title: string): string | undefined {
  const last = title.toLowerCase().replace(/\.$/, "").split(/\s+/).at(-1)!;
  if (HONORIFIC.test(last)) return undefined;
  if (ROLE_SET.has(last)) return last;
  if (last === "sen") return "senator";
  if (last === "gov") return "governor";
  if (last === "rep") return "representative";
  if (last === "secretary-general") return "secretary";
  return undefined;
}

/** "Liu Jieyi Said" is not a name; keep the capitalized words that look like a name. */
function trimTrailingCommonWords(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && /^(Said|Says|Told|On|In|And|But|The|Of|For|Also|Has|Had|Was|Is|Will|Would)$/.test(words.at(-1)!)) words.pop();
  return words.join(" ");
}

/** All forms an entity goes by, longest first. */
export function formsOf(entity: NamedEntity): string[] {
  return [entity.name, ...entity.variants].sort((a, b) => b.length - a.length);
}

/** True when two strings name the same entity of the article. */
export function sameEntity(a: string, b: string, entities: NamedEntity[]): boolean {
  if (a === b) return true;
  const owner = entities.find((e) => formsOf(e).includes(a));
  return !!owner && formsOf(owner).includes(b);
}

/** The entity a form belongs to (canonical name, a variant, or a titled form). */
export function entityOf(form: string, entities: NamedEntity[]): NamedEntity | undefined {
  const clean = form.trim();
  return entities.find((e) => formsOf(e).includes(clean)) ?? entities.find((e) => e.kind === "person" && formsOf(e).some((f) => clean.endsWith(` ${f}`)));
}
