/** Small DOM helpers shared by the lesson page's client islands. */

/** The first lesson paragraph whose top is in the viewport (or the one straddling its top edge). */
export function paragraphInView(): HTMLElement | null {
  const paragraphs = document.querySelectorAll<HTMLElement>("[data-paragraph]");
  for (const paragraph of paragraphs) {
    const rect = paragraph.getBoundingClientRect();
    if (rect.bottom > 80) return rect.top < window.innerHeight ? paragraph : null;
  }
  return null;
}

/** Brings a paragraph into view, marks it and moves focus there so keyboard and screen-reader users land on it too. */
export function revealParagraph(element: HTMLElement, options: { highlight: boolean }): void {
  if (options.highlight) {
    document.querySelectorAll("[data-highlight]").forEach((el) => el.removeAttribute("data-highlight"));
    element.setAttribute("data-highlight", "");
  }
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  element.focus({ preventScroll: true });
}
