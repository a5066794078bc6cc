/** Furniture of transcripts, press releases and reader prompts, shared by extraction and sentence analysis (no NLP here). */
/**
 * Broadcast and press-release furniture: a host's greeting and sign-off, the thanks exchanged with a guest,
 * production credits and "subscribe wherever you get your podcasts", press-release headers and boilerplate, photo
 * captions marked as such, court docket lines, and prompts to the reader ("Send it to our newsroom").
 */
export const SHOW_FURNITURE = [
  /^(?:hello|hi|hey|good (?:morning|afternoon|evening))\b[^.!?]{0,20}\b(?:welcome|everyone|everybody|listeners|folks)\b/i,
  /^(?:and )?welcome (?:back )?to (?:the |this |our |another )?(?:\p{Lu}|show|podcast|program|episode)/iu,
  /\b(?:thanks?|thank you) (?:so much |very much )?for (?:listening|watching|tuning in|joining (?:us|me)|having me|being here|coming on|coming in)\b/i,
  /^(?:thank you|thanks)(?: (?:so|very) much)?(?:,? (?:for|to) [^.!?]{0,30})?(?:,? \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?)?[.!]?$/u,
  /^(?:\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?,\s+)(?:thank you|thanks)\b[^.!?]{0,30}[.!]?$/u,
  /^(?:my pleasure|great to be here|glad to be here|happy to be here|thanks for having me|it['’]s a pleasure)\b[^.!?]{0,30}[.!]?$/i,
  /^(?:that['’]s|that is|and that['’]s) (?:our|the|all for (?:our|the)) (?:show|episode|program|podcast)\b/i,
  /^(?:see|talk to|catch) you (?:next|again|soon)\b/i,
  /\b(?:is|was) (?:produced|edited|mixed|engineered|hosted) by \p{Lu}|^(?:produced|edited|mixed|engineered|hosted|fact-checked) by \p{Lu}|\b(?:our )?theme music (?:is )?(?:by|from)\b|\bmusic (?:is )?by \p{Lu}/u,
  /\bsubscribe (?:wherever|on|in|to (?:the|our) (?:show|podcast|channel))\b|\bwherever you (?:get|listen to) (?:your )?podcasts\b|\bleave (?:us )?a (?:review|rating)\b|\brate(?:,)? (?:and )?review\b/i,
  /^(?:for immediate release\b|(?:media |press )?contacts?\s*:)/i,
  /^(?:#{3}|-?30-?|end)$/i,
  /^[Aa]bout (?:the )?\p{Lu}[\p{L}'’&. -]{2,60}:\s/u,
  /^(?:photo|image|picture) caption\s*:|\((?:staff|file) photo\)\s*$|\((?:photo|photograph|image)(?: by| courtesy of| credit:?) [^)]*\)\s*$/i,
  /^(?:docket|case|cause) (?:no\.|number)\s*[:\w]|^No\. \d[\w-]*\.?$/i,
  // Site controls and study aids pasted with the text: "Adjust font size:", "Listen to this article", "Tip: …", "Study guide".
  /^(?:adjust|change|increase|decrease|reset) (?:the )?(?:font|text) size\b|^(?:font|text) size\s*:|^(?:A-?\s*A\+?|A\+\s*A-)$/i,
  /^listen to (?:this|the) (?:article|story|report|piece)\b|^(?:\d+\s*min(?:ute)?s? (?:read|listen))\b/i,
  /^(?:(?:study|reading|quick|pro|teacher|student|vocabulary) )?tips?\s*[:—–-]\s|^study guide\b|^(?:vocabulary|key terms|discussion questions|comprehension questions)\s*:?$/i,
  /^(?:read more|advertisement|sponsored content|related\s*:|sign up (?:for|to|here)\b|share (?:this|on|via)\b|copyright\b|©|\(c\) \d{4})|\ball rights reserved\b/i,
  // Captions the page did not mark up: "Photo: …", "Image: …", a credit in parentheses ("(AP Photo/Jane Doe)",
  // "(Jane Doe/Getty Images)"), or "Credit Jane Doe/Agence France-Presse".
  /^(?:photo|image|picture|video|graphic|illustration|photograph)s?\s*[:|]\s/i,
  /\((?:[^()]*\b(?:AP|Reuters|AFP|Getty|Photo|Photograph|Images?|Pictures?)\b[^()]*|\p{Lu}[^()]{1,50}\/\p{Lu}[^()]{1,50})\)\s*$/u,
  /^(?:[Pp]hoto |[Ii]mage )?[Cc]redits?\s*[:\s]\s*\p{Lu}[^.]{0,100}(?:\/|Getty|Images|Press|Reuters|\bAP\b|Photo)/u,
  // Print-edition lines and picture sources: "A version of this article appears in print on …, on Page A22",
  // "Source: Supplied".
  /\bappear(?:s|ed)? in print on\b[^.]{0,80}\b(?:page|edition)\b|\bappeared in (?:the )?(?:print|[\p{L} ]{1,20} print) edition\b|^a version of this (?:article|story|column) (?:appears|appeared)\b/iu,
  /^(?:picture |photo |image )?source\s*:\s*(?:supplied|getty|ap|reuters|afp|aap|file)\b/i,
  /^have a (?:question|tip|story idea|news tip)\b[^.]*\?|\bsend (?:it|them|your [\p{L} ]{1,20}) to (?:us|our (?:newsroom|team|editors|desk))\b|\b(?:email|write to|contact) (?:us|our newsroom)\b/iu,
];

/** A transcript's speaker label ("JUNE PARK:", "HOST (JUNE PARK):", "Q:") before the words themselves. */
export const SPEAKER_LABEL = /^(?:[\p{Lu}][\p{Lu}.'’-]*(?:\s+[\p{Lu}][\p{Lu}.'’-]*){0,3}(?:\s*\([^)]{1,40}\))?|[QA]):\s+/u;

/** True when a line or sentence (its speaker label ignored) is broadcast, press-release or reader-prompt furniture. */
export function isShowFurniture(text: string): boolean {
  const words = String(text).replace(SPEAKER_LABEL, "");
  return SHOW_FURNITURE.some((pattern) => pattern.test(words));
}
