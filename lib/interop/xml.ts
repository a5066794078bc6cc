/** XML text and attribute escaping for the writers (the only characters XML 1.0 requires, plus quotes). */
export function xmlEscape(text: string): string {
  return text
    // Characters XML 1.0 forbids outright (C0 controls other than tab, newline, return).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** HTML-escapes text that an LMS will show as HTML (before it is XML-escaped in turn). */
export function htmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
