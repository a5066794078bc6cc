/** Paper sizes for print views. `auto` leaves the choice to the printer dialog. */
export type Paper = "a4" | "letter" | "auto";

export function parsePaper(value: string | string[] | undefined): Paper {
  return value === "a4" || value === "letter" ? value : "auto";
}

/** The @page rule for a print view: the sheet size and margins that fit both A4 and Letter. */
export function pageRule(paper: Paper): string {
  const size = paper === "a4" ? "A4" : paper === "letter" ? "letter" : "auto";
  return `@page { size: ${size}; margin: 16mm 15mm 18mm; }`;
}

/** Lines students write on for a short answer: roughly one line per 60 characters allowed, between 3 and 8. */
export function writingLines(maxLength: number): number {
  return Math.min(8, Math.max(3, Math.ceil(maxLength / 60)));
}
