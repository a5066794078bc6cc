/** Where lib/reading/shared-html.ts keeps its HTML, so the server render of the client island can read it too. */
export const SHARED_HTML_REGISTRY = Symbol.for("civics-lab.shared-html");
export type SharedHtmlRegistry = Map<string, string>;
/** A key: base64url SHA-256. */
export const SHARED_HTML_KEY = /^[A-Za-z0-9_-]{43}$/;
